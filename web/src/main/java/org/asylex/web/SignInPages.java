package org.asylex.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.asylex.app.users.Role;
import org.asylex.server.http.RequestLog;
import org.asylex.store.UserAccount;

/**
 * Signing in with an account's password and signing out. The sign-in form is protected against
 * cross-site posts by a token in a cookie that the form repeats (there is no session yet to hold
 * one); a successful sign-in always starts a new session, ending any the browser had.
 */
public final class SignInPages {
  static final String FORM_COOKIE = "asylex-signin";
  static final String DEVICE_COOKIE = "asylex-device";

  private final Site site;
  private final SignInLimits limits;

  SignInPages(Site site, SignInLimits limits) {
    this.site = site;
    this.limits = limits;
  }

  /** One field's error, linked from the error summary. */
  public record FieldError(String field, String message) {}

  /** The sign-in form's model. */
  public record SignInPage(
      Frame frame,
      String formToken,
      String back,
      String name,
      List<FieldError> errors,
      boolean oidc) {}

  void mount(JavalinConfig javalin) {
    javalin.routes.get("/", this::home);
    javalin.routes.get("/sign-in", this::form);
    javalin.routes.post("/sign-in", this::signIn);
    javalin.routes.post("/sign-out", this::signOut);
  }

  /** The start page of the signed-in role; the sign-in form for anyone else. */
  private void home(Context ctx) {
    RequestLog.matched(ctx, "/");
    Optional<Sessions.Session> session = site.session(ctx);
    ctx.redirect(session.map(s -> Site.startPage(s.role())).orElse("/sign-in"));
  }

  private void form(Context ctx) {
    RequestLog.matched(ctx, "/sign-in");
    // Shown to a signed-in browser too: signing in again (as someone else, say) ends its session.
    render(ctx, WebUi.localPath(ctx.queryParam("back")), "", List.of());
  }

  private void render(Context ctx, String back, String name, List<FieldError> errors) {
    String token = site.sessions.randomToken();
    Site.cookie(ctx, FORM_COOKIE, token, -1);
    site.pages.render(
        ctx,
        "signin.jte",
        new SignInPage(
            site.frame(ctx, Optional.empty()),
            token,
            back,
            name,
            errors,
            site.config.oidc().isPresent()));
  }

  private void signIn(Context ctx) {
    RequestLog.matched(ctx, "/sign-in");
    Texts t = Texts.of(Lang.of(ctx));
    if (!Sessions.same(ctx.cookie(FORM_COOKIE), ctx.formParam("csrf"))) {
      site.refuse(ctx, 403, "error.csrf", Optional.empty());
      return;
    }
    String name = trimmed(ctx.formParam("name"));
    String password = ctx.formParam("password");
    String back = WebUi.localPath(ctx.formParam("back"));
    var errors = new java.util.ArrayList<FieldError>();
    if (name.isEmpty()) {
      errors.add(new FieldError("name", t.get("signIn.nameMissing")));
    }
    if (password == null || password.isEmpty()) {
      errors.add(new FieldError("password", t.get("signIn.passwordMissing")));
    }
    if (!errors.isEmpty()) {
      ctx.status(422);
      render(ctx, back, name, errors);
      return;
    }
    String client = ctx.ip();
    if (!limits.allowed(client, name, ctx.cookie(DEVICE_COOKIE))) {
      ctx.status(429).header("Retry-After", "30");
      render(ctx, back, name, List.of(new FieldError("name", t.get("signIn.tooMany"))));
      return;
    }
    Optional<UserAccount> account = site.app.accounts().signIn(name, password);
    if (account.isEmpty()) {
      limits.failed(client, name);
      ctx.status(401);
      render(ctx, back, name, List.of(new FieldError("name", t.get("signIn.wrong"))));
      return;
    }
    site.sessions.end(ctx.cookie(Site.SESSION_COOKIE));
    Role role = Role.fromId(account.get().role()).orElseThrow();
    Sessions.Session session = site.sessions.start(account.get().name(), role);
    Site.cookie(ctx, Site.SESSION_COOKIE, session.id(), -1);
    String device = ctx.cookie(DEVICE_COOKIE);
    if (device == null || device.length() != 43) {
      device = site.sessions.randomToken();
      Site.cookie(ctx, DEVICE_COOKIE, device, 60L * 60 * 24 * 365);
    }
    limits.succeeded(device, account.get().name());
    Site.cookie(ctx, FORM_COOKIE, "", 0);
    ctx.redirect(
        back.equals("/") ? Site.startPage(role) : back, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    RequestLog.matched(ctx, "/sign-out");
    Optional<Sessions.Session> session = site.session(ctx);
    if (session.isPresent() && !Sessions.same(session.get().csrf(), ctx.formParam("csrf"))) {
      site.refuse(ctx, 403, "error.csrf", session);
      return;
    }
    session.ifPresent(s -> site.sessions.end(s.id()));
    Site.cookie(ctx, Site.SESSION_COOKIE, "", 0);
    ctx.redirect("/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private static String trimmed(String s) {
    return s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
