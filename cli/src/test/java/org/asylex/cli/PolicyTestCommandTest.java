package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestCommandTest {

  @Test
  void everyScenarioOfTheRussianPackPasses() {
    CliRun run = CliRun.of("policy", "test", "--policies", CliRun.POLICIES, "RU");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("(?m)^\\d{2,} passed, 0 failed$");
  }

  @Test
  void aWrongExpectationFailsWithTheElementExpectedActualAndTrace(@TempDir Path tmp)
      throws IOException {
    Path pack = PolicyValidateCommandTest.copyOfRussianPack(tmp);
    Path scenarios = pack.resolve("scenarios");
    Files.createDirectories(scenarios);
    Files.writeString(
        scenarios.resolve("wrong.yaml"),
        String.join(
            "\n",
            "scenarios:",
            "  - name: a lawyer after the change is wrongly expected to be no risk group",
            "    as-of: 2023-07-01",
            "    facts:",
            "      countryOfOrigin: RU",
            "      lawyerInPoliticallySensitiveCases: true",
            "    expect:",
            "      risk-group: does_not_apply",
            ""),
        StandardCharsets.UTF_8);
    for (Path other : Files.list(scenarios).toList()) {
      if (!other.getFileName().toString().equals("wrong.yaml")) {
        Files.delete(other);
      }
    }

    CliRun run = CliRun.of("policy", "test", pack.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAIL")
        .contains("risk-group: expected does_not_apply but was applies")
        .contains("rule risk-group-lawyers v1 = true")
        .contains("[true] lawyerInPoliticallySensitiveCases")
        .contains("0 passed, 1 failed");
  }
}
