package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.policy.PolicyPack;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario of every pack: the packs under policies/ and the test packs. A failing
 * scenario reports the element, the expected and actual finding, and the trace.
 */
class ScenariosTest {

  static List<Path> packs() {
    var packs = new ArrayList<Path>(new PackDirectory(Path.of("../policies")).packs());
    packs.addAll(new PackDirectory(Path.of("src/test/resources/packs")).packs());
    return packs;
  }

  @TestFactory
  Stream<DynamicNode> everyScenarioOfEveryPackGivesItsExpectedFindings() {
    assertThat(packs()).as("packs with scenarios").isNotEmpty();
    return packs().stream().map(ScenariosTest::pack);
  }

  private static DynamicNode pack(Path dir) {
    LoadResult loaded = PackLoader.load(dir);
    assertThat(loaded.errors()).as("pack " + dir + " loads").isEmpty();
    PolicyPack pack = loaded.pack().orElseThrow();
    var runner = new ScenarioRunner(pack);
    var files = new ArrayList<DynamicNode>();
    for (Path file : ScenarioFiles.of(dir)) {
      var diagnostics = new Diagnostics();
      Scenario.File scenarios = ScenarioFiles.read(file, diagnostics);
      var tests = new ArrayList<DynamicNode>();
      tests.add(
          DynamicTest.dynamicTest(
              "the file reads without problems",
              () ->
                  assertThat(diagnostics.sorted().stream().map(Diagnostic::format).toList())
                      .as(file.toString())
                      .isEmpty()));
      for (Scenario s : scenarios.scenarios()) {
        tests.add(
            DynamicTest.dynamicTest(
                s.name(),
                () -> {
                  ScenarioRunner.Result r = runner.run(s);
                  assertThat(r.passed()).as(r.report()).isTrue();
                }));
      }
      files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
    }
    return DynamicContainer.dynamicContainer(pack.id(), files);
  }
}
