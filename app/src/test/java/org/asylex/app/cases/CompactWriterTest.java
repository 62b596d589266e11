package org.asylex.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.asylex.app.TestApp;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Timeline;
import org.asylex.json.AssessmentJson;
import org.asylex.json.CompactFindings;
import org.asylex.json.CompactWriter;
import org.asylex.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The compact findings written straight from the assessment ({@link CompactWriter}) are the text
 * the tree path writes ({@link CompactFindings#compact(Map, PolicyPack)} of {@link
 * AssessmentJson#tree}), byte for byte, on generated RU cases (every fact absent or present with a
 * random value of its type, full and partial birth dates) on dates around the moratorium's bounds,
 * with the pack's assumption values and with overridden ones; and they expand back to the
 * assessment's JSON.
 */
class CompactWriterTest {
  private static final List<Map<String, String>> ASSUMPTIONS =
      List.of(
          Map.of(),
          Map.of("moratorium-age-27-included", "true"),
          Map.of("criticism-clause-scope", "all-three", "conscript-reading", "serving"),
          Map.of("in-force-date", "2023-01-01"));

  private final PolicyCatalog policies = TestApp.policies();
  private final PolicyPack pack = policies.byId("RU").orElseThrow();

  /**
   * The days the pack's policy changes on (its timeline under the default values), the day before
   * and after each, and days long before and after all of them: where findings carry the most
   * different rules in force, sources and reasons.
   */
  private final List<LocalDate> dates = dates(pack);

  private static List<LocalDate> dates(PolicyPack pack) {
    var days = new java.util.TreeSet<>(List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1)));
    for (Timeline.Entry e : Timeline.of(pack, AssumptionValues.defaults(pack))) {
      e.date().exact().ifPresent(d -> days.addAll(List.of(d.minusDays(1), d, d.plusDays(1))));
    }
    return List.copyOf(days);
  }

  @Test
  void writes_what_the_tree_path_writes_for_generated_cases() {
    var random = new Random(20261205);
    int checked = 0;
    int withOwnTexts = 0;
    for (int i = 0; i < 3000; i++) {
      Map<String, Object> facts = facts(random);
      LocalDate on = dates.get(random.nextInt(dates.size()));
      Map<String, String> assumptions = ASSUMPTIONS.get(random.nextInt(ASSUMPTIONS.size()));
      var valid = CaseInput.validate(pack, facts, on, "");
      if (!valid.isValid()) {
        continue;
      }
      Assessment a = policies.compiled(pack, assumptions).assess(valid.facts().orElseThrow(), on);
      Map<String, Object> tree = AssessmentJson.tree(a, pack, null);
      String expected = CompactFindings.compact(tree, pack);
      String written = CompactWriter.written(a, pack).orElseThrow();
      assertThat(written).as("case %s on %s with %s", facts, on, assumptions).isEqualTo(expected);
      if (i % 50 == 0) {
        assertThat(CompactFindings.expand(written, pack)).isEqualTo(Json.compact(tree));
      }
      if (!assumptions.isEmpty()) {
        withOwnTexts++;
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(2500);
    assertThat(withOwnTexts).isGreaterThan(1000);
  }

  @Test
  void an_explained_assessment_is_written_by_the_tree_path() {
    Map<String, Object> facts = facts(new Random(7));
    LocalDate on = LocalDate.parse("2023-06-08");
    var valid = CaseInput.validate(pack, facts, on, "");
    assertThat(valid.isValid()).isTrue();
    Assessment a = policies.compiled(pack, Map.of()).assess(valid.facts().orElseThrow(), on, true);
    Map<String, Object> tree = AssessmentJson.tree(a, pack, null);
    assertThat(tree.toString()).contains("trace=");
    assertThat(CompactWriter.written(a, pack)).isEmpty();
    assertThat(CompactWriter.compact(a, pack)).isEqualTo(CompactFindings.compact(tree, pack));
  }

  /**
   * A case with every fact of the pack absent or present (two in three) with a random value of its
   * type: full and partial birth dates from 1950 to 2005.
   */
  private Map<String, Object> facts(Random random) {
    var facts = new LinkedHashMap<String, Object>();
    for (FactDefinition f : pack.facts().facts()) {
      Object value =
          switch (f.type()) {
            case BOOLEAN -> random.nextBoolean();
            case ENUM -> f.values().get(random.nextInt(f.values().size()));
            case COUNTRY -> "RU";
            case REGION -> REGIONS.get(random.nextInt(REGIONS.size()));
            case DATE -> birth(random, 2);
            case PARTIAL_DATE -> birth(random, random.nextInt(3));
          };
      if (f.type() == FactType.COUNTRY || random.nextInt(3) > 0) {
        facts.put(f.name(), value);
      }
    }
    return facts;
  }

  private static final List<String> REGIONS =
      List.of("RU-CE", "RU-IN", "RU-DA", "RU-MOW", "RU-SPE", "RU-TA");

  /** A date from 1950 to 2005: a year ({@code form} 0), a month (1) or a day (2). */
  private static String birth(Random random, int form) {
    int year = 1950 + random.nextInt(56);
    return switch (form) {
      case 0 -> Integer.toString(year);
      case 1 -> String.format("%d-%02d", year, 1 + random.nextInt(12));
      default ->
          String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    };
  }
}
