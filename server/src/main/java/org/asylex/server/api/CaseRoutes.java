package org.asylex.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.asylex.server.auth.Role;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.FieldError;
import org.asylex.server.http.Requests;
import org.asylex.store.CaseFilter;
import org.asylex.store.CaseRecord;
import org.asylex.store.Store;

/**
 * Cases: create, list, read, change and their history, as {@code asylex case
 * import|list|show|set|history} do. Facts are checked against the pack of their country as of today
 * before anything is stored; a change names the version it was made to ({@code If-Match}), so that
 * no one's change is lost.
 */
final class CaseRoutes {
  /** A case id the API creates: safe in a URL path as it is. */
  static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._~:-]{0,199}";

  private static final Set<String> CREATE_FIELDS = Set.of("id", "reference", "facts");
  private static final Set<String> PATCH_FIELDS = Set.of("facts", "note");
  private static final String FACT = "fact.";

  private final Store store;
  private final PolicyCatalog policies;
  private final FactChecks checks;
  private final Clock clock;

  private CaseRoutes(Store store, PolicyCatalog policies, Clock clock) {
    this.store = store;
    this.policies = policies;
    this.checks = new FactChecks(policies);
    this.clock = clock;
  }

  static List<ApiRoute> routes(Store store, PolicyCatalog policies, Clock clock) {
    var r = new CaseRoutes(store, policies, clock);
    return List.of(
        ApiRoute.of(
            HandlerType.POST,
            "/api/v1/cases",
            "createCase",
            StoreProblems.guard(r::create),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/cases",
            "listCases",
            StoreProblems.guard(r::list),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/cases/{id}",
            "getCase",
            StoreProblems.guard(r::get),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.PATCH,
            "/api/v1/cases/{id}",
            "updateCase",
            StoreProblems.guard(r::update),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/cases/{id}/history",
            "getCaseHistory",
            StoreProblems.guard(r::history),
            Role.OFFICER));
  }

  private void create(Context ctx) {
    var body = new BodyFields(RequestBodies.read(ctx), CREATE_FIELDS);
    Optional<String> id = body.text("id", 200, false);
    if (id.isPresent() && !id.get().matches(ID_PATTERN)) {
      body.add(
          FieldError.at(
              "/id",
              "bad-id",
              "a case id is 1 to 200 letters, digits, '.', '_', '~', ':' or '-', starting with a"
                  + " letter or digit"));
    }
    Optional<String> reference = body.text("reference", 200, false);
    Optional<Map<String, Object>> facts = body.object("facts", true);
    facts.ifPresent(f -> body.addAll(checks.check(f, Dates.today(clock), "/facts", true).errors()));
    body.throwIfInvalid();
    var stored = new LinkedHashMap<String, Object>();
    // A null fact is one not (yet) established: nothing to store.
    facts
        .get()
        .forEach(
            (k, v) -> {
              if (v != null) {
                stored.put(k, v);
              }
            });
    CaseRecord c =
        store
            .cases()
            .create(
                id.orElseGet(() -> UUID.randomUUID().toString()),
                reference.orElse(null),
                stored,
                actor(ctx));
    ctx.header("Location", "/api/v1/cases/" + c.id());
    ctx.header("ETag", Params.etag(c.version()));
    JsonResponses.send(ctx, 201, CaseViews.full(c));
  }

  private void list(Context ctx) {
    Params.only(ctx, Set.of("offset", "limit"), Set.of(FACT));
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Params.integer(ctx, "limit", 50, 1, 500);
    CaseFilter filter = CaseFilters.of(policies, Params.prefixed(ctx, FACT), FACT);
    String actor = actor(ctx);
    Map<String, Object> page =
        store.inTransaction(
            tx -> {
              long total = tx.cases().count(filter);
              List<CaseRecord> cases = tx.cases().list(filter, offset, limit, actor);
              var root = new LinkedHashMap<String, Object>();
              root.put("items", cases.stream().map(CaseViews::summary).toList());
              root.put("total", total);
              root.put("offset", offset);
              root.put("limit", limit);
              return root;
            });
    JsonResponses.send(ctx, 200, page);
  }

  private void get(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    String id = caseId(ctx);
    CaseRecord c = store.cases().find(id, actor(ctx)).orElseThrow(StoreProblems::caseNotFound);
    ctx.header("ETag", Params.etag(c.version()));
    JsonResponses.send(ctx, 200, CaseViews.full(c));
  }

  private void update(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    String id = caseId(ctx);
    long expected = Params.ifMatch(ctx);
    var body = new BodyFields(RequestBodies.read(ctx), PATCH_FIELDS);
    Optional<Map<String, Object>> changes = body.object("facts", true);
    Optional<String> note = body.text("note", 2000, true);
    body.throwIfInvalid();
    String actor = actor(ctx);
    CaseRecord c = store.cases().find(id, actor).orElseThrow(StoreProblems::caseNotFound);
    if (c.version() != expected) {
      throw StoreProblems.staleVersion(c.version());
    }
    var merged = new LinkedHashMap<>(c.facts());
    changes
        .get()
        .forEach(
            (name, value) -> {
              if (value == null) {
                merged.remove(name);
              } else {
                merged.put(name, value);
              }
            });
    FactChecks.Checked checked = checks.check(merged, Dates.today(clock), "/facts", true);
    body.addAll(checked.errors());
    checked
        .pack()
        .ifPresent(
            pack ->
                changes
                    .get()
                    .forEach(
                        (name, value) -> {
                          // Removing a fact the pack does not know is a mistake too, not a no-op.
                          if (value == null && pack.facts().fact(name).isEmpty()) {
                            body.add(
                                FieldError.at(
                                    "/facts/" + BodyFields.pointerEscape(name),
                                    "unknown-fact",
                                    "unknown fact '" + name + "'"));
                          }
                        }));
    body.throwIfInvalid();
    long version = store.cases().update(id, expected, changes.get(), actor, note.orElse(null));
    CaseRecord updated =
        version == expected
            ? c
            : store.cases().find(id, actor).orElseThrow(StoreProblems::caseNotFound);
    ctx.header("ETag", Params.etag(updated.version()));
    JsonResponses.send(ctx, 200, CaseViews.full(updated));
  }

  private void history(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    String id = caseId(ctx);
    JsonResponses.send(ctx, 200, CaseViews.history(id, store.cases().history(id, actor(ctx))));
  }

  /** The case id of the path; one the store could never hold is simply not found. */
  static String caseId(Context ctx) {
    return Params.pathId(ctx, "id", CaseRoutes::storable, "case");
  }

  /** Whether the store can hold this id: 1 to 200 characters, not blank, no control characters. */
  static boolean storable(String id) {
    return id != null
        && !id.isBlank()
        && id.length() <= 200
        && id.chars().noneMatch(Character::isISOControl);
  }

  static String actor(Context ctx) {
    return Requests.actor(ctx).name();
  }
}
