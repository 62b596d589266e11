package org.asylex.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.asylex.app.users.ApiTokens;
import org.asylex.app.users.Role;
import org.asylex.store.UserAccount;

/**
 * Finds who presents a bearer credential: an API token of an active account ({@code asx_…}, checked
 * by the accounts against its BCrypt hash, then cached), or, when OpenID Connect is configured, a
 * JWT of its provider. Anything else is {@link Unauthenticated}.
 *
 * <p>BCrypt is slow on purpose, so checking made-up tokens must not become a way to stop the server
 * ({@link AuthLimits}): a cached token is answered without BCrypt and without waiting for any
 * limit; a token that failed lately is refused without BCrypt; a token id or a client that failed
 * too often gets 429; and only a bounded number of checks run at once (the rest: 503). Every
 * refusal says {@code Retry-After}.
 */
public final class Authenticator {
  private static final String BEARER = "bearer ";

  /** Keys each failure budget remembers at most. */
  private static final int MAX_BUDGET_KEYS = 100_000;

  /**
   * Checks an API token: the active account whose token it is, if any. The server passes {@link
   * org.asylex.app.users.Accounts}; slow on purpose (BCrypt), which is why results are cached and
   * one token is verified once at a time.
   */
  @FunctionalInterface
  public interface TokenVerifier {
    Optional<UserAccount> verify(String token);

    /**
     * Whether the account named {@code name} still holds the token with this id and is active:
     * looked up without BCrypt, for a token in the cache. By default always (a verifier that cannot
     * tell: tests).
     */
    default boolean stillValid(String tokenId, String name) {
      return true;
    }
  }

  private final TokenVerifier tokens;
  private final TokenCache cache;
  private final ConcurrentHashMap<String, CompletableFuture<Principal>> inFlight =
      new ConcurrentHashMap<>();
  private final Optional<JwtVerifier> jwt;
  private final AuthLimits limits;
  private final RecentFailures failures;
  private final FailureBudgets perTokenId;
  private final FailureBudgets perClient;
  private final Verifications verifications;

  public Authenticator(TokenVerifier tokens, TokenCache cache, Optional<JwtVerifier> jwt) {
    this(tokens, cache, jwt, AuthLimits.defaults());
  }

  public Authenticator(
      TokenVerifier tokens, TokenCache cache, Optional<JwtVerifier> jwt, AuthLimits limits) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.jwt = Objects.requireNonNull(jwt, "jwt");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.failures = new RecentFailures(limits.failureTtl(), TokenCache.DEFAULT_MAX_ENTRIES);
    this.perTokenId = new FailureBudgets(limits.perTokenId(), MAX_BUDGET_KEYS);
    this.perClient = new FailureBudgets(limits.perClient(), MAX_BUDGET_KEYS);
    this.verifications = new Verifications(limits);
  }

  /** {@link #authenticate(String, String)} for a client without an address (tests). */
  public Principal authenticate(String authorization) {
    return authenticate(authorization, "-");
  }

  /**
   * The principal of an {@code Authorization} header value.
   *
   * @param authorization the header, or null when there was none
   * @param client the client's address, for its failure budget
   * @throws Unauthenticated when there is no usable credential
   * @throws Throttled when the token would need a check that its token id's or its client's
   *     failures, or the checks already running, do not allow now
   * @throws org.asylex.server.http.ApiProblem 403 for a JWT without exactly one known role
   */
  public Principal authenticate(String authorization, String client) {
    if (authorization == null || authorization.isBlank()) {
      throw new Unauthenticated(false);
    }
    if (authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new Unauthenticated(true);
    }
    String credential = authorization.substring(BEARER.length()).strip();
    Optional<String> tokenId = ApiTokens.idOf(credential);
    if (tokenId.isPresent()) {
      return apiToken(credential, tokenId.get(), client == null ? "-" : client);
    }
    if (jwt.isPresent() && JwtVerifier.looksLikeJwt(credential)) {
      return jwt.get().verify(credential);
    }
    throw new Unauthenticated(true);
  }

  private Principal apiToken(String token, String tokenId, String client) {
    String fingerprint = ApiTokens.fingerprint(token);
    Optional<TokenCache.Entry> cached = cache.entry(fingerprint);
    if (cached.isPresent()) {
      return stillValid(fingerprint, cached.get());
    }
    long now = System.nanoTime();
    if (failures.contains(fingerprint, now)) {
      throw new Unauthenticated(true);
    }
    requireBudget(tokenId, client, now);
    // One verification per token at a time: when a cached token expires under load, every request
    // holding it would otherwise run BCrypt at once (16 connections: 16 × ~70 ms on two cores).
    var mine = new CompletableFuture<Principal>();
    CompletableFuture<Principal> running = inFlight.putIfAbsent(fingerprint, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      Principal principal = verifications.run(() -> verify(token, tokenId, fingerprint, client));
      mine.complete(principal);
      return principal;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(fingerprint, mine);
    }
  }

  /**
   * A cached token's principal; once the entry's last check is older than the recheck time, its
   * account is looked up again (no BCrypt), so that a change made elsewhere takes effect.
   */
  private Principal stillValid(String fingerprint, TokenCache.Entry entry) {
    Instant now = cache.now();
    if (entry.tokenId() == null || now.isBefore(entry.checked().plus(limits.recheck()))) {
      return entry.principal();
    }
    if (tokens.stillValid(entry.tokenId(), entry.principal().name())) {
      cache.checked(fingerprint);
      return entry.principal();
    }
    cache.remove(fingerprint);
    failures.add(fingerprint, System.nanoTime());
    throw new Unauthenticated(true);
  }

  private void requireBudget(String tokenId, String client, long now) {
    Duration wait = perTokenId.wait(tokenId, now);
    Duration clientWait = perClient.wait(client, now);
    if (clientWait.compareTo(wait) > 0) {
      wait = clientWait;
    }
    if (!wait.isZero()) {
      throw new Throttled(
          true,
          (wait.toMillis() + 999) / 1000,
          "Too many failed token checks from this client or for this token id; wait as"
              + " Retry-After says.");
    }
  }

  private Principal verify(String token, String tokenId, String fingerprint, String client) {
    long generation = cache.generation();
    Optional<UserAccount> found = tokens.verify(token);
    if (found.isEmpty()) {
      long now = System.nanoTime();
      failures.add(fingerprint, now);
      perTokenId.failed(tokenId, now);
      perClient.failed(client, now);
      throw new Unauthenticated(true);
    }
    UserAccount account = found.get();
    Role role =
        Role.fromId(account.role())
            .orElseThrow(() -> new IllegalStateException("the store holds an unknown role"));
    Principal principal = new Principal(account.name(), role, Principal.Via.API_TOKEN);
    cache.put(fingerprint, principal, tokenId, generation);
    return principal;
  }

  /**
   * Forgets the cached verifications of this user's tokens: call after disabling or re-tokening.
   */
  public void revoke(String userName) {
    cache.evictUser(userName);
  }
}
