package org.asylex.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.asylex.app.users.Role;
import org.asylex.server.auth.JwtVerifier;
import org.asylex.server.http.RequestLog;

/**
 * Signing in at the OpenID Connect provider: the authorization-code flow with PKCE (S256). The
 * state, nonce and code verifier of a started sign-in stay on this server; the browser holds only
 * the state, in a cookie scoped to the callback, which must match the state the provider returns.
 * The ID token must be signed by a key of the provider's key set, issued by the configured issuer
 * for this client, unexpired, and carry the nonce; its role claim must name exactly one role.
 */
final class OidcSignIn {
  static final String STATE_COOKIE = "asylex-oidc";
  static final String CALLBACK = "/sign-in/oidc/callback";
  private static final Duration PENDING = Duration.ofMinutes(10);

  private record Pending(
      Nonce nonce, CodeVerifier verifier, URI redirect, String back, Instant at) {}

  /** The provider's endpoints and an ID token validator over its key set, found once. */
  private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

  private final Site site;
  private final WebOidc config;
  private final Clock clock;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private volatile Provider provider;

  OidcSignIn(Site site, WebOidc config, Clock clock) {
    this.site = site;
    this.config = config;
    this.clock = clock;
  }

  void mount(JavalinConfig javalin) {
    javalin.routes.get("/sign-in/oidc", this::start);
    javalin.routes.get(CALLBACK, this::callback);
  }

  private Provider provider() throws IOException, GeneralException {
    Provider p = provider;
    if (p == null) {
      // resolve() checks that the document names the configured issuer.
      OIDCProviderMetadata metadata =
          OIDCProviderMetadata.resolve(new Issuer(config.issuer().toString()));
      var keys =
          new JWSVerificationKeySelector<SecurityContext>(
              Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
              JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL()).build());
      IDTokenValidator validator =
          new IDTokenValidator(metadata.getIssuer(), new ClientID(config.clientId()), keys, null);
      validator.setMaxClockSkew((int) config.clockSkew().toSeconds());
      p = new Provider(metadata, validator);
      provider = p;
    }
    return p;
  }

  private void start(Context ctx) {
    RequestLog.matched(ctx, "/sign-in/oidc");
    Provider p;
    try {
      p = provider();
    } catch (IOException | GeneralException | RuntimeException e) {
      site.refuse(ctx, 503, "error.oidcUnavailable", Optional.empty());
      return;
    }
    Instant now = clock.instant();
    pending.values().removeIf(x -> !now.isBefore(x.at().plus(PENDING)));
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    URI redirect = config.redirectUri().orElseGet(() -> derivedRedirect(ctx));
    AuthenticationRequest request =
        new AuthenticationRequest.Builder(
                ResponseType.CODE, new Scope("openid"), new ClientID(config.clientId()), redirect)
            .endpointURI(p.metadata().getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build();
    pending.put(
        state.getValue(),
        new Pending(nonce, verifier, redirect, WebUi.localPath(ctx.queryParam("back")), now));
    ctx.res().addHeader("Set-Cookie", stateCookie(ctx, state.getValue(), PENDING.toSeconds()));
    ctx.redirect(request.toURI().toString(), HttpStatus.SEE_OTHER);
  }

  private void callback(Context ctx) {
    RequestLog.matched(ctx, CALLBACK);
    String state = ctx.queryParam("state");
    String cookie = ctx.cookie(STATE_COOKIE);
    ctx.res().addHeader("Set-Cookie", stateCookie(ctx, "", 0));
    Pending started = state == null ? null : pending.remove(state);
    if (started == null
        || !Sessions.same(cookie, state)
        || !clock.instant().isBefore(started.at().plus(PENDING))) {
      site.refuse(ctx, 403, "error.oidcState", Optional.empty());
      return;
    }
    String code = ctx.queryParam("code");
    if (code == null || code.isEmpty()) {
      // The provider's error (the person cancelled, say) is not echoed: it is its text, not ours.
      site.refuse(ctx, 401, "error.oidcRefused", Optional.empty());
      return;
    }
    IDTokenClaimsSet claims;
    try {
      claims = redeem(provider(), started, code);
    } catch (IOException | GeneralException | BadJOSEException | JOSEException e) {
      site.refuse(ctx, 401, "error.oidcRefused", Optional.empty());
      return;
    }
    List<Role> roles = JwtVerifier.roles(claims.getClaim(config.roleClaim()));
    if (roles.size() != 1) {
      site.refuse(ctx, 403, "error.oidcRole", Optional.empty());
      return;
    }
    site.sessions.end(ctx.cookie(Site.SESSION_COOKIE));
    Role role = roles.get(0);
    Sessions.Session session =
        site.sessions.start("oidc:" + claims.getSubject().getValue(), role, true);
    Site.cookie(ctx, Site.SESSION_COOKIE, session.id(), -1);
    String back = started.back();
    String target = back.equals("/") ? Site.startPage(role) : back;
    // Not a redirect: this request came from the provider's site, and a browser sends no
    // SameSite=Strict cookie along a redirect chain that started cross-site, so the start page
    // would not see the new session. A page of our own that moves on is a same-site navigation.
    site.pages.render(
        ctx, "continue.jte", new Site.ContinuePage(site.frame(ctx, Optional.of(session)), target));
  }

  /** Trades the code (with the PKCE verifier) for tokens and validates the ID token. */
  private IDTokenClaimsSet redeem(Provider p, Pending started, String code)
      throws IOException, GeneralException, BadJOSEException, JOSEException {
    TokenRequest request =
        new TokenRequest.Builder(
                p.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(
                    new ClientID(config.clientId()), new Secret(config.clientSecret())),
                new AuthorizationCodeGrant(
                    new AuthorizationCode(code), started.redirect(), started.verifier()))
            .build();
    TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    if (!response.indicatesSuccess()) {
      throw new GeneralException("the token endpoint refused the code");
    }
    OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
    return p.validator().validate(tokens.getOIDCTokens().getIDToken(), started.nonce());
  }

  private static URI derivedRedirect(Context ctx) {
    return URI.create(ctx.scheme() + "://" + ctx.host() + CALLBACK);
  }

  /**
   * The state cookie is {@code SameSite=Lax}, unlike the session's: the provider's redirect back is
   * a cross-site top-level navigation, on which a strict cookie would not be sent.
   */
  private static String stateCookie(Context ctx, String value, long maxAge) {
    return STATE_COOKIE
        + "="
        + value
        + "; Path="
        + CALLBACK
        + "; Max-Age="
        + maxAge
        + "; HttpOnly; SameSite=Lax"
        + (Site.loopback(ctx) ? "" : "; Secure");
  }
}
