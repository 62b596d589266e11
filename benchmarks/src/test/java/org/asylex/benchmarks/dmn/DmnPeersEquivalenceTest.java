package org.asylex.benchmarks.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.asylex.benchmarks.CaseBatch;
import org.asylex.benchmarks.CaseGenerator;
import org.asylex.benchmarks.HandWrittenRussianPolicy;
import org.asylex.benchmarks.RussianPack;
import org.asylex.engine.policy.PolicyPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DMN peers of PeerBenchmark give the hand-written policy's outcome for every element on 5,000
 * generated cases that reach every outcome of every element (the benchmark checks the full million
 * before it measures), and the check can tell when they do not.
 */
class DmnPeersEquivalenceTest {
  private static final int CASES = 5_000;

  private static HandWrittenRussianPolicy handWritten;
  private static CaseBatch batch;
  private static DmnCases cases;

  @BeforeAll
  static void generate() {
    PolicyPack pack = RussianPack.load();
    handWritten = new HandWrittenRussianPolicy(pack.facts(), LocalDate.of(2023, 6, 8));
    batch =
        new CaseBatch(
            new CaseGenerator(pack.facts()).generate(PeerBenchmark.SEED + 2, CASES), handWritten);
    cases = new DmnCases(batch, pack.facts());
  }

  @Test
  void droolsGivesTheHandWrittenOutcomes() {
    PeerCheck.Result r = PeerCheck.check(new DroolsRussianPolicy(), handWritten, batch, cases, 5);
    assertThat(r.differingCases()).as(r.report()).isZero();
    assertThat(r.cases()).isEqualTo(CASES);
    // the sample reaches every outcome each element can give, so the agreement means something
    for (int e = 0; e < HandWrittenRussianPolicy.ELEMENTS.size(); e++) {
      int[] seen = r.handWrittenOutcomes()[e];
      boolean assessment =
          e == HandWrittenRussianPolicy.CONSCRIPTION || e == HandWrittenRussianPolicy.MOBILISATION;
      int decided =
          assessment
              ? HandWrittenRussianPolicy.INDIVIDUAL_ASSESSMENT
              : HandWrittenRussianPolicy.APPLIES;
      String id = HandWrittenRussianPolicy.ELEMENTS.get(e);
      assertThat(seen[decided]).as(id).isGreaterThan(10);
      assertThat(seen[HandWrittenRussianPolicy.DOES_NOT_APPLY]).as(id).isGreaterThan(10);
      assertThat(seen[HandWrittenRussianPolicy.UNDETERMINED]).as(id).isGreaterThan(10);
    }
  }

  @Test
  void jdmnGivesTheHandWrittenOutcomes() {
    PeerCheck.Result r = PeerCheck.check(JdmnRussianPolicy.compile(), handWritten, batch, cases, 5);
    assertThat(r.differingCases()).as(r.report()).isZero();
  }

  @Test
  void theCheckCountsADifferingPeerPerElement() {
    // a peer that reads "tot 27" as "tot en met 27" would differ on the moratoria only; this one
    // says every element is undetermined, so it differs wherever the hand-written one decides
    DmnPeer undecided =
        new DmnPeer() {
          @Override
          public String name() {
            return "undecided";
          }

          @Override
          public void outcomes(DmnCases c, int i, int[] out) {
            java.util.Arrays.fill(out, HandWrittenRussianPolicy.UNDETERMINED);
          }
        };
    PeerCheck.Result r = PeerCheck.check(undecided, handWritten, batch, cases, 2);
    assertThat(r.differingCases()).isPositive();
    assertThat(java.util.Arrays.stream(r.mismatchesPerElement()).min().orElse(0)).isPositive();
    assertThat(r.first()).hasSize(2);
    assertThat(r.report()).contains("risk-group: ").contains("undecided undetermined");
  }
}
