package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.Outcome;

/**
 * Missing facts, checked against brute force over the neutral pack: a fact is missing exactly when
 * some completion of the other open facts makes two of its values give different outcomes.
 */
class MissingFactsProperties {
  private final CompiledPolicy policy = NeutralPack.defaults();
  private static final List<FactDefinition> FACTS = NeutralPack.PACK.facts().facts();

  /** Cases where each fact is absent or has one of its values, about half of them absent. */
  @Provide
  Arbitrary<CaseFacts> cases() {
    var perFact = new ArrayList<Arbitrary<Object>>();
    for (FactDefinition f : FACTS) {
      perFact.add(Arbitraries.of(Domains.values(f)).injectNull(0.5));
    }
    return Combinators.combine(perFact)
        .as(
            values -> {
              var b = CaseFacts.builder(NeutralPack.PACK.facts());
              for (int i = 0; i < FACTS.size(); i++) {
                b.set(FACTS.get(i).name(), values.get(i));
              }
              return b.build();
            });
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.of(Domains.DATES);
  }

  @Property(tries = 200)
  void removingAFactGivesUndeterminedWithItMissingOrTheOutcomeEveryValueGives(
      @ForAll("cases") CaseFacts facts, @ForAll("dates") LocalDate asOf) {
    for (String name : facts.known().keySet()) {
      FactDefinition f = NeutralPack.PACK.facts().fact(name).orElseThrow();
      CaseFacts without = facts.with(name, null);
      Assessment removed = policy.assess(without, asOf);
      var withEachValue = new ArrayList<Outcomes>();
      for (Object v : Domains.values(f)) {
        withEachValue.add(policy.outcomes(without.with(name, v), asOf));
      }
      for (int e = 0; e < removed.findings().size(); e++) {
        Finding finding = removed.findings().get(e);
        boolean missing =
            finding.outcome() == Outcome.UNDETERMINED && finding.missingFacts().contains(name);
        int element = e;
        boolean same =
            withEachValue.stream().allMatch(o -> o.outcome(element) == finding.outcome());
        assertThat(missing || same)
            .as("%s without %s on %s: %s", finding.element(), name, asOf, finding)
            .isTrue();
      }
    }
  }

  @Property(tries = 250)
  void missingFactsAreExactlyTheOpenFactsThatCanChangeTheOutcome(
      @ForAll("cases") CaseFacts facts, @ForAll("dates") LocalDate asOf) {
    Assessment a = policy.assess(facts, asOf);
    for (int e = 0; e < a.findings().size(); e++) {
      Finding finding = a.findings().get(e);
      checkAgainstOracle(facts, asOf, finding, e);
      Statistics.label("outcome").collect(finding.outcome());
      Statistics.label("missing").collect(finding.missingFacts().size() > 1 ? "several" : "0-1");
    }
    // the cases reach every outcome and several missing facts at once
    Statistics.label("outcome")
        .coverage(
            c -> {
              for (Outcome o : Outcome.values()) {
                c.check(o).percentage(p -> p > 1);
              }
            });
    Statistics.label("missing").coverage(c -> c.check("several").percentage(p -> p > 10));
  }

  /** Cases of a pause candidate with a birth date given to the day, month or year, or not. */
  @Provide
  Arbitrary<CaseFacts> pauseCases() {
    return Combinators.combine(
            Arbitraries.of("enlisted", "enlisted", "enlisted", "reserve").injectNull(0.2),
            Arbitraries.of(true, false).injectNull(0.3),
            Arbitraries.of(true, false).injectNull(0.3),
            Arbitraries.of(Domains.BORN).injectNull(0.2))
        .as(
            (status, refuses, deserted, born) ->
                NeutralPack.facts(
                    "status", status, "refuses", refuses, "deserted", deserted, "born", born))
        // edge cases would be mostly the first and last birth date, both far from 18 and 27
        .withoutEdgeCases();
  }

  /** Mostly dates inside the pause window, where the age is asked. */
  @Provide
  Arbitrary<LocalDate> pauseDates() {
    return Arbitraries.of(
        LocalDate.of(2022, 6, 28),
        LocalDate.of(2022, 6, 29),
        LocalDate.of(2023, 1, 10),
        LocalDate.of(2023, 6, 15),
        LocalDate.of(2023, 6, 28));
  }

