package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML nested deeper than any pack needs is one positioned error, not a StackOverflowError (issue
 * 13, defect 6).
 */
class YamlNestingTest {

  @Test
  void aFileNestedThousandsOfFlowLevelsDeepIsOnePositionedErrorNotAStackOverflow(
      @TempDir Path tmp) {
    String deep = "facts: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    Path dir = TinyPack.valid().with("facts.yaml", deep).writeTo(tmp);

    LoadResult result = PackLoader.load(dir);

    assertThat(result.pack()).isEmpty();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("too-deep");
              // the root mapping is level 1 and the first '[' level 2, so the 64th '[' is 65
              assertThat(d.position())
                  .isEqualTo(new SourcePosition(dir.resolve("facts.yaml").toString(), 1, 8 + 63));
              assertThat(d.message()).contains("nested more than 64 levels");
            });
  }

  @Test
  void aFileNestedThousandsOfBlockLevelsDeepIsOnePositionedErrorNotAStackOverflow(
      @TempDir Path tmp) {
    String deep = "rules:\n  " + "- ".repeat(10_000) + "x\n";
    Path dir = TinyPack.valid().with("rules.yaml", deep).writeTo(tmp);

    LoadResult result = PackLoader.load(dir);

    assertThat(result.pack()).isEmpty();
    assertThat(result.errors()).extracting(Diagnostic::code).containsExactly("too-deep");
    assertThat(result.errors().get(0).position().line()).isEqualTo(2);
  }

  @Test
  void nestingUpToTheLimitIsRead() {
    String nested = "[".repeat(YamlFile.MAX_DEPTH) + "]".repeat(YamlFile.MAX_DEPTH);
    var out = new Diagnostics();

    YamlFile file = YamlFile.parse("x.yaml", nested, out);

    assertThat(out.sorted()).isEmpty();
    assertThat(file.root()).isPresent();
    YamlFile.parse("y.yaml", "[" + nested + "]", out);
    assertThat(out.sorted()).extracting(Diagnostic::code).containsExactly("too-deep");
  }

  @Test
  void aScenarioFileNestedTooDeepIsAnErrorNotAStackOverflow(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("deep.yaml");
    Files.writeString(file, "scenarios: " + "{a: ".repeat(10_000) + "}".repeat(10_000) + "\n");
    var out = new Diagnostics();

    Scenario.File read = ScenarioFiles.read(file, out);

    assertThat(read.scenarios()).isEmpty();
    assertThat(out.sorted()).extracting(Diagnostic::code).containsExactly("too-deep");
  }
}
