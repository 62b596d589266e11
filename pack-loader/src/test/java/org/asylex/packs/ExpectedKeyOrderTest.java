package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists of what a mapping accepts ("expected one of ...") are in declaration order, the order of
 * the reference, never in the order of a hash set, which differs from run to run (issue 13).
 */
class ExpectedKeyOrderTest {

  @Test
  void anUnknownKeyListsTheAcceptedKeysInTheirDeclaredOrder(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with(
                "elements.yaml",
                """
                elements:
                  - id: risk-group
                    slot: risk-groups
                    title: {nl: Risicogroep, en: Risk group}
                    applies-means: {nl: Risicogroep, en: Risk group}
                    otherwise: {outcome: does_not_apply, reason: {nl: Nee, en: No}}
                    not-in-force: {outcome: does_not_apply, reason: {nl: Nee, en: No}}
                    zzzzzzzzzz: 1
                """)
            .writeTo(tmp);

    Diagnostic d = onlyError(dir);

    assertThat(d.message())
        .isEqualTo(
            "element: unknown key 'zzzzzzzzzz' (expected one of id, slot, letter-ref, title,"
                + " applies-means, groups, otherwise, not-in-force, report-findings,"
                + " milestones)");
  }

  @Test
  void aWrongShapeListsTheKeysInTheirDeclaredOrder(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with(
                "rules.yaml",
                """
                rules:
                  - [not, a, rule]
                """)
            .writeTo(tmp);

    LoadResult result = PackLoader.load(dir);

    assertThat(result.errors())
        .filteredOn(d -> d.code().equals("wrong-shape"))
        .singleElement()
        .extracting(Diagnostic::message)
        .isEqualTo(
            "rule: expected a mapping of keys (id, element, group, exception-to, rests-on,"
                + " versions, valid, when, outcome, reason, sources), found a list");
  }

  @Test
  void mixedVersionsListsTheVersionKeysInTheirDeclaredOrder(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with(
                "rules.yaml",
                """
                rules:
                  - id: the-rule
                    element: risk-group
                    when: refugee
                    versions: []
                """)
            .writeTo(tmp);

    assertThat(onlyError(dir).message())
        .isEqualTo(
            "rule: give either 'versions' or one version's keys (valid, when, outcome, reason,"
                + " sources) directly, not both");
  }

  @Test
  void aScenarioWithAnUnknownKeyListsTheKeysInTheirDeclaredOrder(@TempDir Path tmp)
      throws IOException {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(
        file,
        """
        scenarios:
          - name: x
            as-of: 2023-06-08
            facts: {}
            expect: {risk-group: {outcome: applies, qqqqqqqqqq: 1}}
            zzzzzzzzzz: 1
        """,
        StandardCharsets.UTF_8);
    var out = new Diagnostics();

    ScenarioFiles.read(file, out);

    assertThat(out.sorted())
        .extracting(Diagnostic::message)
        .containsExactly(
            "expectation: unknown key 'qqqqqqqqqq' (expected one of outcome, groups, missing,"
                + " rests-on, not-rests-on)",
            "scenario: unknown key 'zzzzzzzzzz' (expected one of name, as-of, assume, facts,"
                + " expect)");
  }

  private static Diagnostic onlyError(Path dir) {
    LoadResult result = PackLoader.load(dir);
    assertThat(result.pack()).isEmpty();
    assertThat(result.errors()).extracting(Diagnostic::format).hasSize(1);
    return result.errors().get(0);
  }
}
