package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyShowCommandTest {

  @Test
  void showListsEveryElementRuleValidityAndAssumption() {
    CliRun run = CliRun.of("policy", "show", "--policies", CliRun.POLICIES, "RU", "--lang", "en");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("SOURCES")
        .contains("kst-19637-3118")
        .contains("decision-moratorium", "departure-moratorium", "conscription-assessment")
        .contains("mobilisation-assessment", "risk-group", "internal-protection-alternative")
        .contains("rule ipa-exception-settle-elsewhere (settle-elsewhere)  exception to")
        .contains("valid [2022-06-29, 2023-06-29)")
        .contains("valid [2021-06-23, 2023-06-08)  (to = @in-force-date: assumption)")
        .contains("this version also rests on critics-wording-before-2021")
        .contains(
            "conscript-reading (interpretation, choice of liable | serving) = liable (liable to"
                + " conscription (military status conscript or none))\n")
        .contains("reason if @moratorium-age-27-included")
        .contains("in-force-date (assumption, date) = 2023-06-08")
        .contains("moratorium-age-27-included (interpretation, boolean) = false")
        .contains("— kamerbrief-2023-06-08, line 72");
  }

  @Test
  void elementsAreShownInTheOrderACaseIsTested() {
    String out = CliRun.of("policy", "show", "--policies", CliRun.POLICIES, "RU").out();

    assertThat(out.indexOf("  decision-moratorium —"))
        .isLessThan(out.indexOf("  risk-group —"))
        .isLessThan(out.indexOf("  internal-protection-alternative —"));
    assertThat(out.indexOf("  internal-protection-alternative —"))
        .isLessThan(out.indexOf("  departure-moratorium —"));
  }

  @Test
  void showSpeaksDutchOnRequest() {
    CliRun run = CliRun.of("policy", "show", "--policies", CliRun.POLICIES, "RU", "--lang", "nl");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("BRONNEN")
        .contains("AANNAMES EN INTERPRETATIES")
        .contains("geldig");
  }

  @Test
  void anOverriddenAssumptionIsShownWithItsDefault() {
    CliRun run =
        CliRun.of(
            "policy",
            "show",
            "--policies",
            CliRun.POLICIES,
            "RU",
            "--assume",
            "moratorium-age-27-included=true");

    assertThat(run.out())
        .contains(
            "moratorium-age-27-included (interpretation, boolean) = true  [overridden; default false]");
  }

  @Test
  void anUnknownLanguageIsAUsageError() {
    CliRun run = CliRun.of("policy", "show", "--policies", CliRun.POLICIES, "RU", "--lang", "fr");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--lang takes nl or en, not 'fr'");
  }
}
