package org.asylex.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.packs.PackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AssessmentJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static PolicyPack ru;
  private static CompiledPolicy defaults;

  @BeforeAll
  static void loadTheRussianPack() {
    ru = PackLoader.load(Path.of("../policies/ru")).pack().orElseThrow();
    defaults = CompiledPolicy.compile(ru, AssumptionValues.defaults(ru));
  }

  private static Assessment assess(CompiledPolicy policy, String json, String asOf, boolean explain)
      throws Exception {
    LocalDate date = LocalDate.parse(asOf);
    var validated = CaseInput.validate(ru, CaseJson.read(json, "case.json"), date, "");
    assertThat(validated.errors()).isEmpty();
    return policy.assess(validated.facts().orElseThrow(), date, explain);
  }

  private static JsonNode json(String json, String asOf) throws Exception {
    return MAPPER.readTree(
        AssessmentJson.write(assess(defaults, json, asOf, false), ru, Language.EN));
  }

  private static JsonNode finding(JsonNode root, String element) {
    for (JsonNode f : root.get("findings")) {
      if (f.get("element").asText().equals(element)) {
        return f;
      }
    }
    throw new AssertionError("no finding for " + element);
  }

  private static List<String> texts(JsonNode array) {
    var list = new ArrayList<String>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static final String LAWYER =
      "{\"countryOfOrigin\": \"RU\", \"dateOfBirth\": \"1979-11-02\", \"gender\": \"male\","
          + " \"lawyerInPoliticallySensitiveCases\": true}";

  @Test
  void theTopLevelHasTheKeysOfTheDomainBrief() throws Exception {
    JsonNode root = json(LAWYER, "2023-07-01");

    assertThat(texts(fieldNames(root)))
        .containsExactly(
            "format",
            "asOf",
            "language",
            "policy",
            "notice",
            "assumptions",
            "findings",
            "nextQuestions");
    assertThat(root.get("format").asText()).isEqualTo("asylex-assessment/1");
    assertThat(root.get("asOf").asText()).isEqualTo("2023-07-01");
    assertThat(root.get("language").asText()).isEqualTo("en");
    assertThat(root.get("policy").get("id").asText()).isEqualTo("RU");
    assertThat(root.get("policy").get("country").asText()).isEqualTo("RU");
    assertThat(root.get("policy").get("version").asText()).isEqualTo("2023-06-08");
    assertThat(root.get("policy").get("contentHash").asText())
        .isEqualTo(ru.contentHash())
        .startsWith("sha256:");
    assertThat(root.get("policy").get("title").get("nl").asText()).contains("Russische");
    assertThat(root.get("notice").get("en").asText())
        .contains("support a decision")
        .contains("does not mean that asylum is granted");
  }

  private static JsonNode fieldNames(JsonNode object) {
    var names = MAPPER.createArrayNode();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void everyFindingHasEveryKeyInTheOrderACaseIsTested() throws Exception {
    JsonNode root = json(LAWYER, "2023-07-01");

    List<String> elements = new ArrayList<>();
    root.get("findings").forEach(f -> elements.add(f.get("element").asText()));
    assertThat(elements)
        .containsExactly(
            "decision-moratorium",
            "risk-group",
            "internal-protection-alternative",
            "departure-moratorium",
            "conscription-assessment",
            "mobilisation-assessment");
    for (JsonNode f : root.get("findings")) {
      assertThat(texts(fieldNames(f)))
          .containsExactly(
              "element",
              "title",
              "outcome",
              "appliesMeans",
              "groups",
              "groupLabels",
              "missingFacts",
              "imprecise",
              "reason",
              "rule",
              "decidingRules",
              "rulesInForce",
              "sources",
              "factsUsed",
              "assumptions",
              "assumptionValues");
      assertThat(f.get("outcome").asText())
          .isIn("applies", "does_not_apply", "individual_assessment", "undetermined");
      assertThat(f.get("reason").get("nl").asText()).isNotBlank();
      assertThat(f.get("reason").get("en").asText()).isNotBlank();
    }
  }

  @Test
  void aLawyerAfterTheChangeIsInTheLawyersRiskGroupWithRuleSourcesAndAssumptions()
      throws Exception {
    JsonNode f = finding(json(LAWYER, "2023-07-01"), "risk-group");

    assertThat(f.get("outcome").asText()).isEqualTo("applies");
    assertThat(texts(f.get("groups"))).containsExactly("lawyers");
    assertThat(f.get("groupLabels").get("lawyers").get("en").asText())
        .isEqualTo("Lawyers conducting politically sensitive cases");
    assertThat(f.get("missingFacts")).isEmpty();
    assertThat(f.get("rule").asText()).isEqualTo("risk-group-lawyers");
    assertThat(f.get("reason").get("en").asText()).contains("lawyers");

    JsonNode lawyers = null;
    for (JsonNode r : f.get("rulesInForce")) {
      if (r.get("rule").asText().equals("risk-group-lawyers")) {
        lawyers = r;
      }
    }
    assertThat(lawyers).isNotNull();
    assertThat(lawyers.get("version").asInt()).isEqualTo(1);
    assertThat(lawyers.get("versions").asInt()).isEqualTo(1);
    assertThat(lawyers.get("validFrom").asText()).isEqualTo("2023-06-08");
    assertThat(lawyers.get("validTo").isNull()).isTrue();
    assertThat(lawyers.get("validFromAssumption").asText()).isEqualTo("in-force-date");
    assertThat(lawyers.get("validToAssumption").isNull()).isTrue();

    JsonNode source = f.get("sources").get(0);
    assertThat(source.get("document").asText()).isEqualTo("kamerbrief-2023-06-08");
    assertThat(source.get("quote").asText())
        .isEqualTo("– Advocaten die politiek gevoelige zaken voeren; en");
    assertThat(source.get("line").asInt()).isPositive();
    assertThat(source.get("endLine").asInt()).isGreaterThanOrEqualTo(source.get("line").asInt());
    assertThat(source.get("end").asInt()).isGreaterThan(source.get("start").asInt());
    String letter = ru.source("kamerbrief-2023-06-08").orElseThrow().text();
    assertThat(letter.substring(source.get("start").asInt(), source.get("end").asInt()))
        .isEqualTo("– Advocaten die politiek gevoelige zaken voeren; en");

    assertThat(f.get("factsUsed").get("lawyerInPoliticallySensitiveCases").asBoolean()).isTrue();
    assertThat(texts(f.get("assumptions"))).contains("in-force-date", "multiple-risk-groups");
    assertThat(f.get("assumptionValues").get("in-force-date").asText()).isEqualTo("2023-06-08");
    assertThat(f.has("trace")).isFalse();
  }

  @Test
  void beforeTheChangeTheCriticsWordingInForceIsVersionTwoOfThree() throws Exception {
    String journalist =
        "{\"countryOfOrigin\": \"RU\", \"activeInJournalism\": true,"
            + " \"politicalActivist\": false, \"humanRightsActivist\": false,"
            + " \"criticisesAuthorities\": true, \"criticismSignificant\": false}";

    JsonNode before = finding(json(journalist, "2023-01-15"), "risk-group");
    JsonNode after = finding(json(journalist, "2023-07-01"), "risk-group");

    assertThat(before.get("outcome").asText()).isEqualTo("does_not_apply");
    assertThat(before.get("rule").isNull()).isTrue();
    assertThat(before.get("rulesInForce")).hasSize(1);
    assertThat(before.get("rulesInForce").get(0).get("rule").asText())
        .isEqualTo("risk-group-critics");
    assertThat(before.get("rulesInForce").get(0).get("version").asInt()).isEqualTo(2);
    assertThat(before.get("rulesInForce").get(0).get("versions").asInt()).isEqualTo(3);
    assertThat(before.get("rulesInForce").get(0).get("validFrom").asText()).isEqualTo("2021-06-23");
    assertThat(before.get("rulesInForce").get(0).get("validTo").asText()).isEqualTo("2023-06-08");
    assertThat(after.get("outcome").asText()).isEqualTo("applies");
    assertThat(texts(after.get("groups"))).containsExactly("critics");
  }

  @Test
  void assumptionsAreListedWithKindValueDefaultAndWhetherOverridden() throws Exception {
    var overridden =
        CompiledPolicy.compile(
            ru,
            AssumptionValues.withOverrides(
                ru, Map.of("in-force-date", "2023-07-01", "moratorium-age-27-included", "true")));
    JsonNode root =
        MAPPER.readTree(
            AssessmentJson.write(assess(overridden, LAWYER, "2023-06-15", false), ru, null));

    assertThat(root.get("language").isNull()).isTrue();
    JsonNode inForce = null;
    JsonNode age27 = null;
    for (JsonNode a : root.get("assumptions")) {
      assertThat(texts(fieldNames(a)))
          .containsExactly("id", "kind", "type", "value", "default", "overridden");
      if (a.get("id").asText().equals("in-force-date")) {
        inForce = a;
      }
      if (a.get("id").asText().equals("moratorium-age-27-included")) {
        age27 = a;
      }
    }
    assertThat(root.get("assumptions")).hasSize(ru.assumptions().size());
    assertThat(inForce.get("kind").asText()).isEqualTo("assumption");
    assertThat(inForce.get("type").asText()).isEqualTo("date");
    assertThat(inForce.get("value").asText()).isEqualTo("2023-07-01");
    assertThat(inForce.get("default").asText()).isEqualTo("2023-06-08");
    assertThat(inForce.get("overridden").asBoolean()).isTrue();
    assertThat(age27.get("kind").asText()).isEqualTo("interpretation");
    assertThat(age27.get("value").isBoolean()).isTrue();
    assertThat(age27.get("value").asBoolean()).isTrue();
    assertThat(age27.get("default").asBoolean()).isFalse();

    JsonNode riskGroup = finding(root, "risk-group");
    assertThat(texts(riskGroup.get("groups")))
        .as("on 15 June the lawyers group is not yet in force when C is 1 July")
        .isEmpty();
    assertThat(riskGroup.get("rulesInForce")).hasSize(1);
    assertThat(riskGroup.get("rulesInForce").get(0).get("validTo").asText())
        .isEqualTo("2023-07-01");
    assertThat(riskGroup.get("assumptionValues").get("in-force-date").asText())
        .isEqualTo("2023-07-01");
  }

  @Test
  void factsUsedGiveDatesAsIsoTextAndPartialDatesAsGiven() throws Exception {
    String deserter =
        "{\"countryOfOrigin\": \"RU\", \"dateOfBirth\": \"1996\", \"militaryStatus\":"
            + " \"conscript\", \"desertion\": true}";

    JsonNode f = finding(json(deserter, "2023-01-15"), "decision-moratorium");

    assertThat(f.get("outcome").asText()).isEqualTo("undetermined");
    assertThat(f.get("factsUsed").get("dateOfBirth").asText()).isEqualTo("1996");
    assertThat(f.get("factsUsed").get("militaryStatus").asText()).isEqualTo("conscript");
    assertThat(f.get("factsUsed").get("desertion").isBoolean()).isTrue();
    assertThat(texts(f.get("missingFacts"))).containsExactly("dateOfBirth");
    assertThat(f.get("assumptionValues").get("moratorium-age-27-included").isBoolean()).isTrue();

    JsonNode lawyer = finding(json(LAWYER, "2023-07-01"), "decision-moratorium");
    assertThat(lawyer.get("outcome").asText()).isEqualTo("does_not_apply");
  }

  @Test
  void nextQuestionsNameTheFactItsQuestionsAndTheElementsItSettles() throws Exception {
    JsonNode root = json("{\"countryOfOrigin\": \"RU\", \"gender\": \"male\"}", "2023-07-01");

    assertThat(root.get("nextQuestions").size()).isPositive();
    for (JsonNode q : root.get("nextQuestions")) {
      assertThat(texts(fieldNames(q))).containsExactly("fact", "label", "question", "elements");
      assertThat(q.get("question").get("nl").asText()).endsWith("?");
      assertThat(q.get("question").get("en").asText()).endsWith("?");
      assertThat(q.get("elements").size()).isPositive();
    }
    JsonNode first = root.get("nextQuestions").get(0);
    assertThat(texts(first.get("elements")))
        .as("the first question settles the most findings")
        .hasSizeGreaterThanOrEqualTo(root.get("nextQuestions").get(1).get("elements").size());
    List<String> facts = new ArrayList<>();
    root.get("nextQuestions").forEach(q -> facts.add(q.get("fact").asText()));
    assertThat(facts).contains("fearsMobilisation", "lgbti").doesNotContain("gender");
  }

  @Test
  void anExplainedAssessmentCarriesANestedTraceInEveryFinding() throws Exception {
    String conscript =
        "{\"countryOfOrigin\": \"RU\", \"dateOfBirth\": \"2001-03-14\", \"militaryStatus\":"
            + " \"conscript\", \"refusesMilitaryService\": true}";
    JsonNode root =
        MAPPER.readTree(
            AssessmentJson.write(assess(defaults, conscript, "2023-01-15", true), ru, Language.NL));

    for (JsonNode f : root.get("findings")) {
      assertThat(f.has("trace")).as(f.get("element").asText()).isTrue();
    }
    JsonNode trace = finding(root, "decision-moratorium").get("trace").get(0);
    assertThat(trace.get("rule").asText()).isEqualTo("decision-moratorium-conscripts");
    assertThat(trace.get("version").asInt()).isEqualTo(1);
    assertThat(trace.get("value").asText()).isEqualTo("true");
    assertThat(trace.get("lifted").asText()).isEqualTo("false");
    JsonNode condition = trace.get("condition");
    assertThat(texts(fieldNames(condition))).containsExactly("text", "value", "children");
    assertThat(condition.get("value").asText()).isEqualTo("true");
    assertThat(allTexts(condition)).contains("militaryStatus = 'conscript'");
  }

  private static List<String> allTexts(JsonNode node) {
    var list = new ArrayList<String>();
    list.add(node.get("text").asText());
    node.get("children").forEach(c -> list.addAll(allTexts(c)));
    return list;
  }

  @Test
  void theOutputIsPrettyWithTwoSpacesAndUnixLineEnds() throws Exception {
    String out = AssessmentJson.write(assess(defaults, LAWYER, "2023-07-01", false), ru, null);

    assertThat(out).startsWith("{\n  \"format\": \"asylex-assessment/1\",\n").doesNotContain("\r");
  }

  @Test
  void anAssessmentUnderAnotherPackIsRefused() throws Exception {
    Assessment a = assess(defaults, LAWYER, "2023-07-01", false);
    PolicyPack other =
        new PolicyPack(
            "ZZ",
            "ZZ",
            "1",
            ru.title(),
            ru.summary(),
            ru.sources(),
            ru.facts(),
            ru.elements(),
            ru.assumptions(),
            ru.definitions(),
            ru.rules(),
            "sha256:0");

    assertThatThrownBy(() -> AssessmentJson.write(a, other, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inputErrorsHaveTheirOwnJsonForm() throws Exception {
    JsonNode root =
        MAPPER.readTree(
            AssessmentJson.errors(
                List.of(
                    new InputError(
                        "/lgbti",
                        InputError.Kind.WRONG_TYPE,
                        Optional.of("lgbti"),
                        Optional.of("true or false"),
                        Optional.of("the text \"yes\""),
                        Optional.empty()),
                    InputError.ofDocument(
                        InputError.Kind.MALFORMED_JSON, "line 1, column 2: malformed JSON"))));

    assertThat(texts(fieldNames(root))).containsExactly("errors");
    assertThat(root.get("errors")).hasSize(2);
    assertThat(texts(fieldNames(root.get("errors").get(0))))
        .containsExactly("pointer", "code", "message");
    assertThat(root.get("errors").get(0).get("pointer").asText()).isEqualTo("/lgbti");
    assertThat(root.get("errors").get(0).get("message").asText())
        .isEqualTo("lgbti must be true or false, not the text \"yes\"");
    assertThat(root.get("errors").get(1).get("code").asText()).isEqualTo("malformed-json");
  }

  @Test
  void validationErrorsOfARealCaseRenderWithPointers() throws Exception {
    var raw =
        CaseJson.read(
            "{\"countryOfOrigin\": \"RU\", \"lgbti\": \"true\", \"gendr\": \"female\"}", "c.json");
    var errors = CaseInput.validate(ru, raw, LocalDate.of(2023, 7, 1), "").errors();

    JsonNode root = MAPPER.readTree(AssessmentJson.errors(errors));

    List<String> pointers = new ArrayList<>();
    root.get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertThat(pointers).containsExactlyInAnyOrder("/lgbti", "/gendr");
  }
}
