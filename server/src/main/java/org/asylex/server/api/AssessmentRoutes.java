package org.asylex.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.policy.Assessing;
import org.asylex.app.policy.AssumptionChecks;
import org.asylex.app.policy.FactCheck;
import org.asylex.app.users.Role;
import org.asylex.engine.text.Language;
import org.asylex.json.AssessmentJson;
import org.asylex.server.http.ApiRoute;

/**
 * {@code POST /api/v1/assessments}: assesses facts sent with the request, as {@code asylex assess}
 * does, and stores nothing. The answer is the {@code asylex-assessment/1} document, byte for byte
 * as the command line writes it.
 */
final class AssessmentRoutes {
  private static final Set<String> FIELDS =
      Set.of("asOf", "facts", "assumptions", "explain", "language");

  private final Assessing assessing;

  private AssessmentRoutes(Assessing assessing) {
    this.assessing = assessing;
  }

  static List<ApiRoute> routes(Assessing assessing) {
    var r = new AssessmentRoutes(assessing);
    return List.of(
        ApiRoute.of(
            HandlerType.POST,
            "/api/v1/assessments",
            "assess",
            Refusals.answered(r::assess),
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
    Refused refused = null;
    if (body.valid()) {
      try {
        Assessing.Assessed a =
            assessing.assess(
                facts.orElseThrow(), asOf.orElseThrow(), assumptions, explain, "/facts");
        JsonResponses.sendWritten(
            ctx, 200, AssessmentJson.write(a.assessment(), a.pack(), language));
        return;
      } catch (Refused e) {
        if (!(e.refusal() instanceof Refusal.InvalidFacts
            || e.refusal() instanceof Refusal.InvalidAssumptions)) {
          throw e;
        }
        refused = e;
      }
    }
    // Something in the request is wrong: every error is reported at once, so the facts and the
    // assumption values are checked too (without a valid date, all but their dates against it).
    facts.ifPresent(f -> collect(body, f, asOf.orElse(LocalDate.MAX), assumptions));
    body.throwIfInvalid();
    throw refused;
  }

  /** Adds the errors of the facts, and of the assumption values for their pack, to {@code body}. */
  private void collect(
      BodyFields body, Map<String, Object> facts, LocalDate asOf, Map<String, String> assumptions) {
    FactCheck.Checked checked = assessing.check(facts, asOf, "/facts");
    body.addAll(Refusals.fieldErrors(checked.errors(), ""));
    checked
        .pack()
        .ifPresent(
            pack ->
                AssumptionChecks.check(pack, assumptions)
                    .forEach(
                        p ->
                            body.add(
                                Refusals.Inputs.BODY.assumption(p.id(), p.code(), p.message()))));
  }
}
