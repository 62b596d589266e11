package org.asylex.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.asylex.app.Refused;
import org.asylex.app.Today;
import org.asylex.app.cases.CaseFiles;
import org.asylex.app.cases.CaseIds;
import org.asylex.app.impact.CaseSearch;
import org.asylex.app.impact.Deadlines;
import org.asylex.app.policy.FactCheck;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.users.Role;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.FieldError;
import org.asylex.server.http.Requests;
import org.asylex.store.CaseRecord;

/**
 * Cases: create, list, read, change and their history, as {@code asylex case
 * import|list|show|set|history} do. Facts are checked against the pack of their country as of today
 * before anything is stored; a change names the version it was made to ({@code If-Match}), so that
 * no one's change is lost.
 */
final class CaseRoutes {
  private static final Set<String> CREATE_FIELDS = Set.of("id", "reference", "facts");
  private static final Set<String> PATCH_FIELDS = Set.of("facts", "note");
  private static final String FACT = "fact.";

  private static final String LAPSES_WITHIN = "lapses-within";
  private static final String FINDING = "finding";

  private final CaseFiles cases;
  private final Deadlines deadlines;
  private final CaseSearch search;
  private final FactCheck facts;
  private final Today today;

  private CaseRoutes(
      CaseFiles cases,
      Deadlines deadlines,
      CaseSearch search,
      PolicyCatalog policies,
      Today today) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.search = search;
    this.facts = new FactCheck(policies);
    this.today = today;
  }

  static List<ApiRoute> routes(
      CaseFiles cases,
      Deadlines deadlines,
      CaseSearch search,
      PolicyCatalog policies,
      Today today) {
    var r = new CaseRoutes(cases, deadlines, search, policies, today);
    return List.of(
        ApiRoute.of(
            HandlerType.POST,
            "/api/v1/cases",
            "createCase",
            Refusals.answered(r::create),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/cases",
            "listCases",
            Refusals.answered(Refusals.Inputs.query(FACT), r::list),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/cases/{id}",
            "getCase",
            Refusals.answered(r::get),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.PATCH,
            "/api/v1/cases/{id}",
            "updateCase",
            Refusals.answered(r::update),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/cases/{id}/history",
            "getCaseHistory",
            Refusals.answered(r::history),
            Role.OFFICER));
  }

  private void create(Context ctx) {
    var body = new BodyFields(RequestBodies.read(ctx), CREATE_FIELDS);
    Optional<String> id = body.text("id", 200, false);
    if (id.isPresent() && !CaseIds.valid(id.get())) {
      body.add(FieldError.at("/id", "bad-id", CaseIds.RULE));
    }
    Optional<String> reference = body.text("reference", 200, false);
    Optional<Map<String, Object>> given = body.object("facts", true);
    if (!body.valid()) {
      // Every error at once: the facts are checked too, as creating the case would check them.
      given.ifPresent(
          f ->
              body.addAll(
                  Refusals.fieldErrors(facts.check(f, today.date(), "/facts", true).errors(), "")));
      body.throwIfInvalid();
    }
    CaseRecord c =
        cases.create(
            id.orElse(null), reference.orElse(null), given.orElseThrow(), "/facts", actor(ctx));
    ctx.header("Location", "/api/v1/cases/" + c.id());
    ctx.header("ETag", Params.etag(c.version()));
    JsonResponses.send(ctx, 201, CaseViews.full(c));
  }

  private void list(Context ctx) {
    Params.only(ctx, Set.of("offset", "limit", LAPSES_WITHIN, "q", FINDING), Set.of(FACT));
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Params.integer(ctx, "limit", 50, 1, 500);
    if (ctx.queryParam(LAPSES_WITHIN) != null
        && (ctx.queryParam("q") != null || ctx.queryParam(FINDING) != null)) {
      throw Params.invalid(
          LAPSES_WITHIN, "not-combinable", "lapses-within takes no q or finding; give it alone");
    }
    if (ctx.queryParam(LAPSES_WITHIN) != null) {
      int days = Params.integer(ctx, LAPSES_WITHIN, 0, 0, Deadlines.MAX_DAYS);
      Deadlines.Page page =
          deadlines.within(
              days, cases.filter(Params.prefixed(ctx, FACT)), offset, limit, actor(ctx));
      JsonResponses.send(ctx, 200, CaseViews.deadlines(page));
      return;
    }
    var query =
        new CaseSearch.Query(
            ctx.queryParam("q"), findings(ctx), OptionalInt.empty(), CaseSearch.Sort.ID);
    CaseSearch.Page page =
        search.find(query, cases.filter(Params.prefixed(ctx, FACT)), offset, limit, actor(ctx));
    var root = new LinkedHashMap<String, Object>();
    root.put("items", page.items().stream().map(r -> CaseViews.summary(r.record())).toList());
    root.put("total", page.total());
    root.put("offset", page.offset());
    root.put("limit", page.limit());
    JsonResponses.send(ctx, 200, root);
  }

  /** The comma-separated finding ids of {@code finding}. */
  private static Set<CaseSearch.Finding> findings(Context ctx) {
    String given = ctx.queryParam(FINDING);
    var found = EnumSet.noneOf(CaseSearch.Finding.class);
    if (given != null) {
      for (String id : given.split(",", -1)) {
        try {
          found.add(CaseSearch.Finding.of(id.strip()));
        } catch (Refused e) {
          throw Params.invalid(
              FINDING,
              "unknown-finding",
              "each finding is decision-moratorium, risk-groups or undetermined, separated by commas");
        }
      }
    }
    return found;
  }

  private void get(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    CaseRecord c = cases.find(caseId(ctx), actor(ctx));
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
    // The answer shows the case as this change left it, and its ETag is the version it made:
    // with another node or request changing the case just after, a fresh read would show theirs.
    CaseRecord updated =
        cases
            .change(
                id,
                Optional.of(expected),
                changes.orElseThrow(),
                note.orElse(null),
                "/facts",
                actor(ctx))
            .result();
    ctx.header("ETag", Params.etag(updated.version()));
    JsonResponses.send(ctx, 200, CaseViews.full(updated));
  }

  private void history(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    String id = caseId(ctx);
    JsonResponses.send(ctx, 200, CaseViews.history(id, cases.history(id, actor(ctx))));
  }

  /**
   * The case id of the path, as Jetty decoded it. Only an id that follows the one rule for new ids
   * ({@link CaseIds}) is looked up: a percent-encoded segment such as {@code %2e%2e} or {@code
   * a%2Fb}, or an id stored before the rule by an old import, is simply not found (and not echoed),
   * so the API never answers for a path a proxy or cache would read as another one. {@code asylex
   * case check-ids} lists stored ids that break the rule.
   */
  static String caseId(Context ctx) {
    String id = ctx.pathParam("id");
    if (!CaseIds.valid(id)) {
      throw ApiProblem.notFound("there is no case with this id");
    }
    return id;
  }

  static String actor(Context ctx) {
    return Requests.actor(ctx).name();
  }
}
