package org.asylex.server.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.asylex.app.Refusal;
import org.asylex.app.audit.AuditLog;
import org.asylex.app.users.Accounts;
import org.asylex.app.users.Role;
import org.asylex.server.auth.Authenticator;
import org.asylex.server.auth.Principal;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.FieldError;
import org.asylex.server.http.JsonBodies;
import org.asylex.server.http.Requests;
import org.asylex.server.http.SecurityHeaders;
import org.asylex.store.AuditEvent;
import org.asylex.store.UserAccount;
import org.asylex.store.VerifyResult;

/**
 * The routes of the system itself: health, the API description, who am I, user accounts (admin) and
 * the audit trail (auditor). Roles are given here, in the route table, and nowhere else.
 *
 * <p>The API routes refuse query parameters they do not take (400, naming it), as the domain routes
 * do, so that a misspelt {@code from} is not silently page 1. The public pages ignore them: probes
 * and browsers add cache-busting ones.
 */
public final class CoreRoutes {
  private final Accounts accounts;
  private final AuditLog audit;
  private final Authenticator authenticator;
  private final ApiDocs docs;

  public CoreRoutes(Accounts accounts, AuditLog audit, Authenticator authenticator, ApiDocs docs) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.docs = Objects.requireNonNull(docs, "docs");
  }

  /** Every core route, in the order of the API description. */
  public List<ApiRoute> routes() {
    return List.of(
        ApiRoute.publicRoute(GET, "/health", "getHealth", this::health),
        ApiRoute.publicRoute(GET, "/openapi.json", "getOpenApi", this::openApi),
        ApiRoute.publicRoute(GET, "/api-docs", "getApiDocs", this::apiDocs),
        ApiRoute.of(GET, "/api/v1/me", "getMe", this::me, Role.values()),
        ApiRoute.of(GET, "/api/v1/audit/verify", "verifyAudit", this::verifyAudit, Role.AUDITOR),
        ApiRoute.of(
            GET, "/api/v1/audit/events", "listAuditEvents", this::auditEvents, Role.AUDITOR),
        ApiRoute.of(GET, "/api/v1/users", "listUsers", this::listUsers, Role.ADMIN),
        ApiRoute.of(
            POST, "/api/v1/users", "createUser", Refusals.answered(this::createUser), Role.ADMIN),
        ApiRoute.of(
            POST,
            "/api/v1/users/{name}/token",
            "replaceUserToken",
            Refusals.answered(this::replaceToken),
            Role.ADMIN),
        ApiRoute.of(
            POST,
            "/api/v1/users/{name}/disable",
            "disableUser",
            Refusals.answered(this::disableUser),
            Role.ADMIN),
        ApiRoute.of(
            POST,
            "/api/v1/users/{name}/enable",
            "enableUser",
            Refusals.answered(this::enableUser),
            Role.ADMIN));
  }

  private void health(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  private void openApi(Context ctx) {
    ctx.contentType("application/json").result(docs.openApiJson());
  }

  private void apiDocs(Context ctx) {
    if (ctx.path().endsWith("/")) {
      // Javalin routes /api-docs/ here too, but the page names its files relative to /api-docs:
      // from /api-docs/ they would be looked for under /api-docs/api-docs/. Relative, so that it
      // holds behind a proxy that serves the API under a prefix.
      ctx.status(308).header("Location", "../api-docs");
      return;
    }
    ctx.header("Content-Security-Policy", ApiDocs.PAGE_CSP);
    ctx.contentType("text/html; charset=utf-8").result(ApiDocs.PAGE);
  }

  /** Serves one of the page's files; not an API operation, so not in the route table. */
  public static void asset(Context ctx, ApiDocs.Asset asset) {
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.header("Content-Security-Policy", SecurityHeaders.API_CSP);
    ctx.contentType(asset.mediaType()).result(asset.content());
  }

  private void me(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    Principal p = Requests.actor(ctx);
    var body = new LinkedHashMap<String, Object>();
    body.put("name", p.name());
    body.put("role", p.role().id());
    body.put("via", p.via() == Principal.Via.JWT ? "jwt" : "api-token");
    ctx.json(body);
  }

  private void verifyAudit(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    VerifyResult result = audit.verify();
    var body = new LinkedHashMap<String, Object>();
    body.put("intact", result.intact());
    body.put("events", result.checked());
    body.put("headHash", result.headHash());
    body.put("firstBroken", result.firstBroken().orElse(null));
    body.put("problem", result.problem().orElse(null));
    ctx.json(body);
  }

  private void auditEvents(Context ctx) {
    Params.only(ctx, Set.of("from", "limit"), Set.of());
    long from = Params.whole(ctx, "from", 1, 1, Long.MAX_VALUE - 1);
    int limit = Params.integer(ctx, "limit", 100, 1, AuditLog.MAX_PAGE);
    AuditLog.Page page = audit.events(from, limit);
    var items = new ArrayList<Map<String, Object>>();
    for (AuditEvent e : page.events()) {
      var item = new LinkedHashMap<String, Object>();
      item.put("seq", e.seq());
      item.put("at", e.at().toString());
      item.put("actor", e.actor());
      item.put("action", e.action());
      item.put("caseId", e.caseId().orElse(null));
      item.put("subject", e.subject().orElse(null));
      item.put("hash", e.hash());
      items.add(item);
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("items", items);
    body.put("next", page.next());
    ctx.json(body);
  }

  private void listUsers(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    var items = new ArrayList<Map<String, Object>>();
    for (UserAccount account : accounts.list()) {
      items.add(user(account));
    }
    ctx.json(Map.of("items", items));
  }

  private void createUser(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    Map<String, Object> body = JsonBodies.read(ctx);
    var errors = new ArrayList<FieldError>();
    for (String key : body.keySet()) {
      if (!key.equals("name") && !key.equals("role")) {
        errors.add(FieldError.at(pointer(key), "unknown-field", "This field is not known."));
      }
    }
    String name = body.get("name") instanceof String s ? s : null;
    String role = body.get("role") instanceof String s ? s : null;
    if (name == null) {
      errors.add(FieldError.at("/name", "required", "A name (a string) is required."));
    }
    // The name and the role are checked by the accounts, every problem at once.
    for (Refusal.InvalidValue v : Accounts.problems(name, role)) {
      if (name != null || !v.field().equals("name")) {
        errors.add(FieldError.at("/" + v.field(), v.code(), v.problem()));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid("The user cannot be created.", errors);
    }
    Accounts.WithToken added = accounts.add(name, role, Requests.actor(ctx).name());
    var created = new LinkedHashMap<String, Object>();
    created.put("name", added.account().name());
    created.put("role", added.account().role());
    created.put("created", added.account().created().toString());
    created.put("token", added.token().token());
    ctx.status(201).json(created);
  }

  private void replaceToken(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    Accounts.WithToken replaced =
        accounts.newToken(ctx.pathParam("name"), Requests.actor(ctx).name());
    // The old token's cached verification goes at once, not when its cache entry expires.
    authenticator.revoke(replaced.account().name());
    var body = new LinkedHashMap<String, Object>();
    body.put("name", replaced.account().name());
    body.put("token", replaced.token().token());
    ctx.json(body);
  }

  private void disableUser(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    UserAccount account = accounts.disable(ctx.pathParam("name"), Requests.actor(ctx).name());
    authenticator.revoke(account.name());
    ctx.json(user(account));
  }

  private void enableUser(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    Accounts.WithToken enabled = accounts.enable(ctx.pathParam("name"), Requests.actor(ctx).name());
    var body = user(enabled.account());
    body.put("token", enabled.token().token());
    ctx.json(body);
  }

  private static Map<String, Object> user(UserAccount account) {
    var item = new LinkedHashMap<String, Object>();
    item.put("name", account.name());
    item.put("role", account.role());
    item.put("created", account.created().toString());
    item.put("disabled", account.disabled().map(Instant::toString).orElse(null));
    return item;
  }

  /** A JSON pointer to a top-level key (RFC 6901 escaping). */
  static String pointer(String key) {
    return "/" + key.replace("~", "~0").replace("/", "~1");
  }
}
