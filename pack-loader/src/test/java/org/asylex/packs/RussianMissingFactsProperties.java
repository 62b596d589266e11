package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.Finding;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.time.PartialDate;

/**
 * Missing facts on the real pack: removing a fact gives either "undetermined, with that fact
 * listed" or the outcome every value of the fact would give; and the listed facts are exactly those
 * a brute-force search over all completions finds able to change the outcome.
 */
class RussianMissingFactsProperties {
  private static final PolicyPack RU =
      PackLoader.load(Path.of("../policies/ru")).pack().orElseThrow();
  private static final CompiledPolicy POLICY =
      CompiledPolicy.compile(RU, AssumptionValues.defaults(RU));
  private static final FactSchema SCHEMA = RU.facts();
  private static final List<LocalDate> DATES =
      List.of(
              "2022-06-28",
              "2022-06-29",
              "2023-01-15",
              "2023-06-07",
              "2023-06-08",
              "2023-06-28",
              "2023-06-29",
              "2024-02-29")
          .stream()
          .map(LocalDate::parse)
          .toList();

  /** The values a fact can take, as far as the pack can tell them apart on {@code asOf}. */
  private static List<Object> domain(FactDefinition f, LocalDate asOf) {
    return switch (f.type()) {
      case BOOLEAN -> List.of(true, false);
      case ENUM -> List.copyOf(f.values());
      case REGION -> List.of("RU-CE", "RU-IN", "RU-DA", "RU-MOW");
      case COUNTRY -> List.of("RU");
      case DATE -> List.of(asOf);
      case PARTIAL_DATE -> {
        var births = new ArrayList<Object>();
        for (int years : new int[] {17, 18, 26, 27, 28}) {
          births.add(PartialDate.of(asOf.minusYears(years)));
          births.add(PartialDate.of(asOf.minusYears(years).plusDays(1)));
        }
        yield births;
      }
    };
  }

  private static CaseFacts randomCase(Random random, LocalDate asOf, double present) {
    var b = CaseFacts.builder(SCHEMA);
    b.set("countryOfOrigin", "RU");
    for (FactDefinition f : SCHEMA.facts()) {
      if (!f.name().equals("countryOfOrigin") && random.nextDouble() < present) {
        List<Object> d = domain(f, asOf);
        b.set(f.name(), d.get(random.nextInt(d.size())));
      }
    }
    return b.build();
  }

  @Property(tries = 300)
  void removingAFactGivesUndeterminedWithItListedOrTheOutcomeOfEveryValue(@ForAll long seed) {
    var random = new Random(seed);
    LocalDate asOf = DATES.get(random.nextInt(DATES.size()));
    CaseFacts full = randomCase(random, asOf, 0.8);
    for (FactDefinition f : SCHEMA.facts()) {
      if (f.name().equals("countryOfOrigin") || full.get(f.name()).isEmpty()) {
        continue;
      }
      CaseFacts without = full.with(f.name(), null);
      Assessment a = POLICY.assess(without, asOf);
      for (Finding finding : a.findings()) {
        if (finding.outcome() == Outcome.UNDETERMINED
            && finding.missingFacts().contains(f.name())) {
          continue;
        }
        for (Object v : domain(f, asOf)) {
          Outcome withValue =
              POLICY
                  .assess(without.with(f.name(), v), asOf)
                  .finding(finding.element())
                  .orElseThrow()
                  .outcome();
          assertThat(withValue)
              .as(
                  "%s on %s with %s=%s (absent: %s, missing %s)",
                  finding.element(), asOf, f.name(), v, finding.outcome(), finding.missingFacts())
              .isEqualTo(finding.outcome());
        }
      }
    }
  }

  @Property(tries = 100)
  void missingFactsAreExactlyTheFactsThatCanChangeTheOutcome(@ForAll long seed) {
    var random = new Random(seed);
    LocalDate asOf = DATES.get(random.nextInt(DATES.size()));
    CaseFacts partial = randomCase(random, asOf, 0.75);
    List<FactDefinition> absent =
        SCHEMA.facts().stream().filter(f -> partial.get(f.name()).isEmpty()).toList();
    if (absent.size() > 6) {
      return; // the brute force below grows with every absent fact
    }
    Assessment a = POLICY.assess(partial, asOf);
    for (String element : POLICY.elements()) {
      var expected = new ArrayList<String>();
      for (FactDefinition f : absent) {
        if (canChange(partial, absent, f, element, asOf)) {
          expected.add(f.name());
        }
      }
      assertThat(a.finding(element).orElseThrow().missingFacts())
          .as("%s on %s for %s", element, asOf, partial)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** Whether some completion of the other absent facts lets two values of f differ. */
  private static boolean canChange(
      CaseFacts c, List<FactDefinition> absent, FactDefinition f, String element, LocalDate asOf) {
    List<FactDefinition> others = absent.stream().filter(x -> x != f).toList();
    return completions(c, others, 0, asOf).stream()
        .anyMatch(
            completion ->
                domain(f, asOf).stream()
                        .map(
                            v ->
                                POLICY
                                    .outcomes(completion.with(f.name(), v), asOf)
                                    .outcome(POLICY.elements().indexOf(element)))
                        .distinct()
                        .count()
                    > 1);
  }

  private static List<CaseFacts> completions(
      CaseFacts c, List<FactDefinition> facts, int i, LocalDate asOf) {
    if (i == facts.size()) {
      return List.of(c);
    }
    var all = new ArrayList<CaseFacts>();
    for (Object v : domain(facts.get(i), asOf)) {
      all.addAll(completions(c.with(facts.get(i).name(), v), facts, i + 1, asOf));
    }
    return all;
  }
}
