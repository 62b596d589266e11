package org.asylex.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;
import org.asylex.app.Application;
import org.asylex.server.ServerExtension;
import org.asylex.server.http.RequestLog;

/**
 * The web UI, mounted at {@code /} in the API's server ({@link ServerExtension}): server-rendered
 * pages over the same application, so the same store, accounts, roles and audit trail. Pages parse
 * the request, call one use case and render; they hold no workflow of their own.
 */
public final class WebUi implements ServerExtension {
  private final WebConfig config;

  public WebUi(WebConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public void mount(JavalinConfig javalin, Application app) {
    Assets assets = Assets.load(config);
    for (Map.Entry<String, Assets.Asset> file : assets.files().entrySet()) {
      javalin.routes.get(
          file.getKey(),
          ctx -> {
            RequestLog.matched(ctx, file.getKey());
            Assets.serve(ctx, file.getValue());
          });
    }
    javalin.routes.get("/language", WebUi::switchLanguage);
    Site site =
        new Site(
            config,
            app,
            new Pages(),
            new Sessions(config.clock(), config.idleTimeout(), config.absoluteTimeout()));
    new SignInPages(site, new SignInLimits(config.clock())).mount(javalin);
    config.oidc().ifPresent(oidc -> new OidcSignIn(site, oidc, config.clock()).mount(javalin));
    new StartPages(site).mount(javalin);
    new AccountPages(site).mount(javalin);
    CasePages cases = new CasePages(site);
    // The interview's fixed paths (/cases/new) before the case pages' /cases/{id}.
    new IntakePages(site, cases).mount(javalin);
    cases.mount(javalin);
    new PolicyPages(site).mount(javalin);
    new ImpactPages(site).mount(javalin);
  }

  /** Keeps the chosen language in a cookie and goes back to the page the switch was on. */
  private static void switchLanguage(Context ctx) {
    RequestLog.matched(ctx, "/language");
    Lang lang = Lang.fromCode(ctx.queryParam("to")).orElse(Lang.NL);
    ctx.header(
        "Set-Cookie",
        Lang.COOKIE + "=" + lang.code() + "; Path=/; Max-Age=31536000; SameSite=Strict");
    ctx.redirect(localPath(ctx.queryParam("back")));
  }

  /** A path on this server to go back to; anything else (another site, a scheme) goes home. */
  static String localPath(String back) {
    if (back == null
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.startsWith("/\\")
        || back.chars().anyMatch(c -> c < 0x21 || c == '\\')) {
      return "/";
    }
    return back;
  }
}
