package org.asylex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.Finding;
import org.asylex.engine.assessment.Outcomes;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.time.PartialDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: on generated cases the engine and the hand-written
 * implementation of domain.md's element definitions give the same outcome and the same missing
 * facts for every element, and (on a sample) the engine's full findings name the same groups.
 */
class EngineEquivalenceTest {
  private static final int CASES = 200_000;
  private static final int FINDINGS_SAMPLE = 20_000;
  private static final int SHOWN = 10;

  private static PolicyPack pack;
  private static CompiledPolicy engine;
  private static HandWrittenRussianPolicy handWritten;
  private static int[] engineIndex;

  @BeforeAll
  static void load() {
    pack = RussianPack.load();
    engine = RussianPack.compileDefaults(pack);
    handWritten = new HandWrittenRussianPolicy(pack.facts(), LocalDate.of(2023, 6, 8));
    engineIndex = new int[HandWrittenRussianPolicy.ELEMENTS.size()];
    for (int e = 0; e < engineIndex.length; e++) {
      engineIndex[e] = engine.elements().indexOf(HandWrittenRussianPolicy.ELEMENTS.get(e));
    }
  }

  @Test
  void bothKnowTheSameElementsAndOutcomeCodes() {
    assertThat(engine.elements())
        .containsExactlyInAnyOrderElementsOf(HandWrittenRussianPolicy.ELEMENTS);
    assertThat(Outcome.APPLIES.ordinal()).isEqualTo(HandWrittenRussianPolicy.APPLIES);
    assertThat(Outcome.DOES_NOT_APPLY.ordinal()).isEqualTo(HandWrittenRussianPolicy.DOES_NOT_APPLY);
    assertThat(Outcome.INDIVIDUAL_ASSESSMENT.ordinal())
        .isEqualTo(HandWrittenRussianPolicy.INDIVIDUAL_ASSESSMENT);
    assertThat(Outcome.UNDETERMINED.ordinal()).isEqualTo(HandWrittenRussianPolicy.UNDETERMINED);
  }

  @Test
  void outcomesAndMissingFactsAreIdenticalOnEveryGeneratedCase() {
    CaseBatch batch =
        new CaseBatch(
            new CaseGenerator(pack.facts()).generate(PolicyBenchmark.SEED, CASES), handWritten);
    int elements = HandWrittenRussianPolicy.ELEMENTS.size();
    long[] missing = new long[elements];
    long[] missingFromValues = new long[elements];
    int[][] seen = new int[elements][Outcome.values().length];
    int partialBirthMissing = 0;
    int mismatches = 0;
    var shown = new ArrayList<String>();
    // a caseload's way (a reused buffer: atom tables) and a single case's (the program walk)
    Outcomes buffer = engine.newOutcomes();
    for (int i = 0; i < batch.size; i++) {
      Outcomes o = engine.outcomes(batch.facts[i], batch.dates[i]);
      Outcomes b = engine.outcomes(batch.facts[i], batch.dates[i], buffer);
      int packed =
          handWritten.evaluate(
              batch.words[i],
              batch.birthEarliest[i],
              batch.birthLatest[i],
              batch.packedDates[i],
              missing);
      int fromValues = handWritten.evaluate(batch.values[i], batch.dates[i], missingFromValues);
      boolean same = fromValues == packed;
      for (int e = 0; e < elements; e++) {
        int outcome = (packed >>> (2 * e)) & 3;
        same &=
            o.outcome(engineIndex[e]).ordinal() == outcome
                && o.missingMask(engineIndex[e]) == missing[e]
                && b.outcome(engineIndex[e]).ordinal() == outcome
                && b.missingMask(engineIndex[e]) == missing[e]
                && missingFromValues[e] == missing[e];
        seen[e][outcome]++;
        if (outcome == HandWrittenRussianPolicy.UNDETERMINED
            && (missing[e] & bit("dateOfBirth")) != 0
            && batch.facts[i].get("dateOfBirth").isPresent()) {
          partialBirthMissing++;
        }
      }
      if (!same) {
        mismatches++;
        if (shown.size() < SHOWN) {
          shown.add(describe(batch, i, o, packed, missing));
        }
      }
    }
    assertThat(mismatches)
        .as(
            "cases (of %d) where the engine and the hand-written implementation differ; the first:%n%s",
            batch.size, String.join("\n", shown))
        .isZero();

    // the cases reach every outcome each element can give, so the agreement means something
    for (int e = 0; e < elements; e++) {
      String id = HandWrittenRussianPolicy.ELEMENTS.get(e);
      assertThat(seen[e][HandWrittenRussianPolicy.DOES_NOT_APPLY]).as(id).isGreaterThan(1000);
      assertThat(seen[e][HandWrittenRussianPolicy.UNDETERMINED]).as(id).isGreaterThan(1000);
      int decided =
          e == HandWrittenRussianPolicy.CONSCRIPTION || e == HandWrittenRussianPolicy.MOBILISATION
              ? HandWrittenRussianPolicy.INDIVIDUAL_ASSESSMENT
              : HandWrittenRussianPolicy.APPLIES;
      assertThat(seen[e][decided]).as(id).isGreaterThan(1000);
    }
    assertThat(partialBirthMissing)
        .as("undetermined for want of a precise birth date")
        .isPositive();
  }

