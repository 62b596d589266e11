package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reason wordings and choice assumptions as the loader reads them (ADR 0014). */
class ReasonWordingsTest {
  private static final String CHOICE =
      """
      assumptions:
        - id: reading
          kind: interpretation
          type: choice
          values: [narrow, wide]
          default: narrow
          statement: {nl: Smal, en: Narrow}
      """;

  private static String rule(String reason) {
    return """
        rules:
          - id: the-rule
            element: risk-group
            when: refugee or (@reading = 'wide')
            outcome: applies
            reason:
        %s
            sources: [{document: doc, quote: "De tweede zin staat hier."}]
        """
        .formatted(reason.indent(6).stripTrailing());
  }

  @Test
  void theFirstWordingWhoseConditionHoldsIsUsedElseThePlainOne(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with("assumptions.yaml", CHOICE)
            .with(
                "rules.yaml",
                rule(
                    """
                    - if: "@reading = 'wide'"
                      nl: Ruim
                      en: Wide
                    - nl: Smal
                      en: Narrow"""))
            .writeTo(tmp);
    LoadResult result = PackLoader.load(dir);
    assertThat(result.errors()).isEmpty();
    PolicyPack pack = result.pack().orElseThrow();
    CaseFacts facts =
        CaseFacts.builder(pack.facts()).set("countryOfOrigin", "XX").set("refugee", true).build();
    LocalDate day = LocalDate.of(2023, 7, 1);

    var narrow = CompiledPolicy.compile(pack, AssumptionValues.defaults(pack)).assess(facts, day);
    var wide =
        CompiledPolicy.compile(
                pack, AssumptionValues.withOverrides(pack, Map.of("reading", "wide")))
            .assess(facts, day);

    assertThat(narrow.findings().get(0).reason().en()).isEqualTo("Narrow");
    assertThat(wide.findings().get(0).reason().en()).isEqualTo("Wide");
    assertThat(wide.findings().get(0).assumptions()).extracting(a -> a.id()).contains("reading");
  }

  @Test
  void aWordingBeforeTheLastWithoutIfIsAnError(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with("assumptions.yaml", CHOICE)
            .with(
                "rules.yaml",
                rule(
                    """
                    - nl: Ruim
                      en: Wide
                    - nl: Smal
                      en: Narrow"""))
            .writeTo(tmp);

    assertThat(PackLoader.load(dir).errors())
        .extracting(Diagnostic::code)
        .containsExactly("reason-wording-without-if");
  }

  @Test
  void aLastWordingWithIfIsAnError(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with("assumptions.yaml", CHOICE)
            .with(
                "rules.yaml",
                rule(
                    """
                    - if: "@reading = 'wide'"
                      nl: Ruim
                      en: Wide"""))
            .writeTo(tmp);

    assertThat(PackLoader.load(dir).errors())
        .extracting(Diagnostic::code)
        .containsExactly("reason-without-plain-wording");
  }

  @Test
  void aChoiceWhoseDefaultIsNotFirstOrAComparisonWithAnUndeclaredValueIsAnError(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with("assumptions.yaml", CHOICE.replace("default: narrow", "default: wide"))
            .with("rules.yaml", rule("{nl: Ja, en: Yes}").replace("'wide'", "'wider'"))
            .writeTo(tmp);

    assertThat(PackLoader.load(dir).errors())
        .extracting(Diagnostic::code)
        .containsExactlyInAnyOrder("choice-default-not-first", "unknown-value");
  }
}
