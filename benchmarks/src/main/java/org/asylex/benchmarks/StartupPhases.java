package org.asylex.benchmarks;

import java.time.LocalDate;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.time.PartialDate;
import org.asylex.packs.LoadResult;
import org.asylex.packs.PackLoader;

/**
 * Where a cold command's time goes: one fresh JVM loads the RU pack, compiles it, assesses one case
 * twice and loads the pack once more (now warm), and prints the wall time of each phase. Run it
 * with the launcher's JVM flags, e.g. {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp
 * benchmarks/target/benchmarks.jar org.asylex.benchmarks.StartupPhases} from the repository root.
 */
public final class StartupPhases {
  private StartupPhases() {}

  public static void main(String[] args) {
    long t1 = System.nanoTime();
    LoadResult result = PackLoader.load(RussianPack.directory());
    PolicyPack pack = result.pack().orElseThrow();
    long t2 = System.nanoTime();
    CompiledPolicy policy = CompiledPolicy.compile(pack, AssumptionValues.defaults(pack));
    long t3 = System.nanoTime();
    CaseFacts facts =
        CaseFacts.builder(pack.facts())
            .set("countryOfOrigin", "RU")
            .set("dateOfBirth", new PartialDate(1985, 2, 11))
            .set("activeInJournalism", true)
            .set("criticisesAuthorities", true)
            .build();
    int findings = policy.assess(facts, LocalDate.of(2023, 1, 15)).findings().size();
    long t4 = System.nanoTime();
    findings += policy.assess(facts, LocalDate.of(2023, 7, 1)).findings().size();
    long t5 = System.nanoTime();
    PackLoader.load(RussianPack.directory()).pack().orElseThrow();
    long t6 = System.nanoTime();
    System.out.printf(
        "load and check the pack     %5d ms%n"
            + "compile                     %5d ms%n"
            + "first assessment            %5d ms%n"
            + "second assessment           %5d ms%n"
            + "load and check it again     %5d ms%n"
            + "(%d findings; %d diagnostics)%n",
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000,
        (t4 - t3) / 1_000_000,
        (t5 - t4) / 1_000_000,
        (t6 - t5) / 1_000_000,
        findings,
        result.diagnostics().size());
  }
}
