package org.asylex.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import org.asylex.app.Application;
import org.asylex.app.Refused;
import org.asylex.app.users.Role;
import org.asylex.server.auth.Principal;
import org.asylex.server.http.RequestLog;
import org.asylex.server.http.Requests;

/**
 * What every page shares: the session behind the request, the role check, the CSRF check of every
 * form post, the frame, and the pages for refusals. A page handler gets a {@link Visit} only after
 * all of those passed.
 */
public final class Site {
  static final String SESSION_COOKIE = "asylex-session";

  /** A page's work, given the request and the signed-in visit. */
  @FunctionalInterface
  interface PageHandler {
    void handle(Context ctx, Visit visit) throws Exception;
  }

  /** A signed-in request: the session and the frame its page is drawn in. */
  record Visit(Sessions.Session session, Frame frame) {
    Texts t() {
      return frame.t();
    }

    /** The actor in the audit trail: the account's name, as the API records it. */
    String actor() {
      return session.name();
    }
  }

  final WebConfig config;
  final Application app;
  final Pages pages;
  final Sessions sessions;

  Site(WebConfig config, Application app, Pages pages, Sessions sessions) {
    this.config = config;
    this.app = app;
    this.pages = pages;
    this.sessions = sessions;
  }

  /** A page read with GET (and HEAD) by the roles given. */
  void get(JavalinConfig javalin, String path, Set<Role> roles, PageHandler handler) {
    javalin.routes.get(path, ctx -> guarded(ctx, path, roles, handler, false));
  }

  /** A form post by the roles given; refused without the session's CSRF token. */
  void post(JavalinConfig javalin, String path, Set<Role> roles, PageHandler handler) {
    javalin.routes.post(path, ctx -> guarded(ctx, path, roles, handler, true));
  }

  private void guarded(Context ctx, String path, Set<Role> roles, PageHandler handler, boolean form)
      throws Exception {
    RequestLog.matched(ctx, path);
    Optional<Sessions.Session> session = session(ctx);
    if (session.isEmpty()) {
      if (form) {
        refuse(ctx, 403, "error.expired", Optional.empty());
      } else {
        ctx.redirect(
            "/sign-in?back="
                + java.net.URLEncoder.encode(
                    ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString(),
                    java.nio.charset.StandardCharsets.UTF_8));
      }
      return;
    }
    Sessions.Session s = session.get();
    Requests.authenticate(ctx, new Principal(s.name(), s.role(), Principal.Via.BROWSER_SESSION));
    if (form && !Sessions.same(s.csrf(), ctx.formParam("csrf"))) {
      refuse(ctx, 403, "error.csrf", session);
      return;
    }
    if (!roles.contains(s.role())) {
      refuse(ctx, 403, "error.forbidden", session);
      return;
    }
    Visit visit = new Visit(s, frame(ctx, session));
    try {
      handler.handle(ctx, visit);
    } catch (Refused e) {
      String code = e.refusal().code();
      int status = code.endsWith("not-found") ? 404 : 422;
      String key = "refusal." + code;
      String message = visit.t().has(key) ? visit.t().get(key) : e.refusal().message();
      ctx.status(status);
      pages.render(ctx, "error.jte", new ErrorPage(visit.frame(), message));
    }
  }

  /** The model of an error page: what went wrong, in the visitor's language. */
  public record ErrorPage(Frame frame, String message) {}

  /** The page that takes the browser on to {@code target} once signed in (same-site refresh). */
  public record ContinuePage(Frame frame, String target) {}

  /** Answers with an error page worded by {@code key}. */
  void refuse(Context ctx, int status, String key, Optional<Sessions.Session> session) {
    // The refused path (which may hold a case id) is not echoed, not even in the language switch.
    Frame base = frame(ctx, session);
    Frame frame = new Frame(base.t(), base.themeClass(), base.user(), base.csrf(), "/");
    ctx.status(status);
    pages.render(ctx, "error.jte", new ErrorPage(frame, frame.t().get(key)));
  }

  /** The request's live session, if its account is still active (disabling one ends it). */
  Optional<Sessions.Session> session(Context ctx) {
    String id = ctx.cookie(SESSION_COOKIE);
    Optional<Sessions.Session> session = sessions.find(id);
    if (session.isPresent()
        && !session.get().external()
        && app.accounts().active(session.get().name()).isEmpty()) {
      sessions.end(id);
      return Optional.empty();
    }
    return session;
  }

  Frame frame(Context ctx, Optional<Sessions.Session> session) {
    return new Frame(
        Texts.of(Lang.of(ctx)),
        config.themeClass(),
        session.map(s -> new Frame.SignedIn(s.name(), s.role())),
        session.map(Sessions.Session::csrf).orElse(""),
        here(ctx));
  }

  /**
   * Where the language switch comes back to: a page shown by GET with its query (a filtered list,
   * an impact's dates keep their values in the other language); after a POST, its path only.
   */
  static String here(Context ctx) {
    String query = ctx.queryString();
    boolean get = "GET".equals(ctx.method().name());
    return get && query != null && !query.isEmpty() ? ctx.path() + "?" + query : ctx.path();
  }

  /**
   * Sets a cookie the page's script never reads: {@code HttpOnly}, {@code SameSite=Strict}, and
   * {@code Secure} unless the browser is on this machine (plain HTTP on loopback is the only way a
   * local server without TLS can be used).
   */
  static void cookie(Context ctx, String name, String value, long maxAgeSeconds) {
    StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/");
    if (maxAgeSeconds >= 0) {
      c.append("; Max-Age=").append(maxAgeSeconds);
    }
    c.append("; HttpOnly; SameSite=Strict");
    if (!loopback(ctx)) {
      c.append("; Secure");
    }
    ctx.res().addHeader("Set-Cookie", c.toString());
  }

  static boolean loopback(Context ctx) {
    if ("https".equals(ctx.scheme())) {
      return false;
    }
    try {
      return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Where a role starts. */
  static String startPage(Role role) {
    return switch (role) {
      case OFFICER -> "/cases";
      case POLICY_ANALYST -> "/policy";
      case AUDITOR -> "/audit";
      case ADMIN -> "/accounts";
    };
  }
}