  @Test
  void fullFindingsAgreeOnASample() {
    CaseBatch batch =
        new CaseBatch(
            new CaseGenerator(pack.facts()).generate(PolicyBenchmark.SEED + 1, FINDINGS_SAMPLE),
            handWritten);
    long[] missing = new long[HandWrittenRussianPolicy.ELEMENTS.size()];
    int mismatches = 0;
    var shown = new ArrayList<String>();
    for (int i = 0; i < batch.size; i++) {
      Assessment a = engine.assess(batch.facts[i], batch.dates[i]);
      int packed =
          handWritten.evaluate(
              batch.words[i],
              batch.birthEarliest[i],
              batch.birthLatest[i],
              batch.packedDates[i],
              missing);
      var problems = new ArrayList<String>();
      for (int e = 0; e < missing.length; e++) {
        String id = HandWrittenRussianPolicy.ELEMENTS.get(e);
        Finding f = a.finding(id).orElseThrow();
        Outcome expected = Outcome.values()[(packed >>> (2 * e)) & 3];
        if (f.outcome() != expected || !f.missingFacts().equals(names(missing[e]))) {
          problems.add(
              id
                  + ": engine "
                  + f.outcome().id()
                  + " missing "
                  + f.missingFacts()
                  + ", hand-written "
                  + expected.id()
                  + " missing "
                  + names(missing[e]));
        }
      }
      List<String> risk =
          groups(
              handWritten.riskGroups(batch.words[i], batch.packedDates[i]),
              "critics",
              "lawyers",
              "ngo-workers");
      List<String> ipa =
          groups(
              handWritten.internalProtectionGroups(batch.words[i], batch.packedDates[i]),
              "women-north-caucasus",
              "lgbti",
              "settle-elsewhere");
      checkGroups(a, "risk-group", risk, problems);
      checkGroups(a, "internal-protection-alternative", ipa, problems);
      if (!problems.isEmpty()) {
        mismatches++;
        if (shown.size() < SHOWN) {
          shown.add(batch.dates[i] + " " + batch.facts[i] + ": " + problems);
        }
      }
    }
    assertThat(mismatches)
        .as(
            "findings (of %d cases) that differ; the first:%n%s",
            batch.size, String.join("\n", shown))
        .isZero();
  }

  private static void checkGroups(
      Assessment a, String element, List<String> expected, List<String> problems) {
    List<String> actual = a.finding(element).orElseThrow().groups();
    if (!actual.equals(expected)) {
      problems.add(element + " groups: engine " + actual + ", hand-written " + expected);
    }
  }

  private static List<String> groups(int bits, String... names) {
    var out = new ArrayList<String>();
    for (int g = 0; g < names.length; g++) {
      if ((bits & (1 << g)) != 0) {
        out.add(names[g]);
      }
    }
    return out;
  }

  private static long bit(String fact) {
    var facts = pack.facts().facts();
    for (int i = 0; i < facts.size(); i++) {
      if (facts.get(i).name().equals(fact)) {
        return 1L << i;
      }
    }
    throw new IllegalArgumentException(fact);
  }

  private static List<String> names(long mask) {
    var out = new ArrayList<String>();
    var facts = pack.facts().facts();
    for (int i = 0; i < facts.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        out.add(facts.get(i).name());
      }
    }
    return out;
  }

  /** A mismatch with all it needs to reproduce it (the facts are generated, not a person's). */
  private static String describe(CaseBatch batch, int i, Outcomes o, int packed, long[] missing) {
    var sb = new StringBuilder();
    sb.append("case ").append(i).append(" as of ").append(batch.dates[i]).append(' ');
    sb.append(batch.facts[i]);
    batch
        .facts[i]
        .get("dateOfBirth")
        .ifPresent(d -> sb.append(" (birth ").append(((PartialDate) d).precision()).append(')'));
    for (int e = 0; e < missing.length; e++) {
      int k = engineIndex[e];
      Outcome hand = Outcome.values()[(packed >>> (2 * e)) & 3];
      if (o.outcome(k) != hand || o.missingMask(k) != missing[e]) {
        sb.append("\n  ")
            .append(HandWrittenRussianPolicy.ELEMENTS.get(e))
            .append(": engine ")
            .append(o.outcome(k).id())
            .append(' ')
            .append(names(o.missingMask(k)))
            .append(", hand-written ")
            .append(hand.id())
            .append(' ')
            .append(names(missing[e]));
      }
    }
    return sb.toString();
  }
}
