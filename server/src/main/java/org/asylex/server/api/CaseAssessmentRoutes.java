package org.asylex.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asylex.app.cases.CaseIds;
import org.asylex.app.cases.FactsAsOf;
import org.asylex.app.cases.StoredAssessments;
import org.asylex.app.users.Role;
import org.asylex.engine.text.Language;
import org.asylex.json.ReceiptJson;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.ApiRoute;
import org.asylex.store.StoredAssessment;

/**
 * Stored assessments of cases: assess a case and keep the receipt (as {@code asylex case assess}
 * does), list and read receipts, and re-run one with the pack as it is now ({@code asylex case
 * reproduce}).
 */
final class CaseAssessmentRoutes {
  private static final Set<String> FIELDS =
      Set.of("asOf", FactsAsOf.FIELD, "assumptions", "language");

  private final StoredAssessments assessments;

  private CaseAssessmentRoutes(StoredAssessments assessments) {
    this.assessments = assessments;
  }

  static List<ApiRoute> routes(StoredAssessments assessments) {
    var r = new CaseAssessmentRoutes(assessments);
    return List.of(
        ApiRoute.of(
            HandlerType.POST,
            "/api/v1/cases/{id}/assessments",
            "assessCase",
            Refusals.answered(r::assess),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/cases/{id}/assessments",
            "listCaseAssessments",
            Refusals.answered(r::list),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/case-assessments/{id}",
            "getCaseAssessment",
            Refusals.answered(r::get),
            Role.OFFICER),
        ApiRoute.of(
            HandlerType.POST,
            "/api/v1/case-assessments/{id}/reproduce",
            "reproduceCaseAssessment",
            Refusals.answered(r::reproduce),
            Role.OFFICER));
  }

  private void assess(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    String id = CaseRoutes.caseId(ctx);
    var body = new BodyFields(RequestBodies.readOptional(ctx), FIELDS);
    Optional<LocalDate> asOf = body.date("asOf", false);
    Optional<String> factsAsOf = body.text(FactsAsOf.FIELD, 64, false);
    Map<String, String> assumptions = body.assumptions("assumptions");
    Optional<Language> language = body.language("language");
    body.throwIfInvalid();
    Optional<Instant> factsTime = factsAsOf.map(t -> FactsAsOf.parse(FactsAsOf.FIELD, t));
    StoredAssessment stored =
        assessments.assess(id, asOf, factsTime, assumptions, CaseRoutes.actor(ctx));
    ctx.header("Location", "/api/v1/case-assessments/" + stored.id());
    JsonResponses.send(ctx, 201, ReceiptJson.full(stored, language.orElse(null)));
  }

  private void list(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    String id = CaseRoutes.caseId(ctx);
    List<StoredAssessment> list = assessments.forCase(id, CaseRoutes.actor(ctx));
    var root = new LinkedHashMap<String, Object>();
    root.put("items", list.stream().map(ReceiptJson::summary).toList());
    JsonResponses.send(ctx, 200, root);
  }

  private void get(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    StoredAssessment stored = assessments.find(assessmentId(ctx), CaseRoutes.actor(ctx));
    JsonResponses.send(ctx, 200, ReceiptJson.full(stored, null));
  }

  private void reproduce(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    JsonResponses.send(
        ctx,
        200,
        ReproductionJson.of(assessments.reproduce(assessmentId(ctx), CaseRoutes.actor(ctx))));
  }

  /**
   * The stored assessment id of the path; one the server could not have made (it makes UUIDs, which
   * follow the case id rule) is simply not found, and not echoed.
   */
  private static String assessmentId(Context ctx) {
    String id = ctx.pathParam("id");
    if (!CaseIds.valid(id)) {
      throw ApiProblem.notFound("there is no stored assessment with this id");
    }
    return id;
  }
}
