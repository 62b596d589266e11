package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONSCRIPT = CliRun.EXAMPLES + "/conscript-refusing-service.json";
  private static final String JOURNALIST = CliRun.EXAMPLES + "/journalist-critic.json";
  private static final String LAWYER = CliRun.EXAMPLES + "/lawyer-political-cases.json";

  private static CliRun assess(String... args) {
    var all = new ArrayList<>(List.of("assess", "--policies", CliRun.POLICIES));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static Path caseFile(Path dir, String json) throws IOException {
    Path file = dir.resolve("case.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  /** A run that refused its input: exit 2, nothing on stdout, no stack trace. */
  private static CliRun refused(String... args) {
    CliRun run = assess(args);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("internal error");
    return run;
  }

  // ---- the text for a person --------------------------------------------------------------------

  @Test
  void theHeaderNamesThePolicyItsVersionAndHashTheDateAndEveryAssumption() {
    CliRun run = assess(CONSCRIPT, "--as-of", "2023-01-15");

    assertThat(run.out())
        .startsWith("Assessment of " + CONSCRIPT + " as of 2023-01-15\n")
        .contains(
            "Policy: RU — Country-specific asylum policy for the Russian Federation (June 2023)")
        .containsPattern("version 2023-06-08, content sha256:[0-9a-f]{64}")
        .contains("Assumptions and interpretations:\n  in-force-date = 2023-06-08 (assumption)\n")
        .contains("  moratorium-age-27-included = false (interpretation)\n")
        .doesNotContain("[overridden");
  }

  @Test
  void aFindingShowsOutcomeMeaningReasonRuleVersionQuoteFactsAndAssumptions() {
    String moratorium =
        AssessExamplesTest.section(
            assess(CONSCRIPT, "--as-of", "2023-01-15").out(), "decision-moratorium");

    assertThat(moratorium)
        .startsWith("1. Decision moratorium for conscripts  [decision-moratorium]\n")
        .contains("Outcome:          APPLIES\n")
        .contains("which means: The decision on the application is postponed on that date")
        .contains(
            "Reason:           On that date the decision moratorium applies and the applicant is")
        .contains("aged 18 or over and under 27")
        .contains(
            "Rule:             decision-moratorium-conscripts, version 1 of 1, valid [2022-06-29,"
                + " 2023-06-29)")
        .contains(
            "Facts used:       dateOfBirth = 2001-03-14, militaryStatus = conscript (called up as a"
                + " conscript\n                    or serving)")
        .contains("Rests on:         moratorium-age-27-included = false (interpretation)")
        .contains(
            "conscript-reading = liable (liable to conscription (military status conscript or\n"
                + "                    none)) (interpretation)")
        .contains("Source text:\n    > “Momenteel geldt er een besluit- en vertrekmoratorium")
        .containsPattern("— kamerbrief-2023-06-08, line \\d+–\\d+");
  }

  @Test
  void beforeTheChangeTheFindingSaysWhichCriticsWordingWasInForceAndThatItRestsOnAnAssumption() {
    String riskGroup =
        AssessExamplesTest.section(assess(JOURNALIST, "--as-of", "2023-01-15").out(), "risk-group");

    assertThat(riskGroup)
        .contains("Outcome:          DOES NOT APPLY")
        .contains(
            "Rules in force:   risk-group-critics, version 2 of 3, valid [2021-06-23, 2023-06-08)"
                + " (to =\n                    @in-force-date: assumption)")
        .contains("criticismSignificant = false")
        .contains("significant kritiek leveren op de autoriteiten")
        .contains("does not belong to the critics risk group, in the wording that\n")
        .contains(
            "criticism-clause-scope = journalism-only (the requirement of criticism applies\n"
                + "                    only to persons active in journalism) (interpretation)");
  }

  @Test
  void codedValuesKeepTheirCodeWithThePacksLabelInTheOutputLanguageButNotInJson() {
    String nl = assess(CONSCRIPT, "--as-of", "2023-01-15", "--lang", "nl").out();
    assertThat(nl)
        .contains("militaryStatus = conscript (dienstplichtige (als dienstplichtige opgeroepen")
        .contains("conscript-reading = liable (tot de dienst verplicht");
    // A value the pack labels with the code itself, or does not label, is the code alone.
    assertThat(assess(CONSCRIPT, "--as-of", "2023-01-15").out())
        .contains("moratorium-age-27-included = false (interpretation)")
        .doesNotContain("false (false)");
    String json = assess(CONSCRIPT, "--as-of", "2023-01-15", "--format", "json").out();
    assertThat(json)
        .contains("\"militaryStatus\": \"conscript\"")
        .doesNotContain("called up as a conscript")
        .doesNotContain("liable to conscription");
  }

  @Test
  void afterTheChangeTheRiskGroupIsNamedWithItsLabel() {
    String riskGroup =
        AssessExamplesTest.section(assess(LAWYER, "--as-of", "2023-07-01").out(), "risk-group");

    assertThat(riskGroup)
        .contains("Outcome:          APPLIES")
        .contains("Risk groups:      lawyers — Lawyers conducting politically sensitive cases")
        .contains("Rule:             risk-group-lawyers, version 1 of 1, valid [2023-06-08, …)")
        .contains("Also in force:    risk-group-critics, version 3 of 3")
        .contains("“– Advocaten die politiek gevoelige zaken voeren; en”");
  }

  @Test
  void theTextEndsWithTheReminderThatFindingsAreNotTheDecision() {
    String out = assess(LAWYER, "--as-of", "2023-07-01").out();

    assertThat(out)
        .contains("NEXT QUESTIONS\n  None: every finding is settled by the facts given.")
        .endsWith(
            "Note: These are policy findings that support a decision; they are not the decision. A"
                + " risk group\n      does not mean that asylum is granted.\n");
    assertThat(out).doesNotContainIgnoringCase("asylum granted");
  }

  @Test
  void theTextSpeaksDutchOnRequest() {
    String out = assess(LAWYER, "--as-of", "2023-07-01", "--lang", "nl").out();

    assertThat(out)
        .startsWith("Beoordeling van " + LAWYER + " op 2023-07-01")
        .contains("Uitkomst:         VAN TOEPASSING")
        .contains("Uitkomst:         NIET VAN TOEPASSING")
        .contains("Risicogroepen:    lawyers — Advocaten die politiek gevoelige zaken voeren")
        .contains("versie 1 van 1, geldig [2023-06-08, …)")
        .contains("Let op: Dit zijn beleidsbevindingen");
  }

  @Test
  void explainPrintsEachRulesTraceAsAnIndentedTree() {
    CliRun run = assess(CONSCRIPT, "--as-of", "2023-01-15", "--explain");

    String moratorium = AssessExamplesTest.section(run.out(), "decision-moratorium");
    assertThat(moratorium)
        .contains("Trace:\n    rule decision-moratorium-conscripts, version 1: true\n")
        .contains("      [true] moratoriumGroup\n")
        .contains("          [true] militaryStatus = 'conscript'\n")
        .contains("[true] age(dateOfBirth) >= 18");
    assertThat(AssessExamplesTest.section(run.out(), "internal-protection-alternative"))
        .contains("Trace:\n    (no rule in force)");
    assertThat(assess(CONSCRIPT, "--as-of", "2023-01-15").out()).doesNotContain("Trace:");
  }

  @Test
  void anOverriddenAssumptionIsMarkedAndMovesTheOutcome() {
    CliRun run = assess(LAWYER, "--as-of", "2023-07-01", "--assume", "in-force-date=2023-07-15");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("  in-force-date = 2023-07-15 (assumption) [overridden; default 2023-06-08]");
    String riskGroup = AssessExamplesTest.section(run.out(), "risk-group");
    assertThat(riskGroup)
        .contains("DOES NOT APPLY")
        .contains("risk-group-critics, version 2 of 3, valid [2021-06-23, 2023-07-15)")
        .contains("in-force-date = 2023-07-15 (assumption) [overridden; default 2023-06-08]");
  }

  @Test
  void aDeploymentConfigurationOverridesAnAssumption(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("asylex.properties");
    Files.writeString(config, "assume.RU.moratorium-age-27-included=true\n");

    CliRun run = assess(CONSCRIPT, "--as-of", "2023-01-15", "--config", config.toString());

    assertThat(run.out())
        .contains("moratorium-age-27-included = true (interpretation) [overridden; default false]");
  }

  @Test
  void withoutAsOfTheCaseIsAssessedAsOfTodayInTheNetherlands() {
    // 23:30 UTC on 28 June 2023 is 29 June in the Netherlands: the moratorium has lapsed there.
    var lateInJune =
        new org.asylex.app.Today(
            java.time.Clock.fixed(
                java.time.Instant.parse("2023-06-28T23:30:00Z"), java.time.ZoneOffset.UTC));

    CliRun run = CliRun.on(lateInJune, "assess", "--policies", CliRun.POLICIES, CONSCRIPT);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Assessment of " + CONSCRIPT + " as of 2023-06-29");
    assertThat(AssessExamplesTest.section(run.out(), "decision-moratorium"))
        .contains("DOES NOT APPLY");
  }

  @Test
  void aCaseIsReadFromStandardInputWithDash() throws IOException {
    String json = Files.readString(Path.of(JOURNALIST));

    CliRun run =
        CliRun.withStdin(
            json, "assess", "--policies", CliRun.POLICIES, "-", "--as-of", "2023-07-01");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Assessment of <stdin> as of 2023-07-01");
    assertThat(AssessExamplesTest.section(run.out(), "risk-group"))
        .contains("APPLIES")
        .contains("critics");
  }

  // ---- JSON ------------------------------------------------------------------------------------

  @Test
  void theJsonOutputParsesAndHasTheKeysOfTheDomainBrief() throws IOException {
    CliRun run = assess(LAWYER, "--as-of", "2023-07-01", "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode root = MAPPER.readTree(run.out());
    assertThat(root.has("asOf")).isTrue();
    assertThat(root.get("policy").get("id").asText()).isEqualTo("RU");
    assertThat(root.get("policy").get("version").asText()).isEqualTo("2023-06-08");
    assertThat(root.get("policy").get("contentHash").asText()).startsWith("sha256:");
    assertThat(root.get("assumptions").size()).isPositive();
    assertThat(root.get("nextQuestions").isArray()).isTrue();
    assertThat(root.get("findings")).hasSize(6);
    for (JsonNode f : root.get("findings")) {
      for (String key :
          List.of(
              "element",
              "outcome",
              "groups",
              "missingFacts",
              "reason",
              "rule",
              "rulesInForce",
              "sources",
              "factsUsed",
              "assumptions",
              "assumptionValues")) {
        assertThat(f.has(key)).as(f.get("element") + " has " + key).isTrue();
      }
      assertThat(f.get("reason").has("nl")).isTrue();
      assertThat(f.get("reason").has("en")).isTrue();
      assertThat(f.has("trace")).isFalse();
    }
    JsonNode source = root.get("findings").get(1).get("sources").get(0);
    assertThat(source.get("document").asText()).isEqualTo("kamerbrief-2023-06-08");
    assertThat(source.get("line").asInt()).isPositive();
    assertThat(source.get("quote").asText()).isNotBlank();
  }

  @Test
  void theJsonOfAnExplainedAssessmentCarriesTheTrace() throws IOException {
    JsonNode root =
        MAPPER.readTree(
            assess(CONSCRIPT, "--as-of", "2023-01-15", "--format", "json", "--explain").out());

    JsonNode trace = root.get("findings").get(0).get("trace").get(0);
    assertThat(trace.get("rule").asText()).isEqualTo("decision-moratorium-conscripts");
    assertThat(trace.get("condition").get("children").isArray()).isTrue();
  }

  @Test
  void withJsonOutputInputErrorsAlsoGoToStandardOutputAsJson(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\"countryOfOrigin\": \"RU\", \"lgbti\": \"true\"}");

    CliRun run = assess(file.toString(), "--as-of", "2023-07-01", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode errors = MAPPER.readTree(run.out()).get("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("pointer").asText()).isEqualTo("/lgbti");
    assertThat(errors.get(0).get("code").asText()).isEqualTo("wrong-type");
    assertThat(run.err()).contains(file + ": /lgbti: lgbti must be true or false");
  }

  // ---- bad input -------------------------------------------------------------------------------

  @Test
  void malformedJsonNamesTheFileLineAndColumn(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\n  \"countryOfOrigin\": \"RU\",\n  \"lgbti\": tru\n}\n");

    CliRun run = refused(file.toString(), "--as-of", "2023-07-01");

    assertThat(run.err()).startsWith(file + ":3:12: malformed JSON: Unrecognized token 'tru'");
  }

  @Test
  void aDuplicateKeyIsRefusedNamingIt(@TempDir Path tmp) throws IOException {
    Path file =
        caseFile(tmp, "{\"countryOfOrigin\": \"RU\",\n \"lgbti\": true,\n \"lgbti\": false}");

    CliRun run = refused(file.toString(), "--as-of", "2023-07-01");

    assertThat(run.err()).startsWith(file + ":3:").contains("duplicate key 'lgbti'");
  }

  @Test
  void aTopLevelOtherThanAnObjectIsRefused(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "[{\"countryOfOrigin\": \"RU\"}]");

    assertThat(refused(file.toString()).err())
        .contains(file + ":1:1: the case must be a JSON object of facts {…}, not an array");
  }

  @Test
  void anUnknownFactIsNamedWithASuggestion(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\"countryOfOrigin\": \"RU\", \"fearsMobilization\": true}");

    assertThat(refused(file.toString(), "--as-of", "2023-07-01").err())
        .contains(
            file
                + ": /fearsMobilization: unknown fact 'fearsMobilization'; did you mean"
                + " 'fearsMobilisation'?")
        .contains("asylex: 1 error in the case; nothing was assessed");
  }

  @Test
  void aWrongJsonTypeIsNamed(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\"countryOfOrigin\": \"RU\", \"dateOfBirth\": 1990}");

    assertThat(refused(file.toString(), "--as-of", "2023-07-01").err())
        .contains(file + ": /dateOfBirth: dateOfBirth must be a date YYYY-MM-DD, YYYY-MM or YYYY")
        .contains("not the number 1990");
  }

  @Test
  void aBooleanGivenAsTextIsRefused(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\"countryOfOrigin\": \"RU\", \"desertion\": \"true\"}");

    assertThat(refused(file.toString(), "--as-of", "2023-07-01").err())
        .contains(
            file
                + ": /desertion: desertion must be true or false (JSON booleans, not strings or"
                + " numbers), not the text \"true\"");
  }

  @Test
  void aValueOutsideAnEnumerationIsRefusedCaseSensitively(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\"countryOfOrigin\": \"RU\", \"militaryStatus\": \"Conscript\"}");

    assertThat(refused(file.toString(), "--as-of", "2023-07-01").err())
        .contains(
            file
                + ": /militaryStatus: 'Conscript' is not a value of militaryStatus (conscript,"
                + " reservist, contractSoldier, none); did you mean 'conscript'?");
  }

  @Test
  void aDateThatDoesNotExistIsRefused(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\"countryOfOrigin\": \"RU\", \"dateOfBirth\": \"2023-02-30\"}");

    assertThat(refused(file.toString(), "--as-of", "2023-07-01").err())
        .contains(file + ": /dateOfBirth: the date 2023-02-30 does not exist");
  }

  @Test
  void aBirthDateAfterTheAssessmentDateIsRefused(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\"countryOfOrigin\": \"RU\", \"dateOfBirth\": \"2023-03-01\"}");

    assertThat(refused(file.toString(), "--as-of", "2023-01-15").err())
        .contains(
            file
                + ": /dateOfBirth: dateOfBirth 2023-03-01 lies after the assessment date 2023-01-15");
  }

  @Test
  void aCaseWithoutCountryOfOriginIsRefused(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\"gender\": \"male\"}");

    assertThat(refused(file.toString()).err())
        .contains(file + ": /countryOfOrigin: countryOfOrigin is required")
        .contains("such as RU");
  }

  @Test
  void aCountryWithoutAPackIsRefusedNamingThePacksThatExist(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\"countryOfOrigin\": \"ZZ\", \"lgbti\": true}");

    assertThat(refused(file.toString()).err())
        .contains(
            file + ": /countryOfOrigin: there is no policy pack for country 'ZZ' (packs: RU)");
  }

  @Test
  void aRegionThatIsNotAnIso31662CodeIsRefused(@TempDir Path tmp) throws IOException {
    Path file = caseFile(tmp, "{\"countryOfOrigin\": \"RU\", \"regionOfOrigin\": \"Chechnya\"}");

    assertThat(refused(file.toString(), "--as-of", "2023-07-01").err())
        .contains(file + ": /regionOfOrigin: regionOfOrigin must be an ISO 3166-2 code")
        .contains("not the text \"Chechnya\"");
  }

  @Test
  void everyErrorOfACaseIsReportedAtOnce(@TempDir Path tmp) throws IOException {
    Path file =
        caseFile(
            tmp,
            "{\"countryOfOrigin\": \"RU\", \"lgbtI\": true, \"desertion\": \"true\","
                + " \"gender\": \"Female\", \"regionOfOrigin\": \"Chechnya\"}");

    CliRun run = refused(file.toString(), "--as-of", "2023-07-01");

    assertThat(run.err())
        .contains("/lgbtI: ", "/desertion: ", "/gender: ", "/regionOfOrigin: ")
        .contains("asylex: 4 errors in the case; nothing was assessed");
  }

  @Test
  void anImpossibleAsOfDateIsRefused() {
    assertThat(refused(CONSCRIPT, "--as-of", "2023-13-01").err())
        .isEqualTo("asylex: --as-of 2023-13-01 is not a date that exists\n");
    assertThat(refused(CONSCRIPT, "--as-of", "15-01-2023").err())
        .contains("--as-of takes a date written YYYY-MM-DD, not '15-01-2023'");
  }

  @Test
  void aMissingFileIsRefused() {
    assertThat(refused("no-such-case.json").err())
        .isEqualTo("asylex: cannot read no-such-case.json: no such file\n");
  }

  @Test
  void anUnknownFormatOrLanguageIsRefused() {
    assertThat(refused(CONSCRIPT, "--format", "yaml").err())
        .contains("--format takes text or json, not 'yaml'");
    assertThat(refused(CONSCRIPT, "--lang", "de").err()).contains("--lang takes nl or en");
  }

  @Test
  void aBadOverrideIsRefused() {
    assertThat(refused(CONSCRIPT, "--assume", "in-forse-date=2023-07-01").err())
        .contains("unknown assumption 'in-forse-date'")
        .contains("did you mean 'in-force-date'?");
  }

  @Test
  void anInvalidPackIsReportedWithItsErrors(@TempDir Path tmp) throws IOException {
    Path pack = PolicyValidateCommandTest.copyOfRussianPack(tmp);
    Path rules = pack.resolve("rules.yaml");
    Files.writeString(
        rules,
        Files.readString(rules).replaceFirst("fearsMobilisation", "fearsMobilsation"),
        StandardCharsets.UTF_8);

    CliRun run =
        CliRun.of("assess", "--policies", tmp.toString(), CONSCRIPT, "--as-of", "2023-01-15");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("error[unknown-fact]: unknown fact or definition 'fearsMobilsation'")
        .contains("invalid pack");
  }

  @Test
  void aPackInADirectoryNotNamedAfterItsCountryIsFound(@TempDir Path tmp) throws IOException {
    Path pack = PolicyValidateCommandTest.copyOfRussianPack(tmp);
    Files.move(pack, tmp.resolve("russian-federation"));

    CliRun run = CliRun.of("assess", "--policies", tmp.toString(), LAWYER, "--as-of", "2023-07-01");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Risk groups:      lawyers");
  }

  @Test
  void assumptionValuesThatMakeRulesConflictAreRefusedNamingBothRules(@TempDir Path tmp)
      throws IOException {
    // A pack in which a second lawyers rule ends on a date of its own: harmless by default,
    // a conflict once that date is moved past the in-force date.
    Path pack = PolicyValidateCommandTest.copyOfRussianPack(tmp);
    Files.writeString(
        pack.resolve("assumptions.yaml"),
        Files.readString(pack.resolve("assumptions.yaml"))
            + "\n  - id: old-lawyers-until\n"
            + "    kind: assumption\n"
            + "    type: date\n"
            + "    default: 2023-06-08\n"
            + "    statement: {nl: Tot wanneer de oude regel gold., en: Until when the old rule"
            + " held.}\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        pack.resolve("rules.yaml"),
        Files.readString(pack.resolve("rules.yaml"))
            + "\n  - id: risk-group-lawyers-old\n"
            + "    element: risk-group\n"
            + "    group: lawyers\n"
            + "    valid: {to: \"@old-lawyers-until\"}\n"
            + "    when: lawyerInPoliticallySensitiveCases and criticismSignificant\n"
            + "    outcome: applies\n"
            + "    reason: {nl: Oude regel., en: Old rule.}\n"
            + "    sources:\n"
            + "      - document: kamerbrief-2023-06-08\n"
            + "        quote: \"– Advocaten die politiek gevoelige zaken voeren; en\"\n",
        StandardCharsets.UTF_8);

    CliRun valid =
        CliRun.of("assess", "--policies", tmp.toString(), LAWYER, "--as-of", "2023-07-01");
    CliRun conflict =
        CliRun.of(
            "assess",
            "--policies",
            tmp.toString(),
            LAWYER,
            "--as-of",
            "2023-07-01",
            "--assume",
            "old-lawyers-until=2023-09-01");

    assertThat(valid.exitCode()).as(valid.err()).isZero();
    assertThat(conflict.exitCode()).isEqualTo(2);
    assertThat(conflict.out()).isEmpty();
    assertThat(conflict.err())
        .contains("'risk-group-lawyers'")
        .contains("'risk-group-lawyers-old'")
        .contains("cannot be used with these assumption values")
        .doesNotContain("Exception");
  }
}