  @Property(tries = 200)
  void missingFactsAreExactWithPartialDatesToo(
      @ForAll("pauseCases") CaseFacts facts, @ForAll("pauseDates") LocalDate asOf) {
    Finding finding = policy.assess(facts, asOf).findings().get(0);

    checkAgainstOracle(facts, asOf, finding, 0);
    Statistics.label("imprecise date")
        .collect(finding.missingFacts().contains("born") && facts.get("born").isPresent());
    Statistics.label("imprecise date").coverage(c -> c.check(true).percentage(p -> p > 2));
  }

  private void checkAgainstOracle(CaseFacts facts, LocalDate asOf, Finding finding, int index) {
    Oracle oracle = new Oracle(policy, facts, asOf, finding.element(), index);

    assertThat(finding.missingFacts())
        .as("%s on %s for %s", finding.element(), asOf, facts)
        .containsExactlyInAnyOrderElementsOf(oracle.missing());
    Set<Outcome> reachable = oracle.outcomes();
    if (reachable.size() == 1) {
      assertThat(finding.outcome()).isEqualTo(reachable.iterator().next());
    } else {
      assertThat(finding.outcome()).isEqualTo(Outcome.UNDETERMINED);
    }
  }

  @Property(tries = 100)
  void theFastPathAgreesWithTheFullAssessment(
      @ForAll("cases") CaseFacts facts, @ForAll("dates") LocalDate asOf) {
    Assessment a = policy.assess(facts, asOf);
    Outcomes o = policy.outcomes(facts, asOf);
    for (int e = 0; e < o.size(); e++) {
      Finding f = a.findings().get(e);
      assertThat(o.outcome(e)).isEqualTo(f.outcome());
      var names = new ArrayList<String>();
      for (int i = 0; i < FACTS.size(); i++) {
        if ((o.missingMask(e) & (1L << i)) != 0) {
          names.add(FACTS.get(i).name());
        }
      }
      assertThat(names).isEqualTo(f.missingFacts());
    }
  }

  /**
   * Brute force over one element: every completion of the open facts it reads, each over the values
   * that stand for all of its values.
   */
  private static final class Oracle {
    private final List<String> open = new ArrayList<>();
    private final List<List<Object>> domains = new ArrayList<>();
    private final Outcome[] byCompletion;

    Oracle(CompiledPolicy policy, CaseFacts facts, LocalDate asOf, String element, int index) {
      for (String name : NeutralPack.READS.get(element)) {
        Object value = facts.get(name).orElse(null);
        if (Domains.open(value)) {
          open.add(name);
          domains.add(
              Domains.completions(NeutralPack.PACK.facts().fact(name).orElseThrow(), value, asOf));
        }
      }
      int total = 1;
      for (List<Object> d : domains) {
        total *= d.size();
      }
      byCompletion = new Outcome[total];
      for (int n = 0; n < total; n++) {
        CaseFacts complete = facts;
        int rest = n;
        for (int i = 0; i < open.size(); i++) {
          List<Object> d = domains.get(i);
          complete = complete.with(open.get(i), d.get(rest % d.size()));
          rest /= d.size();
        }
        byCompletion[n] = policy.outcomes(complete, asOf).outcome(index);
      }
    }

    Set<Outcome> outcomes() {
      return new HashSet<>(List.of(byCompletion));
    }

    /** The open facts two of whose values, all else equal, give different outcomes. */
    Set<String> missing() {
      var missing = new LinkedHashSet<String>();
      int stride = 1;
      for (int i = 0; i < open.size(); i++) {
        int size = domains.get(i).size();
        for (int n = 0; n < byCompletion.length; n++) {
          int digit = (n / stride) % size;
          if (digit == 0) {
            for (int other = 1; other < size; other++) {
              if (byCompletion[n + other * stride] != byCompletion[n]) {
                missing.add(open.get(i));
              }
            }
          }
        }
        stride *= size;
      }
      return missing;
    }
  }
}
