package org.asylex.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asylex.app.users.ApiTokens;
import org.asylex.app.users.Role;
import org.asylex.store.UserAccount;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
  private final ApiTokens tokens = new ApiTokens(4);

  /**
   * One account, and a count of how often authentication verified a token against it (once per
   * verification), checked as the accounts check it: the token's id, an active account, its hash.
   */
  private final class OneAccount implements Authenticator.TokenVerifier {
    final AtomicInteger lookups = new AtomicInteger();
    final UserAccount account;

    OneAccount(ApiTokens.NewToken token, boolean active) {
      account =
          new UserAccount(
              "alice",
              "officer",
              token.id(),
              token.hash(),
              Instant.parse("2026-01-01T00:00:00Z"),
              active ? Optional.empty() : Optional.of(Instant.parse("2026-02-01T00:00:00Z")));
    }

    @Override
    public Optional<UserAccount> verify(String presented) {
      lookups.incrementAndGet();
      sleep(); // as slow as a real lookup and BCrypt, so that concurrent callers overlap
      return ApiTokens.idOf(presented)
          .filter(account.tokenId()::equals)
          .map(id -> account)
          .filter(UserAccount::active)
          .filter(a -> tokens.matches(presented, a.tokenHash()));
    }

    private static void sleep() {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private List<Future<Principal>> sixteenAtOnce(Authenticator auth, String header)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    var gate = new CountDownLatch(1);
    var futures = new ArrayList<Future<Principal>>();
    for (int i = 0; i < 16; i++) {
      futures.add(
          pool.submit(
              () -> {
                gate.await();
                return auth.authenticate(header);
              }));
    }
    gate.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    return futures;
  }

  @Test
  void concurrentRequestsWithAnUncachedTokenVerifyItOnce() throws Exception {
    ApiTokens.NewToken token = tokens.generate();
    var users = new OneAccount(token, true);
    var auth =
        new Authenticator(
            users, new TokenCache(Duration.ofMinutes(1), Clock.systemUTC(), 100), Optional.empty());

    for (Future<Principal> f : sixteenAtOnce(auth, "Bearer " + token.token())) {
      assertThat(f.get().name()).isEqualTo("alice");
      assertThat(f.get().role()).isEqualTo(Role.OFFICER);
    }
    assertThat(users.lookups).hasValue(1);
  }

  @Test
  void concurrentRequestsWithARefusedTokenAreAllRefused() throws Exception {
    ApiTokens.NewToken token = tokens.generate();
    var users = new OneAccount(token, false);
    var auth =
        new Authenticator(
            users, new TokenCache(Duration.ofMinutes(1), Clock.systemUTC(), 100), Optional.empty());

    for (Future<Principal> f : sixteenAtOnce(auth, "Bearer " + token.token())) {
      assertThatThrownBy(f::get).hasCauseInstanceOf(Unauthenticated.class);
    }
    // A refusal is not remembered: the next request verifies again (and is refused again).
    int before = users.lookups.get();
    assertThatThrownBy(() -> auth.authenticate("Bearer " + token.token()))
        .isInstanceOf(Unauthenticated.class);
    assertThat(users.lookups.get()).isEqualTo(before + 1);
  }
}
