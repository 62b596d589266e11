package org.asylex.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.PolicyConflictException;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.server.auth.Role;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.ApiRoute;
import org.asylex.store.Receipts;
import org.asylex.store.Store;
import org.asylex.store.StoredAssessment;

/**
 * Stored assessments of cases: assess a case and keep the receipt (as {@code asylex case assess}
 * does), list and read receipts, and re-run one with the pack as it is now ({@code asylex case
 * reproduce}).
 */
final class CaseAssessmentRoutes {
  private static final Set<String> FIELDS = Set.of("asOf", "assumptions", "language");

  private final Store store;
  private final PolicyCatalog policies;
  private final FactChecks checks;
  private final Clock clock;

  private CaseAssessmentRoutes(Store store, PolicyCatalog policies, Clock clock) {
    this.store = store;
    this.policies = policies;
    this.checks = new FactChecks(policies);
    this.clock = clock;
  }

  static List<ApiRoute> routes(Store store, PolicyCatalog policies, Clock clock) {
    var r = new CaseAssessmentRoutes(store, policies, clock);
    return List.of(
        ApiRoute.of(
            HandlerType.POST,
            "/api/v1/cases/{id}/assessments",
            "assessCase",
            StoreProblems.guard(r::assess),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/cases/{id}/assessments",
            "listCaseAssessments",
            StoreProblems.guard(r::list),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/case-assessments/{id}",
            "getCaseAssessment",
            StoreProblems.guard(r::get),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.POST,
            "/api/v1/case-assessments/{id}/reproduce",
            "reproduceCaseAssessment",
            StoreProblems.guard(r::reproduce),
            Role.OFFICER));
  }

  private void assess(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    String id = CaseRoutes.caseId(ctx);
    var body = new BodyFields(RequestBodies.readOptional(ctx), FIELDS);
    Optional<LocalDate> asOf = body.date("asOf", false);
    Map<String, String> assumptions = body.assumptions("assumptions");
    Optional<Language> language = body.language("language");
    body.throwIfInvalid();
    String actor = CaseRoutes.actor(ctx);
    // The checks and the assessment run on this thread; only the receipt's write is shared with
    // other requests' (Store#assessCase), so that the disk's sync rate does not cap the server.
    StoredAssessment stored =
        store
            .assessCase(
                id,
                actor,
                c -> {
                  LocalDate date = asOf.orElseGet(() -> Dates.today(clock));
                  // The stored facts are checked as the command line does: they may predate a
                  // pack change.
                  FactChecks.Checked checked =
                      checks.check(c.facts(), date, "/facts", asOf.isEmpty());
                  if (!checked.isValid()) {
                    throw ApiProblem.invalid(
                        "the stored facts of the case are not valid input for the pack on this"
                            + " date (the pointers are into the case's facts); correct them with"
                            + " PATCH",
                        checked.errors());
                  }
                  PolicyPack pack = checked.pack().orElseThrow();
                  body.addAll(AssessmentRoutes.assumptionErrors(pack, assumptions));
                  body.throwIfInvalid();
                  Assessment assessment;
                  try {
                    assessment =
                        policies
                            .compiled(pack, assumptions)
                            .assess(checked.facts().orElseThrow(), date);
                  } catch (PolicyConflictException e) {
                    throw AssessmentRoutes.conflict(pack, e);
                  }
                  return Receipts.of(c, assessment, pack, actor, store.now());
                })
            .orElseThrow(StoreProblems::caseNotFound);
    ctx.header("Location", "/api/v1/case-assessments/" + stored.id());
    JsonResponses.send(ctx, 201, ReceiptJson.full(stored, language.orElse(null)));
  }

  private void list(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    String id = CaseRoutes.caseId(ctx);
    List<StoredAssessment> list = store.assessments().forCase(id, CaseRoutes.actor(ctx));
    var root = new LinkedHashMap<String, Object>();
    root.put("items", list.stream().map(ReceiptJson::summary).toList());
    JsonResponses.send(ctx, 200, root);
  }

  private void get(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    JsonResponses.send(ctx, 200, ReceiptJson.full(find(ctx), null));
  }

  private void reproduce(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    JsonResponses.send(ctx, 200, Reproduction.of(find(ctx), policies).toJson());
  }

  /** The stored assessment of the path, read (and audited) as the caller. */
  private StoredAssessment find(Context ctx) {
    String id = Params.pathId(ctx, "id", CaseRoutes::storable, "stored assessment");
    return store
        .assessments()
        .find(id, CaseRoutes.actor(ctx))
        .orElseThrow(() -> ApiProblem.notFound("there is no stored assessment with this id"));
  }
}
