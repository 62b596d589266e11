package org.asylex.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.server.api.Problems.badParameter;
import static org.asylex.server.api.Problems.invalidAt;
import static org.asylex.server.api.Problems.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.app.policy.Lookup;
import org.asylex.app.users.Role;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.json.AssessmentJson;
import org.asylex.json.CaseJson;
import org.asylex.server.ApiClient;
import org.asylex.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AssessmentRoutesTest {
  private static final String PATH = "/api/v1/assessments";
  private static TestServer server;
  private static ApiClient client;
  private static String officer;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    client = server.client();
    officer = server.token(Role.OFFICER);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Map<String, Object> example(String name) throws Exception {
    Path file = TestServer.repoRoot().resolve("examples").resolve(name);
    return CaseJson.read(Files.readString(file), name);
  }

  private static Map<String, Object> request(Map<String, Object> facts, String asOf) {
    var body = new LinkedHashMap<String, Object>();
    body.put("asOf", asOf);
    body.put("facts", facts);
    return body;
  }

  private static Map<String, Object> conscript() throws Exception {
    return example("conscript-refusing-service.json");
  }

  @Test
  void theAnswerIsTheEnginesAssessmentJsonForTheSameInput() throws Exception {
    Map<String, Object> facts = conscript();
    var r = client.post(PATH, officer, request(facts, "2023-01-15"));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    PolicyPack pack = ((Lookup.Found) server.policies().byCountry("RU")).pack();
    LocalDate date = LocalDate.parse("2023-01-15");
    var validated = CaseInput.validate(pack, facts, date, "");
    var expected =
        server.policies().compiled(pack).assess(validated.facts().orElseThrow(), date, false);
    assertThat(r.body()).isEqualTo(AssessmentJson.write(expected, pack, Language.EN));
  }

  @Test
  void aFindingCitesTheSentenceOfTheLetter() throws Exception {
    JsonNode doc = client.post(PATH, officer, request(conscript(), "2023-01-15")).json();

    assertThat(doc.path("format").asText()).isEqualTo("asylex-assessment/1");
    JsonNode moratorium = finding(doc, "decision-moratorium");
    assertThat(moratorium.path("outcome").asText()).isEqualTo("applies");
    assertThat(moratorium.path("sources"))
        .anySatisfy(
            q -> {
              assertThat(q.path("document").asText()).isEqualTo("kamerbrief-2023-06-08");
              assertThat(q.path("quote").asText())
                  .startsWith("Momenteel geldt er een besluit- en vertrekmoratorium");
              assertThat(q.path("line").asInt()).isEqualTo(10);
            });
  }

  @Test
  void aPolicyAnalystMayAssessAndExplainInDutch() throws Exception {
    var body = request(conscript(), "2023-01-15");
    body.put("explain", true);
    body.put("language", "nl");
    var r = client.post(PATH, server.token(Role.POLICY_ANALYST), body);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode doc = r.json();
    assertThat(doc.path("language").asText()).isEqualTo("nl");
    assertThat(finding(doc, "decision-moratorium").path("trace").isArray()).isTrue();
    assertThat(finding(doc, "decision-moratorium").path("trace")).isNotEmpty();
  }

  @Test
  void anAssumptionOfTheRequestIsUsedAndMarkedOverridden() throws Exception {
    var body = request(conscript(), "2023-01-15");
    body.put("assumptions", Map.of("moratorium-age-27-included", true));
    JsonNode doc = client.post(PATH, officer, body).json();

    assertThat(doc.path("assumptions"))
        .anySatisfy(
            a -> {
              assertThat(a.path("id").asText()).isEqualTo("moratorium-age-27-included");
              assertThat(a.path("value").asBoolean()).isTrue();
              assertThat(a.path("overridden").asBoolean()).isTrue();
            });
    // the deployment's compiled policy is untouched by a request's values
    JsonNode plain = client.post(PATH, officer, request(conscript(), "2023-01-15")).json();
    assertThat(plain.path("assumptions"))
        .allSatisfy(a -> assertThat(a.path("overridden").asBoolean()).isFalse());
  }

  @Test
  void otherRolesMayNot() throws Exception {
    for (Role role : List.of(Role.AUDITOR, Role.ADMIN)) {
      problem(
          client.post(PATH, server.token(role), request(conscript(), "2023-01-15")),
          403,
          "forbidden");
    }
  }

  @Test
  void malformedJsonIsA400AtTheWholeBody() {
    var r = client.post(PATH, officer, "{\"asOf\": \"2023-01-15\", \"facts\": {\"gender\": male}}");

    JsonNode p = problem(r, 400, "malformed-json");
    assertThat(Problems.errors(p))
        .anySatisfy(e -> assertThat(e.path("pointer").asText()).isEmpty());
    assertThat(r.body()).doesNotContain("male}");
  }

  @Test
  void aBodyThatIsNotJsonIsA415() {
    var r =
        client
            .request("POST", PATH)
            .token(officer)
            .header("Content-Type", "text/plain")
            .body("asOf=2023-01-15".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .send();

    problem(r, 415, "unsupported-media-type");
  }

  @Test
  void aValueOfTheWrongTypeIsNamedButNotRepeated() throws Exception {
    var facts = conscript();
    facts.put("refusesMilitaryService", "secret-yes");
    var r = client.post(PATH, officer, request(facts, "2023-01-15"));

    invalidAt(r, "/facts/refusesMilitaryService", "wrong-type");
    assertThat(r.body()).doesNotContain("secret-yes");
  }

  @Test
  void aValueNotAllowedIsNamedButNotRepeated() throws Exception {
    var facts = conscript();
    facts.put("gender", "mael");
    var r = client.post(PATH, officer, request(facts, "2023-01-15"));

    JsonNode p = invalidAt(r, "/facts/gender", "unknown-value");
    assertThat(r.body()).doesNotContain("mael");
    assertThat(p.toString()).contains("female, male, x");
  }

  @Test
  void anUnknownFactIsNamed() throws Exception {
    var facts = conscript();
    facts.put("favouriteColour", "blue");
    invalidAt(
        client.post(PATH, officer, request(facts, "2023-01-15")),
        "/facts/favouriteColour",
        "unknown-fact");
  }

  @Test
  void anUnknownTopLevelFieldIsNamed() throws Exception {
    var body = request(conscript(), "2023-01-15");
    body.put("asof", "2023-01-15");
    invalidAt(client.post(PATH, officer, body), "/asof", "unknown-field");
  }

  @Test
  void aDateThatDoesNotExistIsNamed() throws Exception {
    var facts = conscript();
    facts.put("dateOfBirth", "2001-02-30");
    var r = client.post(PATH, officer, request(facts, "2023-01-15"));
    invalidAt(r, "/facts/dateOfBirth", "bad-date");
    assertThat(r.body()).doesNotContain("2001-02-30");

    invalidAt(client.post(PATH, officer, request(conscript(), "2023-02-30")), "/asOf", "bad-date");
    invalidAt(client.post(PATH, officer, request(conscript(), "15-01-2023")), "/asOf", "bad-date");
  }

  @Test
  void aDateAfterTheAssessmentDateIsNamed() throws Exception {
    var facts = conscript();
    facts.put("dateOfBirth", "2023-03-01");
    var r = client.post(PATH, officer, request(facts, "2023-01-15"));

    invalidAt(r, "/facts/dateOfBirth", "date-after-assessment");
    assertThat(r.body()).doesNotContain("2023-03-01");
  }

  @Test
  void requiredFieldsAndTheirTypesAreChecked() throws Exception {
    var r = client.post(PATH, officer, Map.of("facts", conscript()));
    invalidAt(r, "/asOf", "required");
    invalidAt(client.post(PATH, officer, Map.of("asOf", "2023-01-15")), "/facts", "required");
    invalidAt(
        client.post(PATH, officer, Map.of("asOf", "2023-01-15", "facts", List.of())),
        "/facts",
        "wrong-type");
    var body = request(conscript(), "2023-01-15");
    body.put("explain", "yes");
    body.put("language", "de");
    var both = client.post(PATH, officer, body);
    invalidAt(both, "/explain", "wrong-type");
    invalidAt(both, "/language", "unknown-value");
  }

  @Test
  void aCountryWithoutAPackIsNamed() throws Exception {
    var facts = conscript();
    facts.put("countryOfOrigin", "QQ");
    var r = client.post(PATH, officer, request(facts, "2023-01-15"));

    invalidAt(r, "/facts/countryOfOrigin", "no-pack");
    assertThat(r.body()).doesNotContain("QQ");
  }

  @Test
  void anUnknownAssumptionOrABadValueIsNamed() throws Exception {
    var body = request(conscript(), "2023-01-15");
    body.put(
        "assumptions", Map.of("in-force-dat", "2023-07-01", "moratorium-age-27-included", "maybe"));
    var r = client.post(PATH, officer, body);

    invalidAt(r, "/assumptions/in-force-dat", "unknown-assumption");
    invalidAt(r, "/assumptions/moratorium-age-27-included", "bad-assumption-value");
    body.put("assumptions", Map.of("in-force-date", 12));
    invalidAt(client.post(PATH, officer, body), "/assumptions/in-force-date", "wrong-type");
  }

  /** Issue 13, defect 4: any text was accepted and reported as applied. */
  @Test
  void aTextAssumptionTakesNoOtherValueAndAChoiceOnlyItsOwn() throws Exception {
    var body = request(conscript(), "2023-01-15");
    body.put(
        "assumptions",
        Map.of("multiple-risk-groups", "first-only", "conscript-reading", "called-up"));
    var r = client.post(PATH, officer, body);

    invalidAt(r, "/assumptions/multiple-risk-groups", "not-overridable");
    invalidAt(r, "/assumptions/conscript-reading", "bad-assumption-value");
    assertThat(r.body())
        .contains("takes one of liable, serving")
        .doesNotContain("called-up")
        .doesNotContain("first-only");
  }

  @Test
  void theConscriptReadingDecidesTheMoratoriumOfARefuserWithoutMilitaryStatus() throws Exception {
    Map<String, Object> facts = new LinkedHashMap<>(conscript());
    facts.put("militaryStatus", "none");
    var liable = client.post(PATH, officer, request(facts, "2023-01-15"));
    var body = request(facts, "2023-01-15");
    body.put("assumptions", Map.of("conscript-reading", "serving"));
    var serving = client.post(PATH, officer, body);

    assertThat(outcome(liable, "decision-moratorium")).isEqualTo("applies");
    assertThat(outcome(serving, "decision-moratorium")).isEqualTo("does_not_apply");
  }

  private static String outcome(ApiClient.Response r, String element) throws Exception {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    for (JsonNode f : r.json().path("findings")) {
      if (f.path("element").asText().equals(element)) {
        return f.path("outcome").asText();
      }
    }
    throw new AssertionError("no finding for " + element);
  }

  @Test
  void anUnknownQueryParameterIsNamed() throws Exception {
    var r =
        client
            .request("POST", PATH + "?debug=1")
            .token(officer)
            .json(request(conscript(), "2023-01-15"))
            .send();

    badParameter(r, "debug");
  }

  static JsonNode finding(JsonNode doc, String element) {
    for (JsonNode f : doc.path("findings")) {
      if (f.path("element").asText().equals(element)) {
        return f;
      }
    }
    throw new AssertionError("no finding for " + element + " in " + doc);
  }
}
