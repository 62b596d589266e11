package org.asylex.server.auth;

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
 */
public final class Authenticator {
  private static final String BEARER = "bearer ";

  /**
   * Checks an API token: the active account whose token it is, if any. The server passes {@link
   * org.asylex.app.users.Accounts#verify}; slow on purpose (BCrypt), which is why results are
   * cached and one token is verified once at a time.
   */
  @FunctionalInterface
  public interface TokenVerifier {
    Optional<UserAccount> verify(String token);
  }

  private final TokenVerifier tokens;
  private final TokenCache cache;
  private final ConcurrentHashMap<String, CompletableFuture<Principal>> inFlight =
      new ConcurrentHashMap<>();
  private final Optional<JwtVerifier> jwt;

  public Authenticator(TokenVerifier tokens, TokenCache cache, Optional<JwtVerifier> jwt) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.jwt = Objects.requireNonNull(jwt, "jwt");
  }

  /**
   * The principal of an {@code Authorization} header value.
   *
   * @param authorization the header, or null when there was none
   * @throws Unauthenticated when there is no usable credential
   * @throws org.asylex.server.http.ApiProblem 403 for a JWT without exactly one known role
   */
  public Principal authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw new Unauthenticated(false);
    }
    if (authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new Unauthenticated(true);
    }
    String credential = authorization.substring(BEARER.length()).strip();
    if (ApiTokens.idOf(credential).isPresent()) {
      return apiToken(credential);
    }
    if (jwt.isPresent() && JwtVerifier.looksLikeJwt(credential)) {
      return jwt.get().verify(credential);
    }
    throw new Unauthenticated(true);
  }

  private Principal apiToken(String token) {
    String fingerprint = ApiTokens.fingerprint(token);
    Optional<Principal> cached = cache.get(fingerprint);
    if (cached.isPresent()) {
      return cached.get();
    }
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
      Principal principal = verify(token, fingerprint);
      mine.complete(principal);
      return principal;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(fingerprint, mine);
    }
  }

  private Principal verify(String token, String fingerprint) {
    long generation = cache.generation();
    UserAccount account = tokens.verify(token).orElseThrow(() -> new Unauthenticated(true));
    Role role =
        Role.fromId(account.role())
            .orElseThrow(() -> new IllegalStateException("the store holds an unknown role"));
    Principal principal = new Principal(account.name(), role, Principal.Via.API_TOKEN);
    cache.put(fingerprint, principal, generation);
    return principal;
  }

  /**
   * Forgets the cached verifications of this user's tokens: call after disabling or re-tokening.
   */
  public void revoke(String userName) {
    cache.evictUser(userName);
  }
}
