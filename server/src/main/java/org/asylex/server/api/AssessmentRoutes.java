package org.asylex.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.PolicyConflictException;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.json.AssessmentJson;
import org.asylex.server.auth.Role;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.FieldError;

/**
 * {@code POST /api/v1/assessments}: assesses facts sent with the request, as {@code asylex assess}
 * does, and stores nothing. The answer is the {@code asylex-assessment/1} document, byte for byte
 * as the command line writes it.
 */
final class AssessmentRoutes {
  private static final Set<String> FIELDS =
      Set.of("asOf", "facts", "assumptions", "explain", "language");

  private final PolicyCatalog policies;
  private final FactChecks checks;

  private AssessmentRoutes(PolicyCatalog policies) {
    this.policies = policies;
    this.checks = new FactChecks(policies);
  }

  static List<ApiRoute> routes(PolicyCatalog policies) {
    var r = new AssessmentRoutes(policies);
    return List.of(
        ApiRoute.of(
            HandlerType.POST,
            "/api/v1/assessments",
            "assess",
            r::assess,
            Role.OFFICER,
            Role.POLICY_ANALYST));
  }

  private void assess(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    var body = new BodyFields(RequestBodies.read(ctx), FIELDS);
    Optional<LocalDate> asOf = body.date("asOf", true);
    Optional<Map<String, Object>> facts = body.object("facts", true);
    Map<String, String> assumptions = body.assumptions("assumptions");
    boolean explain = body.bool("explain", false);
    Language language = body.language("language").orElse(Language.EN);
    FactChecks.Checked checked = null;
    if (facts.isPresent()) {
      // Without a valid date the facts are still checked, all but their dates against it.
      checked = checks.check(facts.get(), asOf.orElse(LocalDate.MAX), "/facts", false);
      body.addAll(checked.errors());
      checked.pack().ifPresent(pack -> body.addAll(assumptionErrors(pack, assumptions)));
    }
    body.throwIfInvalid();
    PolicyPack pack = checked.pack().orElseThrow();
    Assessment assessment =
        compile(pack, assumptions).assess(checked.facts().orElseThrow(), asOf.get(), explain);
    JsonResponses.sendWritten(ctx, 200, AssessmentJson.write(assessment, pack, language));
  }

  /** The pack compiled with the request's assumption values (already checked against it). */
  private CompiledPolicy compile(PolicyPack pack, Map<String, String> assumptions) {
    try {
      return policies.compiled(pack, assumptions);
    } catch (PolicyConflictException e) {
      throw conflict(pack, e);
    }
  }

  static List<FieldError> assumptionErrors(PolicyPack pack, Map<String, String> assumptions) {
    return AssumptionChecks.check(pack, assumptions).stream()
        .map(
            p ->
                FieldError.at(
                    "/assumptions/" + BodyFields.pointerEscape(p.id()), p.code(), p.detail()))
        .toList();
  }

  /** 422: under the request's assumption values two rules would decide the same thing. */
  static ApiProblem conflict(PolicyPack pack, PolicyConflictException e) {
    return ApiProblem.invalid(
        "pack " + pack.id() + " cannot be used with these assumption values: " + e.getMessage(),
        List.of(FieldError.at("/assumptions", "policy-conflict", e.getMessage())));
  }
}
