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
  private class OneAccount implements Authenticator.TokenVerifier {
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
    // A refusal is remembered (issue 13, defect 2): the next request is refused without BCrypt.
    int before = users.lookups.get();
    assertThatThrownBy(() -> auth.authenticate("Bearer " + token.token()))
        .isInstanceOf(Unauthenticated.class);
    assertThat(users.lookups.get()).isEqualTo(before);
  }

  private static Authenticator limited(Authenticator.TokenVerifier users, AuthLimits limits) {
    return new Authenticator(
        users,
        new TokenCache(Duration.ofMinutes(1), Clock.systemUTC(), 100),
        Optional.empty(),
        limits);
  }

  private static String wrongSecret(ApiTokens.NewToken token, int n) {
    String secret = String.format("%043d", n).replace('0', 'A');
    return "Bearer asx_" + token.id() + "_" + secret;
  }

  @Test
  void aWrongSecretRepeatedIsCheckedOnce() {
    ApiTokens.NewToken token = tokens.generate();
    var users = new OneAccount(token, true);
    var auth = limited(users, AuthLimits.defaults());
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> auth.authenticate(wrongSecret(token, 7), "10.0.0.1"))
          .isInstanceOf(Unauthenticated.class);
    }
    assertThat(users.lookups).hasValue(1);
  }

  @Test
  void aTokenIdThatFailedTooOftenIs429ButItsCachedValidTokenStillWorks() {
    ApiTokens.NewToken token = tokens.generate();
    var users = new OneAccount(token, true);
    var auth = limited(users, AuthLimits.defaults());
    assertThat(auth.authenticate("Bearer " + token.token(), "10.0.0.1").name()).isEqualTo("alice");

    for (int i = 0; i < 5; i++) {
      String header = wrongSecret(token, i);
      String client = "10.0.1." + i; // other clients: only the token id's budget is spent
      assertThatThrownBy(() -> auth.authenticate(header, client))
          .isInstanceOf(Unauthenticated.class);
    }
    int checked = users.lookups.get();
    assertThatThrownBy(() -> auth.authenticate(wrongSecret(token, 99), "10.0.2.1"))
        .isInstanceOfSatisfying(
            Throttled.class,
            t -> {
              assertThat(t.tooManyFailures()).isTrue();
              assertThat(t.retryAfterSeconds()).isBetween(1L, 10L);
            });
    assertThat(users.lookups.get()).as("no BCrypt when refused").isEqualTo(checked);
    assertThat(auth.authenticate("Bearer " + token.token(), "10.0.0.1").name()).isEqualTo("alice");
  }

  @Test
  void aClientThatFailedTooOftenIs429AndOtherClientsAreNot() {
    ApiTokens.NewToken token = tokens.generate();
    var users = new OneAccount(token, true); // 50 ms a check: 20 take a second
    var slowRefill = new AuthLimits.Budget(20, Duration.ofMinutes(1));
    var auth = limited(users, AuthLimits.defaults().withPerClient(slowRefill));
    for (int i = 0; i < 20; i++) {
      String unknownId = String.format("asx_%016x_", i) + "B".repeat(43);
      assertThatThrownBy(() -> auth.authenticate("Bearer " + unknownId, "10.9.9.9"))
          .isInstanceOf(Unauthenticated.class);
    }
    String next = "Bearer asx_00000000000000ff_" + "B".repeat(43);
    assertThatThrownBy(() -> auth.authenticate(next, "10.9.9.9")).isInstanceOf(Throttled.class);
    assertThat(auth.authenticate("Bearer " + token.token(), "10.0.0.2").name()).isEqualTo("alice");
  }

  @Test
  void checksBeyondTheBoundAre503AtOnce() throws Exception {
    ApiTokens.NewToken token = tokens.generate();
    var users = new OneAccount(token, true); // each check takes 50 ms
    var limits =
        new AuthLimits(
            1,
            0,
            Duration.ZERO,
            new AuthLimits.Budget(1000, Duration.ofMillis(1)),
            new AuthLimits.Budget(1000, Duration.ofMillis(1)),
            Duration.ofMinutes(1),
            Duration.ofSeconds(1));
    var auth = limited(users, limits);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    var gate = new CountDownLatch(1);
    var futures = new ArrayList<Future<?>>();
    for (int i = 0; i < 8; i++) {
      String header = wrongSecret(token, i);
      futures.add(
          pool.submit(
              () -> {
                gate.await();
                return auth.authenticate(header, "10.0.0.1");
              }));
    }
    gate.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    int busy = 0;
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof Throttled t && !t.tooManyFailures()) {
          busy++;
        }
      }
    }
    assertThat(busy).as("refused as busy").isGreaterThan(0);
    assertThat(users.lookups.get()).as("checks run").isLessThan(8);
  }

  @Test
  void aCachedTokenWhoseAccountChangedElsewhereIsRefusedAfterTheRecheckTime() {
    ApiTokens.NewToken token = tokens.generate();
    var valid = new java.util.concurrent.atomic.AtomicBoolean(true);
    var users =
        new OneAccount(token, true) {
          @Override
          public boolean stillValid(String tokenId, String name) {
            return valid.get();
          }
        };
    var now = new java.util.concurrent.atomic.AtomicReference<>(Instant.now());
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    var auth =
        new Authenticator(
            users,
            new TokenCache(Duration.ofMinutes(1), clock, 100),
            Optional.empty(),
            AuthLimits.defaults());
    String header = "Bearer " + token.token();
    assertThat(auth.authenticate(header, "c").name()).isEqualTo("alice");

    valid.set(false); // disabled with the command line
    assertThat(auth.authenticate(header, "c").name())
        .as("within the recheck time")
        .isEqualTo("alice");
    now.set(now.get().plusSeconds(1));
    assertThatThrownBy(() -> auth.authenticate(header, "c")).isInstanceOf(Unauthenticated.class);
  }
}
