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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.asylex.server.auth.ApiTokens;
import org.asylex.server.auth.Authenticator;
import org.asylex.server.auth.Principal;
import org.asylex.server.auth.Role;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.FieldError;
import org.asylex.server.http.JsonBodies;
import org.asylex.server.http.Problems;
import org.asylex.server.http.Requests;
import org.asylex.server.http.SecurityHeaders;
import org.asylex.store.AuditEvent;
import org.asylex.store.Store;
import org.asylex.store.UserAccount;
import org.asylex.store.UserAlreadyExists;
import org.asylex.store.UserNotFound;
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
  private static final Pattern USER_NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
  private static final int MAX_EVENTS = 500;

  private final Store store;
  private final ApiTokens tokens;
  private final Authenticator authenticator;
  private final ApiDocs docs;

  public CoreRoutes(Store store, ApiTokens tokens, Authenticator authenticator, ApiDocs docs) {
    this.store = Objects.requireNonNull(store, "store");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
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
        ApiRoute.of(POST, "/api/v1/users", "createUser", this::createUser, Role.ADMIN),
        ApiRoute.of(
            POST, "/api/v1/users/{name}/token", "replaceUserToken", this::replaceToken, Role.ADMIN),
        ApiRoute.of(
            POST, "/api/v1/users/{name}/disable", "disableUser", this::disableUser, Role.ADMIN));
  }

  private void health(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  private void openApi(Context ctx) {
    ctx.contentType("application/json").result(docs.openApiJson());
  }

  private void apiDocs(Context ctx) {
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
    VerifyResult result = store.audit().verify();
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
    long from = longParameter(ctx, "from", 1, 1, Long.MAX_VALUE - 1);
    int limit = (int) longParameter(ctx, "limit", 100, 1, MAX_EVENTS);
    List<AuditEvent> events = store.audit().events(from, limit + 1);
    var items = new ArrayList<Map<String, Object>>();
    for (AuditEvent e : events.subList(0, Math.min(limit, events.size()))) {
      var item = new LinkedHashMap<String, Object>();
      item.put("seq", e.seq());
      item.put("at", e.at().toString());
      item.put("actor", e.actor());
      item.put("action", e.action());
      item.put("caseId", e.caseId().orElse(null));
      item.put("hash", e.hash());
      items.add(item);
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("items", items);
    body.put("next", events.size() > limit ? events.get(limit).seq() : null);
    ctx.json(body);
  }

  private void listUsers(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    var items = new ArrayList<Map<String, Object>>();
    for (UserAccount account : store.users().list()) {
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
    String name = null;
    if (!(body.get("name") instanceof String)) {
      errors.add(FieldError.at("/name", "required", "A name (a string) is required."));
    } else if (!USER_NAME.matcher((String) body.get("name")).matches()) {
      errors.add(
          FieldError.at(
              "/name",
              "invalid-name",
              "A name is 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter."));
    } else {
      name = (String) body.get("name");
    }
    Optional<Role> role =
        body.get("role") instanceof String
            ? Role.fromId((String) body.get("role"))
            : Optional.empty();
    if (role.isEmpty()) {
      errors.add(
          FieldError.at(
              "/role",
              "invalid-role",
              "The role is one of officer, policy-analyst, auditor, admin."));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid("The user cannot be created.", errors);
    }
    ApiTokens.NewToken token = tokens.generate();
    UserAccount account;
    try {
      account =
          store
              .users()
              .add(name, role.get().id(), token.id(), token.hash(), Requests.actor(ctx).name());
    } catch (UserAlreadyExists e) {
      throw Problems.alreadyExists("/name", "there is already a user with this name");
    }
    var created = new LinkedHashMap<String, Object>();
    created.put("name", account.name());
    created.put("role", account.role());
    created.put("created", account.created().toString());
    created.put("token", token.token());
    ctx.status(201).json(created);
  }

  private void replaceToken(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    String name = existingName(ctx);
    ApiTokens.NewToken token = tokens.generate();
    String actor = Requests.actor(ctx).name();
    // Checked and replaced in one transaction, so an account disabled meanwhile gets no token.
    UserAccount account =
        store.inTransaction(
            tx -> {
              UserAccount found = tx.users().find(name).orElseThrow(() -> userNotFound(name));
              if (!found.active()) {
                throw new ApiProblem(
                    409,
                    "account-disabled",
                    "Account disabled",
                    "the account "
                        + name
                        + " is disabled for good: a new token could never be"
                        + " used; add a new account instead");
              }
              return tx.users().replaceToken(name, token.id(), token.hash(), actor);
            });
    authenticator.revoke(account.name());
    var body = new LinkedHashMap<String, Object>();
    body.put("name", account.name());
    body.put("token", token.token());
    ctx.json(body);
  }

  private void disableUser(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    String name = existingName(ctx);
    UserAccount account;
    try {
      account = store.users().disable(name, Requests.actor(ctx).name());
    } catch (UserNotFound e) {
      throw userNotFound(name);
    }
    authenticator.revoke(account.name());
    ctx.json(user(account));
  }

  /** The path's user name; a name that cannot exist is simply not found. */
  private static String existingName(Context ctx) {
    String name = ctx.pathParam("name");
    if (!USER_NAME.matcher(name).matches()) {
      // Not echoed: it could be anything.
      throw ApiProblem.notFound("there is no user account with this name");
    }
    return name;
  }

  /** 404 naming the account: an account name is no personal data of a case. */
  private static ApiProblem userNotFound(String name) {
    return ApiProblem.notFound("there is no user account named " + name);
  }

  private static Map<String, Object> user(UserAccount account) {
    var item = new LinkedHashMap<String, Object>();
    item.put("name", account.name());
    item.put("role", account.role());
    item.put("created", account.created().toString());
    item.put("disabled", account.disabled().map(Instant::toString).orElse(null));
    return item;
  }

  private static long longParameter(Context ctx, String name, long byDefault, long min, long max) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return byDefault;
    }
    long value;
    try {
      value = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      value = min - 1;
    }
    if (value < min || value > max) {
      throw Params.invalid(
          name, "out-of-range", "a whole number from " + min + " to " + max + " is expected");
    }
    return value;
  }

  /** A JSON pointer to a top-level key (RFC 6901 escaping). */
  static String pointer(String key) {
    return "/" + key.replace("~", "~0").replace("/", "~1");
  }
}
