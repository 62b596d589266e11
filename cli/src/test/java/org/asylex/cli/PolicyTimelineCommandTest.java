package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTimelineCommandTest {

  private static List<String> dateLines(String out) {
    return out.lines().filter(l -> l.matches("\\d{4}.*")).toList();
  }

  /** The entry of the timeline that starts with {@code date}, up to the next date. */
  private static String entry(String out, String date) {
    int start = out.indexOf("\n" + date) + 1;
    assertThat(start).as("timeline has an entry for " + date).isPositive();
    int next = out.length();
    var m = java.util.regex.Pattern.compile("\n\\d{4}").matcher(out);
    if (m.find(start + 1)) {
      next = m.start();
    }
    return out.substring(start, next);
  }

  @Test
  void theRussianTimelineListsTheFiveDatesOnWhichThePolicyChanges() {
    CliRun run = CliRun.of("policy", "timeline", "--policies", CliRun.POLICIES, "RU");

    assertThat(run.exitCode()).isZero();
    assertThat(dateLines(run.out()))
        .containsExactly(
            "2021-06-23", "2022-06-29", "2022-12 (day unknown)", "2023-06-08", "2023-06-29");
    assertThat(entry(run.out(), "2021-06-23"))
        .contains("~ risk-group (critics): rule risk-group-critics: new version (2 of 3) in force")
        .doesNotContain("ASSUMPTION");
    assertThat(entry(run.out(), "2022-06-29"))
        .contains("+ decision-moratorium: rule decision-moratorium-conscripts comes into force")
        .contains("proclaimed")
        .doesNotContain("ASSUMPTION");
    assertThat(entry(run.out(), "2022-12")).contains("extended").doesNotContain("ASSUMPTION");
    assertThat(entry(run.out(), "2023-06-08"))
        .contains("ASSUMPTION: this date is the value of @in-force-date (default value)")
        .contains("~ risk-group (critics): rule risk-group-critics: new version (3 of 3) in force")
        .contains("+ risk-group (lawyers)")
        .contains("+ internal-protection-alternative (settle-elsewhere)");
    assertThat(entry(run.out(), "2023-06-29"))
        .contains("- decision-moratorium: rule decision-moratorium-conscripts lapses")
        .contains("vervalt van rechtswege per 29 juni 2023")
        .doesNotContain("ASSUMPTION");
  }

  @Test
  void overridingTheInForceDateMovesTheAssumedEntry() {
    CliRun run =
        CliRun.of(
            "policy",
            "timeline",
            "--policies",
            CliRun.POLICIES,
            "RU",
            "--assume",
            "in-force-date=2023-07-01");

    assertThat(run.exitCode()).isZero();
    assertThat(dateLines(run.out()))
        .containsExactly(
            "2021-06-23",
            "2022-06-29",
            "2022-12 (day unknown)",
            "2023-06-08",
            "2023-06-29",
            "2023-07-01");
    assertThat(entry(run.out(), "2023-07-01"))
        .contains("@in-force-date (overridden value)")
        .contains("+ risk-group (lawyers)");
    assertThat(entry(run.out(), "2023-06-08")).doesNotContain("risk-group");
  }

  @Test
  void aDeploymentConfigurationOverridesAnAssumptionAndTheCommandLineWinsOverIt(@TempDir Path tmp)
      throws IOException {
    Path config = tmp.resolve("asylex.properties");
    Files.writeString(config, "assume.RU.in-force-date = 2023-09-01\n");

    CliRun fromConfig =
        CliRun.of(
            "policy",
            "timeline",
            "--policies",
            CliRun.POLICIES,
            "--config",
            config.toString(),
            "RU");
    CliRun bothGiven =
        CliRun.of(
            "policy",
            "timeline",
            "--policies",
            CliRun.POLICIES,
            "--config",
            config.toString(),
            "RU",
            "--assume",
            "in-force-date=2023-10-01");

    assertThat(dateLines(fromConfig.out())).contains("2023-09-01").doesNotContain("2023-10-01");
    assertThat(dateLines(bothGiven.out())).contains("2023-10-01").doesNotContain("2023-09-01");
  }

  @Test
  void aMisspeltAssumptionIsRefusedWithASuggestion() {
    CliRun run =
        CliRun.of(
            "policy",
            "timeline",
            "--policies",
            CliRun.POLICIES,
            "RU",
            "--assume",
            "in-forse-date=2023-07-01");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown assumption 'in-forse-date'")
        .contains("did you mean 'in-force-date'?");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anImpossibleDateForADateAssumptionIsRefused() {
    CliRun run =
        CliRun.of(
            "policy",
            "timeline",
            "--policies",
            CliRun.POLICIES,
            "RU",
            "--assume",
            "in-force-date=2023-02-30");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'in-force-date' takes a date that exists");
  }
}
