package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example case of {@code examples/} assessed during the moratorium (15 January 2023) and
 * after the letter took effect and the moratorium lapsed (1 July 2023), in text and in JSON.
 */
class AssessExamplesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What one example gives on one date: element to outcome, with groups where they matter. */
  private record Expected(String file, String date, Map<String, String> outcomes) {
    @Override
    public String toString() {
      return file + " @ " + date;
    }
  }

  private static Expected expect(String file, String date, String... pairs) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return new Expected(file, date, map);
  }

  private static final String WINTER = "2023-01-15";
  private static final String SUMMER = "2023-07-01";

  static Stream<Expected> examples() {
    return Stream.of(
        expect(
            "conscript-refusing-service.json",
            WINTER,
            "decision-moratorium",
            "applies",
            "departure-moratorium",
            "applies",
            "conscription-assessment",
            "individual_assessment",
            "mobilisation-assessment",
            "does_not_apply",
            "risk-group",
            "does_not_apply",
            "internal-protection-alternative",
            "does_not_apply"),
        expect(
            "conscript-refusing-service.json",
            SUMMER,
            "decision-moratorium",
            "does_not_apply",
            "departure-moratorium",
            "does_not_apply",
            "conscription-assessment",
            "individual_assessment"),
        expect(
            "deserter-partial-birthdate.json",
            WINTER,
            "decision-moratorium",
            "undetermined",
            "departure-moratorium",
            "undetermined",
            "conscription-assessment",
            "individual_assessment",
            "mobilisation-assessment",
            "individual_assessment"),
        expect(
            "deserter-partial-birthdate.json",
            SUMMER,
            "decision-moratorium",
            "does_not_apply",
            "departure-moratorium",
            "does_not_apply",
            "conscription-assessment",
            "individual_assessment"),
        expect(
            "mobilisation-fear.json",
            WINTER,
            "mobilisation-assessment",
            "individual_assessment",
            "conscription-assessment",
            "does_not_apply",
            "decision-moratorium",
            "does_not_apply"),
        expect(
            "mobilisation-fear.json",
            SUMMER,
            "mobilisation-assessment",
            "individual_assessment",
            "conscription-assessment",
            "does_not_apply"),
        expect("journalist-critic.json", WINTER, "risk-group", "does_not_apply"),
        expect("journalist-critic.json", SUMMER, "risk-group", "applies[critics]"),
        expect("lawyer-political-cases.json", WINTER, "risk-group", "does_not_apply"),
        expect("lawyer-political-cases.json", SUMMER, "risk-group", "applies[lawyers]"),
        expect(
            "woman-chechnya-domestic-violence.json",
            WINTER,
            "internal-protection-alternative",
            "does_not_apply"),
        expect(
            "woman-chechnya-domestic-violence.json",
            SUMMER,
            "internal-protection-alternative",
            "applies[women-north-caucasus]",
            "risk-group",
            "does_not_apply"),
        expect(
            "lgbti-with-settle-elsewhere.json",
            WINTER,
            "internal-protection-alternative",
            "does_not_apply"),
        expect(
            "lgbti-with-settle-elsewhere.json",
            SUMMER,
            "internal-protection-alternative",
            "does_not_apply[lgbti, settle-elsewhere]"),
        expect(
            "undetermined-minimal.json",
            WINTER,
            "decision-moratorium",
            "undetermined",
            "risk-group",
            "undetermined",
            "internal-protection-alternative",
            "does_not_apply",
            "mobilisation-assessment",
            "undetermined"),
        expect(
            "undetermined-minimal.json",
            SUMMER,
            "decision-moratorium",
            "does_not_apply",
            "risk-group",
            "undetermined",
            "internal-protection-alternative",
            "undetermined",
            "conscription-assessment",
            "undetermined"));
  }

  private static CliRun assess(String file, String date, String... more) {
    var args = new ArrayList<>(List.of("assess", "--policies", CliRun.POLICIES));
    args.add(CliRun.EXAMPLES + "/" + file);
    args.add("--as-of");
    args.add(date);
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static String display(String outcomeId) {
    return switch (outcomeId) {
      case "applies" -> "APPLIES";
      case "does_not_apply" -> "DOES NOT APPLY";
      case "individual_assessment" -> "INDIVIDUAL ASSESSMENT";
      case "undetermined" -> "UNDETERMINED";
      default -> throw new IllegalArgumentException(outcomeId);
    };
  }

  /** The text of one finding: from its heading to the next blank line. */
  static String section(String out, String element) {
    int start = out.indexOf("  [" + element + "]\n");
    assertThat(start).as("a finding for " + element).isPositive();
    int end = out.indexOf("\n\n", start);
    return out.substring(out.lastIndexOf('\n', start) + 1, end);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theTextNamesEachElementsOutcomeAndGroups(Expected e) {
    CliRun run = assess(e.file(), e.date());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Assessment of " + CliRun.EXAMPLES + "/" + e.file() + " as of " + e.date());
    e.outcomes()
        .forEach(
            (element, expected) -> {
              String outcome = expected.replaceAll("\\[.*", "");
              String section = section(run.out(), element);
              assertThat(section).contains("Outcome:          " + display(outcome) + "\n");
              if (expected.contains("[")) {
                String groups =
                    expected.substring(expected.indexOf('[') + 1, expected.length() - 1);
                for (String g : groups.split(", ")) {
                  assertThat(section).containsPattern("(Risk groups|Grounds): +(.*\\n +)*" + g);
                }
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theJsonGivesTheSameOutcomesAndGroups(Expected e) throws IOException {
    CliRun run = assess(e.file(), e.date(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode root = MAPPER.readTree(run.out());
    assertThat(root.get("asOf").asText()).isEqualTo(e.date());
    var actual = new LinkedHashMap<String, String>();
    for (JsonNode f : root.get("findings")) {
      var groups = new ArrayList<String>();
      f.get("groups").forEach(g -> groups.add(g.asText()));
      actual.put(
          f.get("element").asText(),
          f.get("outcome").asText() + (groups.isEmpty() ? "" : groups.toString()));
    }
    assertThat(actual).containsAllEntriesOf(e.outcomes());
  }

  @Test
  void everyExampleFileIsCoveredAndEveryExampleIsDocumented() throws IOException {
    List<String> files;
    try (Stream<Path> list = Files.list(Path.of(CliRun.EXAMPLES))) {
      files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
    }
    String readme = Files.readString(Path.of(CliRun.EXAMPLES, "README.md"));

    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    assertThat(examples().map(Expected::file).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(files);
    for (String f : files) {
      assertThat(readme).as("examples/README.md explains " + f).contains(f);
    }
  }

  @Test
  void aPartialBirthDateThatLeavesTheAgeOpenAsksForItMorePrecisely() {
    CliRun run = assess("deserter-partial-birthdate.json", WINTER);

    assertThat(section(run.out(), "decision-moratorium"))
        .contains("Missing:          dateOfBirth (Date of birth, needed more precisely)")
        .contains("dateOfBirth = 1996");
    assertThat(run.out())
        .contains("NEXT QUESTIONS\n  1. What is the applicant's date of birth")
        .contains("dateOfBirth (partial-date) — can settle: Decision moratorium for conscripts");
  }

  @Test
  void theMinimalCaseListsTheNextQuestionsNumbered() {
    CliRun run = assess("undetermined-minimal.json", SUMMER);

    String questions = run.out().substring(run.out().indexOf("NEXT QUESTIONS"));
    assertThat(questions)
        .contains("  1. What is the applicant's military status")
        .contains("  2. ")
        .contains("Has the applicant made it plausible that they are LGBTI?")
        .contains("lgbti (boolean) — can settle: Exclusion of the internal protection alternative");
  }
}
