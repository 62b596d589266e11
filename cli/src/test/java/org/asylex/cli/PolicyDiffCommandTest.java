package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyDiff;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.packs.PackLoader;
import org.junit.jupiter.api.Test;

class PolicyDiffCommandTest {

  private static CliRun diff(String... more) {
    var args = new java.util.ArrayList<>(java.util.List.of("policy", "diff", "--policies"));
    args.add(CliRun.POLICIES);
    args.addAll(java.util.List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** The part of the output under a heading, up to the next blank line. */
  private static String part(String out, String heading) {
    int start = out.indexOf(heading);
    assertThat(start).as("output has " + heading).isNotNegative();
    int end = out.indexOf("\n\n", start);
    return out.substring(start, end < 0 ? out.length() : end);
  }

  @Test
  void acrossTheLapseAndTheLetterEveryDifferenceIsNamed() {
    CliRun run = diff("RU", "--from", "2023-06-01", "--to", "2023-07-01");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith(
            "RU — Country-specific asylum policy for the Russian Federation (June 2023)\n"
                + "What differs between 2023-06-01 and 2023-07-01\n"
                + "Date from an assumption: @in-force-date = 2023-06-08 (assumption; default"
                + " value)\n");

    String lapsed = part(run.out(), "IN FORCE ON 2023-06-01, NOT ON 2023-07-01");
    assertThat(lapsed)
        .contains(
            "  - decision-moratorium: rule decision-moratorium-conscripts, version 1 of 1, valid"
                + " [2022-06-29,\n    2023-06-29): lapses on 2023-06-29\n")
        .contains("  - departure-moratorium: rule departure-moratorium-conscripts")
        .contains("vervalt van rechtswege per 29 juni 2023")
        .doesNotContain("ASSUMPTION");

    String added = part(run.out(), "IN FORCE ON 2023-07-01, NOT ON 2023-06-01");
    assertThat(added)
        .contains("  + risk-group (lawyers): rule risk-group-lawyers")
        .contains("  + risk-group (ngo-workers): rule risk-group-ngo-workers")
        .contains("  + internal-protection-alternative (women-north-caucasus)")
        .contains("  + internal-protection-alternative (lgbti)")
        .contains("  + internal-protection-alternative (settle-elsewhere)")
        .contains("comes into force on 2023-06-08 (ASSUMPTION @in-force-date = 2023-06-08)")
        .contains("when lawyerInPoliticallySensitiveCases")
        .contains("“– Advocaten die politiek gevoelige zaken voeren; en”");

    String changed = part(run.out(), "VERSION CHANGED");
    assertThat(changed)
        .contains(
            "  ~ risk-group (critics): rule risk-group-critics: version 2 of 3 → version 3 of 3 on"
                + " 2023-06-08")
        .contains("(ASSUMPTION @in-force-date = 2023-06-08)")
        .contains(
            "on 2023-06-01: version 2, valid [2021-06-23, 2023-06-08)  (to = @in-force-date:"
                + " assumption)")
        .contains("on 2023-07-01: version 3, valid [2023-06-08, …)  (from = @in-force-date:")
        .contains("when criticWithSignificantCriticism")
        .contains(
            "  ~ conscription-assessment: rule conscription-individual-assessment: version 2 of 3"
                + " → version 3 of\n    3 on 2023-06-29")
        .contains("die daarbij significant kritiek leveren op de autoriteiten»”")
        .contains("De herschreven risicogroep komt daarmee als volgt te luiden");

    assertThat(part(run.out(), "Unchanged: ")).contains("mobilisation-individual-assessment");

    assertThat(part(run.out(), "BOUNDARIES THAT REST ON AN ASSUMPTION"))
        .contains(
            "  ! 2023-06-08: ASSUMPTION @in-force-date = 2023-06-08 (assumption; default value)")
        .contains("the letter itself gives no in-force date")
        .contains("risk-group-lawyers");

    assertThat(part(run.out(), "MILESTONES BETWEEN THE DATES"))
        .contains("* 2023-06-08: The letter announces that the moratorium will not be extended.")
        .contains("* 2023-06-29: The moratorium lapses by law.");
  }

  @Test
  void anOverriddenInForceDateAfterBothDatesLeavesOnlyTheLapse() {
    CliRun run =
        diff(
            "RU",
            "--from",
            "2023-06-01",
            "--to",
            "2023-07-01",
            "--assume",
            "in-force-date=2023-07-15");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "Date from an assumption: @in-force-date = 2023-07-15 (assumption; overridden, default"
                + " 2023-06-08)")
        .contains("lapses on 2023-06-29")
        .doesNotContain("IN FORCE ON 2023-07-01, NOT ON")
        .doesNotContain("BOUNDARIES THAT REST ON AN ASSUMPTION");
    // only the conscription motive's version changes, where the moratorium lapses
    assertThat(part(run.out(), "VERSION CHANGED"))
        .contains("conscription-individual-assessment")
        .doesNotContain("risk-group-critics");
    assertThat(part(run.out(), "Unchanged: ")).contains("risk-group-critics (version 2)");
  }

  @Test
  void twoDatesWithTheSamePolicyShowNoDifference() {
    CliRun run = diff("RU", "--from", "2023-01-01", "--to", "2023-02-01");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("The same rules are in force on both dates, in the same versions.")
        .doesNotContain("MILESTONES");
  }

  @Test
  void theMonthOnlyExtensionIsAMilestoneWithItsDayUnknown() {
    CliRun run = diff("RU", "--from", "2022-11-15", "--to", "2023-01-15");

    assertThat(part(run.out(), "MILESTONES BETWEEN THE DATES"))
        .contains("* 2022-12 (day unknown): Moratorium extended");
  }

  @Test
  void theDiffSpeaksDutch() {
    CliRun run = diff("RU", "--from", "2023-06-01", "--to", "2023-07-01", "--lang", "nl");

    assertThat(run.out())
        .contains("Wat verschilt tussen 2023-06-01 en 2023-07-01")
        .contains("VAN KRACHT OP 2023-06-01, NIET OP 2023-07-01")
        .contains("vervalt op 2023-06-29")
        .contains("treedt in werking op 2023-06-08 (AANNAME @in-force-date = 2023-06-08)")
        .contains("GRENZEN DIE OP EEN AANNAME BERUSTEN");
  }

  @Test
  void impossibleOrMissingDatesAreRefused() {
    CliRun impossible = diff("RU", "--from", "2023-02-30", "--to", "2023-07-01");
    CliRun missing = diff("RU", "--from", "2023-06-01");

    assertThat(impossible.exitCode()).isEqualTo(2);
    assertThat(impossible.err()).isEqualTo("asylex: --from 2023-02-30 is not a date that exists\n");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--to");
  }

  @Test
  void theComputationIsSymmetricInWhatItFinds() {
    PolicyPack ru = PackLoader.load(Path.of(CliRun.POLICIES, "ru")).pack().orElseThrow();
    AssumptionValues values = AssumptionValues.withOverrides(ru, Map.of());
    LocalDate june = LocalDate.of(2023, 6, 1);
    LocalDate july = LocalDate.of(2023, 7, 1);

    PolicyDiff.Result forward = PolicyDiff.of(ru, values, june, july);
    PolicyDiff.Result back = PolicyDiff.of(ru, values, july, june);

    assertThat(forward.onlyFrom().size()).isEqualTo(back.onlyTo().size()).isEqualTo(2);
    assertThat(forward.onlyTo().size()).isEqualTo(back.onlyFrom().size()).isEqualTo(5);
    assertThat(forward.versionChanged()).hasSize(2);
    assertThat(back.versionChanged()).hasSize(2);
    assertThat(forward.boundaries()).isEqualTo(back.boundaries());
    assertThat(forward.assumed()).containsOnlyKeys("in-force-date");
    assertThat(forward.milestones()).hasSize(2);
    assertThat(forward.milestones().get(0).elements())
        .containsExactly("decision-moratorium", "departure-moratorium");
  }
}
