package org.asylex.server.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.asylex.store.UserAccount;
import org.asylex.store.Users;

/**
 * Finds who presents a bearer credential: an API token of an active account ({@code asx_…}, checked
 * against its BCrypt hash, then cached), or, when OpenID Connect is configured, a JWT of its
 * provider. Anything else is {@link Unauthenticated}.
 */
public final class Authenticator {
  private static final String BEARER = "bearer ";

  private final Users users;
  private final ApiTokens tokens;
  private final TokenCache cache;
  private final ConcurrentHashMap<String, CompletableFuture<Principal>> inFlight =
      new ConcurrentHashMap<>();
  private final Optional<JwtVerifier> jwt;

  public Authenticator(Users users, ApiTokens tokens, TokenCache cache, Optional<JwtVerifier> jwt) {
    this.users = Objects.requireNonNull(users, "users");
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
    Optional<String> tokenId = ApiTokens.idOf(credential);
    if (tokenId.isPresent()) {
      return apiToken(credential, tokenId.get());
    }
    if (jwt.isPresent() && JwtVerifier.looksLikeJwt(credential)) {
      return jwt.get().verify(credential);
    }
    throw new Unauthenticated(true);
  }

  private Principal apiToken(String token, String id) {
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
      Principal principal = verify(token, id, fingerprint);
      mine.complete(principal);
      return principal;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(fingerprint, mine);
    }
  }

  private Principal verify(String token, String id, String fingerprint) {
    long generation = cache.generation();
    UserAccount account = users.findByTokenId(id).orElseThrow(() -> new Unauthenticated(true));
    if (!account.active() || !tokens.matches(token, account.tokenHash())) {
      throw new Unauthenticated(true);
    }
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
