package org.asylex.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.asylex.app.TestApp;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.AssessmentJson;
import org.asylex.json.CaseJson;
import org.asylex.json.CompactFindings;
import org.asylex.json.Json;
import org.asylex.json.JsonInputException;
import org.junit.jupiter.api.Test;

/**
 * The compact findings of every example case, on dates before, inside and after the moratorium and
 * under overridden assumptions, expand back to exactly the assessment's JSON, and are much smaller.
 */
class CompactFindingsTest {
  private final PolicyCatalog policies = TestApp.policies();
  private final PolicyPack pack = policies.byId("RU").orElseThrow();

  @Test
  void every_example_expands_back_byte_for_byte() throws IOException, JsonInputException {
    List<Path> examples;
    try (Stream<Path> files = Files.list(Path.of("../examples"))) {
      examples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(examples).hasSizeGreaterThan(3);
    int checked = 0;
    for (Path example : examples) {
      Map<String, Object> facts = CaseJson.read(Files.newInputStream(example), example.toString());
      for (String date : List.of("2021-06-01", "2023-01-15", "2023-06-08", "2024-01-01")) {
        for (Map<String, String> assumptions :
            List.of(Map.<String, String>of(), Map.of("moratorium-age-27-included", "true"))) {
          LocalDate on = LocalDate.parse(date);
          var valid = CaseInput.validate(pack, facts, on, "");
          if (!valid.isValid()) {
            continue;
          }
          Assessment a =
              policies.compiled(pack, assumptions).assess(valid.facts().orElseThrow(), on);
          Map<String, Object> tree = AssessmentJson.tree(a, pack, null);
          String full = Json.compact(tree);
          String compact = CompactFindings.compact(tree, pack);
          assertThat(CompactFindings.isCompact(compact)).isTrue();
          assertThat(CompactFindings.expand(compact, pack))
              .as("%s on %s with %s", example.getFileName(), date, assumptions)
              .isEqualTo(full);
          assertThat(compact.length()).isLessThan(full.length() / 2);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void findings_that_are_not_compact_are_given_back_as_they_are() {
    String full = "{\"format\":\"asylex-assessment/1\",\"findings\":[]}";
    assertThat(CompactFindings.isCompact(full)).isFalse();
    assertThat(CompactFindings.expand(full, pack)).isEqualTo(full);
  }
}
