package org.asylex.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.asylex.app.AssumptionProblem;
import org.asylex.app.Refusal;
import org.asylex.engine.assessment.InputError;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.FieldError;
import org.junit.jupiter.api.Test;

/** The one mapping of refusals to problems: every kind of refusal, its status and type. */
class RefusalsTest {
  private static final InputError UNKNOWN_FACT = InputError.unknownFact("", "shoeSize");

  private record Row(Refusal refusal, int status, String type) {}

  private static final List<Row> TABLE =
      List.of(
          new Row(new Refusal.CaseNotFound("c"), 404, "not-found"),
          new Row(new Refusal.AssessmentNotFound("a"), 404, "not-found"),
          new Row(new Refusal.UserNotFound("u"), 404, "not-found"),
          new Row(new Refusal.PackNotFound("XX", List.of("AA")), 404, "not-found"),
          new Row(new Refusal.NoPackDirectory("a/b", false), 404, "not-found"),
          new Row(new Refusal.CaseExists("c"), 409, "already-exists"),
          new Row(new Refusal.UserExists("u"), 409, "already-exists"),
          new Row(new Refusal.AccountDisabled("u"), 409, "account-disabled"),
          new Row(new Refusal.LastAdmin("u"), 409, "last-admin"),
          new Row(new Refusal.StaleVersion("c", 1, 2), 412, "stale-version"),
          new Row(new Refusal.CaseKeptChanging("c"), 412, "stale-version"),
          new Row(new Refusal.InvalidFacts(List.of(UNKNOWN_FACT), false), 422, "invalid-input"),
          new Row(
              new Refusal.InvalidAssumptions(
                  "AA", List.of(new AssumptionProblem("x", "unknown-assumption", "no x"))),
              422,
              "invalid-input"),
          new Row(
              new Refusal.PolicyConflict("AA", "r1", "r2", null, null, "r1 and r2 overlap"),
              422,
              "invalid-input"),
          new Row(new Refusal.BadCaseId("a case id is ..."), 422, "invalid-input"),
          new Row(new Refusal.InvalidValue("role", "invalid-role", "no"), 422, "invalid-input"),
          new Row(new Refusal.PackUnusable("AA", List.of("broken")), 503, "unavailable"));

  @Test
  void everyKindOfRefusalHasItsStatusAndType() {
    List<Class<?>> kinds = TABLE.stream().<Class<?>>map(r -> r.refusal().getClass()).toList();
    assertThat(kinds).containsExactlyInAnyOrder(Refusal.class.getPermittedSubclasses());
    for (Row row : TABLE) {
      ApiProblem p = Refusals.problem(row.refusal(), Refusals.Inputs.BODY);
      assertThat(p.status()).as(row.refusal().code()).isEqualTo(row.status());
      assertThat(p.type()).as(row.refusal().code()).isEqualTo(row.type());
    }
  }

  @Test
  void aCaseThatKeptChangingUnderAnAssessmentPointsAtNoIfMatchTheRequestDidNotSend() {
    ApiProblem stale = Refusals.problem(new Refusal.StaleVersion("c", 1, 2), Refusals.Inputs.BODY);
    ApiProblem changing = Refusals.problem(new Refusal.CaseKeptChanging("c"), Refusals.Inputs.BODY);

    assertThat(stale.errors()).extracting(FieldError::parameter).containsExactly("If-Match");
    assertThat(changing.status()).isEqualTo(412);
    assertThat(changing.errors()).isEmpty();
    assertThat(changing.detail()).contains("while it was being assessed").doesNotContain("version");
  }

  @Test
  void theDetailIsTheRefusalsOwnWords() {
    for (Row row : TABLE) {
      if (!(row.refusal() instanceof Refusal.InvalidFacts)) {
        assertThat(Refusals.problem(row.refusal(), Refusals.Inputs.BODY).detail())
            .as(row.refusal().code())
            .startsWith(row.refusal().message());
      }
    }
  }

  @Test
  void queryInputsAreBadParametersNamedByTheirParameter() {
    ApiProblem filter =
        Refusals.problem(
            new Refusal.InvalidValue("gender", "wrong-type", "gender must be one of x"),
            Refusals.Inputs.query("fact."));
    assertThat(filter.status()).isEqualTo(400);
    assertThat(filter.type()).isEqualTo("invalid-parameter");
    assertThat(filter.errors().get(0).parameter()).isEqualTo("fact.gender");

    ApiProblem assumption =
        Refusals.problem(
            new Refusal.InvalidAssumptions(
                "AA", List.of(new AssumptionProblem("in-force", "bad-assumption-value", "a date"))),
            Refusals.Inputs.query(""));
    assertThat(assumption.status()).isEqualTo(400);
    assertThat(assumption.errors().get(0).parameter()).isEqualTo("assumption.in-force");
  }

  @Test
  void factErrorsNeverShowTheValueGiven() {
    var wrong =
        new InputError(
            "/facts/dateOfBirth",
            InputError.Kind.WRONG_TYPE,
            Optional.of("dateOfBirth"),
            Optional.of("a date YYYY-MM-DD"),
            Optional.of("'secret-value'"),
            Optional.empty());
    ApiProblem request =
        Refusals.problem(new Refusal.InvalidFacts(List.of(wrong), false), Refusals.Inputs.BODY);
    assertThat(request.errors().get(0).pointer()).isEqualTo("/facts/dateOfBirth");
    assertThat(request.errors().get(0).code()).isEqualTo("wrong-type");
    assertThat(request.detail() + request.errors()).doesNotContain("secret-value");

    // A case's stored facts are pointed at in the case as it reads.
    var stored =
        new InputError(
            "/dateOfBirth",
            InputError.Kind.WRONG_TYPE,
            Optional.of("dateOfBirth"),
            Optional.of("a date YYYY-MM-DD"),
            Optional.of("'secret-value'"),
            Optional.empty());
    ApiProblem ofCase =
        Refusals.problem(new Refusal.InvalidFacts(List.of(stored), true), Refusals.Inputs.BODY);
    assertThat(ofCase.errors().get(0).pointer()).isEqualTo("/facts/dateOfBirth");
    assertThat(ofCase.detail() + ofCase.errors()).doesNotContain("secret-value");
    assertThat(Arrays.asList(ofCase.detail().split(" "))).contains("PATCH");
  }
}
