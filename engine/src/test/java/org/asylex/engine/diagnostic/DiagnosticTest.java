package org.asylex.engine.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Diagnostics name a place, a kind and a message, and read top to bottom. */
class DiagnosticTest {

  @Test
  void aPositionReadsAsFileLineAndColumnLeavingOutWhatIsUnknown() {
    assertThat(new SourcePosition("rules.yaml", 3, 7)).hasToString("rules.yaml:3:7");
    assertThat(new SourcePosition("rules.yaml", 3, 0)).hasToString("rules.yaml:3");
    assertThat(new SourcePosition("rules.yaml", 0, 0)).hasToString("rules.yaml");
    assertThat(SourcePosition.ofFile("pack.yaml")).isEqualTo(new SourcePosition("pack.yaml", 0, 0));
  }

  @Test
  void aPositionNeedsAFileAndNoNegativeNumbers() {
    assertThatThrownBy(() -> new SourcePosition("", 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a position needs a file");
    assertThatThrownBy(() -> new SourcePosition(null, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SourcePosition("f", -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line and column are 1-based, or 0 for unknown");
    assertThatThrownBy(() -> new SourcePosition("f", 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDiagnosticIsFormattedWithItsRelatedPlaces() {
    Diagnostic d =
        Diagnostic.error("conflicting-rules", new SourcePosition("rules.yaml", 9, 3), "two rules")
            .withRelated(new SourcePosition("rules.yaml", 2, 3), "the other rule")
            .withRelated(SourcePosition.ofFile("pack.yaml"), "the pack");

    assertThat(d.format())
        .isEqualTo(
            "rules.yaml:9:3: error[conflicting-rules]: two rules\n"
                + "  rules.yaml:2:3: the other rule\n"
                + "  pack.yaml: the pack");
    assertThat(Diagnostic.warning("w", SourcePosition.ofFile("f"), "m").format())
        .isEqualTo("f: warning[w]: m");
  }

  @Test
  void onlyErrorsAreErrors() {
    assertThat(Diagnostic.error("e", SourcePosition.ofFile("f"), "m").isError()).isTrue();
    assertThat(Diagnostic.warning("w", SourcePosition.ofFile("f"), "m").isError()).isFalse();
    assertThat(Severity.ERROR.label()).isEqualTo("error");
    assertThat(Severity.WARNING.label()).isEqualTo("warning");
  }

  @Test
  void diagnosticsAreSortedByFileThenLineThenColumn() {
    var out = new Diagnostics();
    out.warning("c", new SourcePosition("b.yaml", 1, 1), "b1");
    out.error("a", new SourcePosition("a.yaml", 9, 2), "a9-2");
    out.add(Diagnostic.error("a", new SourcePosition("a.yaml", 9, 1), "a9-1"));
    out.addAll(List.of(Diagnostic.warning("a", new SourcePosition("a.yaml", 2, 5), "a2")));

    assertThat(out.sorted())
        .extracting(Diagnostic::message)
        .containsExactly("a2", "a9-1", "a9-2", "b1");
    assertThat(out.errors()).extracting(Diagnostic::message).containsExactly("a9-1", "a9-2");
    assertThat(out.hasErrors()).isTrue();
  }

  @Test
  void warningsAloneAreNoErrors() {
    var out = new Diagnostics();
    assertThat(out.hasErrors()).isFalse();
    out.warning("w", SourcePosition.ofFile("f"), "m");

    assertThat(out.hasErrors()).isFalse();
    assertThat(out.errors()).isEmpty();
    assertThat(out.sorted()).hasSize(1);
  }
}
