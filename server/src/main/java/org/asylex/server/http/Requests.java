package org.asylex.server.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.asylex.server.auth.Principal;

/** What the server knows about the current request, for handlers. */
public final class Requests {
  private static final String PRINCIPAL = "asylex.principal";

  private Requests() {}

  /** Records who made the request; called by the authentication step only. */
  public static void authenticate(Context ctx, Principal principal) {
    ctx.attribute(PRINCIPAL, principal);
  }

  /** Who made the request, if it was authenticated. */
  public static Optional<Principal> principal(Context ctx) {
    return Optional.ofNullable(ctx.attribute(PRINCIPAL));
  }

  /**
   * Who made the request: for handlers of protected routes, which run only after authentication
   * succeeded.
   */
  public static Principal actor(Context ctx) {
    return principal(ctx)
        .orElseThrow(() -> new IllegalStateException("a protected route ran unauthenticated"));
  }
}
