package org.asylex.engine.assessment;

import static org.asylex.engine.policy.TestPacks.assumption;
import static org.asylex.engine.policy.TestPacks.definition;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.TestPacks;
import org.asylex.engine.time.PartialDate;

/**
 * A small pack of an imaginary country XX, with the shapes a real policy has and no country's
 * words: a moratorium-like element with a validity window and an age range, an element with groups
 * whose rule has two versions split at an assumption date, an element with grounds and an
 * exception, and two individual-assessment elements, one reading a boolean assumption.
 *
 * <ul>
 *   <li>{@code pause} (decision-moratorium slot), valid [2022-06-29, 2023-06-29): status =
 *       'enlisted' and (refuses or deserted) and age(born) >= 18 and age(born) < 27.
 *   <li>{@code risk-group}: {@code critics} = activist and vocal and vocalStrongly before
 *       {@code @change-date}, activist and vocal from it (activist = member or leader); {@code
 *       defenders} = defender and {@code networkers} = network from {@code @change-date}.
 *   <li>{@code relocation}, from {@code @change-date}: grounds {@code regional} (gender = 'female'
 *       and region in ['XX-AA', 'XX-BB'] and threatened) and {@code minority}; the exception {@code
 *       settle-elsewhere} (settle) lifts both with does_not_apply.
 *   <li>{@code service}: individual_assessment iff status = 'enlisted' or refuses or (deserted and
 *       {@code @desertion-counts}).
 *   <li>{@code fear}: individual_assessment iff fears.
 * </ul>
 *
 * The elements are declared out of slot order, so that the engine must sort them.
 */
final class NeutralPack {
  static final LocalDate WINDOW_START = LocalDate.of(2022, 6, 29);
  static final LocalDate WINDOW_END = LocalDate.of(2023, 6, 29);
  static final LocalDate CHANGE = LocalDate.of(2023, 6, 8);

  /** A date inside the pause window and after the change date. */
  static final LocalDate D = LocalDate.of(2023, 6, 15);

  /** A date inside the pause window, before the change date. */
  static final LocalDate BEFORE_CHANGE = LocalDate.of(2023, 1, 10);

  /** After the pause window. */
  static final LocalDate AFTER = LocalDate.of(2023, 9, 1);

  static final String PAUSE = "pause";
  static final String RISK = "risk-group";
  static final String RELOCATION = "relocation";
  static final String SERVICE = "service";
  static final String FEAR = "fear";

  static final List<String> ELEMENT_ORDER = List.of(PAUSE, RISK, RELOCATION, SERVICE, FEAR);

  /** The facts each element's rules read, for the oracles. */
  static final Map<String, List<String>> READS =
      Map.of(
          PAUSE, List.of("born", "status", "refuses", "deserted"),
          RISK, List.of("member", "leader", "vocal", "vocalStrongly", "defender", "network"),
          RELOCATION, List.of("gender", "region", "threatened", "minority", "settle"),
          SERVICE, List.of("status", "refuses", "deserted"),
          FEAR, List.of("fears"));

  static final PolicyPack PACK = build();

  private NeutralPack() {}

  private static PolicyPack build() {
    return rules(elements(facts(TestPacks.pack()))).build();
  }

  private static TestPacks.PackBuilder facts(TestPacks.PackBuilder pack) {
    return pack.fact(fact("countryOfOrigin", FactType.COUNTRY, 1))
        .fact(fact("born", FactType.PARTIAL_DATE, 4))
        .fact(fact("status", FactType.ENUM, 7, "enlisted", "reserve", "none"))
        .fact(fact("refuses", FactType.BOOLEAN, 10))
        .fact(fact("deserted", FactType.BOOLEAN, 13))
        .fact(fact("fears", FactType.BOOLEAN, 16))
        .fact(fact("member", FactType.BOOLEAN, 19))
        .fact(fact("leader", FactType.BOOLEAN, 22))
        .fact(fact("vocal", FactType.BOOLEAN, 25))
        .fact(fact("vocalStrongly", FactType.BOOLEAN, 28))
        .fact(fact("defender", FactType.BOOLEAN, 31))
        .fact(fact("network", FactType.BOOLEAN, 34))
        .fact(fact("gender", FactType.ENUM, 37, "female", "male", "x"))
        .fact(fact("region", FactType.REGION, 40))
        .fact(fact("threatened", FactType.BOOLEAN, 43))
        .fact(fact("minority", FactType.BOOLEAN, 46))
        .fact(fact("settle", FactType.BOOLEAN, 49));
  }

  private static TestPacks.PackBuilder elements(TestPacks.PackBuilder pack) {
    return pack.element(
            element(
                RELOCATION,
                Slot.INTERNAL_PROTECTION_ALTERNATIVE,
                Outcome.DOES_NOT_APPLY,
                Outcome.DOES_NOT_APPLY,
                1,
                "regional",
                "minority",
                "settle-elsewhere"))
        .element(
            element(SERVICE, Slot.PARTICULARS, Outcome.DOES_NOT_APPLY, Outcome.DOES_NOT_APPLY, 10))
        .element(
            element(FEAR, Slot.PARTICULARS, Outcome.DOES_NOT_APPLY, Outcome.DOES_NOT_APPLY, 20))
        .element(
            element(
                PAUSE,
                Slot.DECISION_MORATORIUM,
                Outcome.DOES_NOT_APPLY,
                Outcome.DOES_NOT_APPLY,
                30))
        .element(
            element(
                RISK,
                Slot.RISK_GROUPS,
                Outcome.DOES_NOT_APPLY,
                Outcome.DOES_NOT_APPLY,
                40,
                "critics",
                "defenders",
                "networkers"))
        .assumption(assumption("change-date", Assumption.Type.DATE, "2023-06-08", 1))
        .assumption(assumption("desertion-counts", Assumption.Type.BOOLEAN, "true", 5))
        .assumption(assumption("critics-reading", Assumption.Type.TEXT, "any criticism", 9))
        .assumption(assumption("unused-reading", Assumption.Type.TEXT, "not read", 13))
        .definition(definition("activist", "member or leader", 1));
  }

  private static TestPacks.PackBuilder rules(TestPacks.PackBuilder pack) {
    return pack.rule(
            rule("pause-rule", PAUSE, 10)
                .valid(
                    "2022-06-29",
                    "2023-06-29",
                    "status = 'enlisted' and (refuses or deserted)"
                        + " and age(born) >= 18 and age(born) < 27",
                    Outcome.APPLIES))
        .rule(
            rule("critics", RISK, 30)
                .group("critics")
                .restsOn("critics-reading")
                .valid(
                    null, "@change-date", "activist and vocal and vocalStrongly", Outcome.APPLIES)
                .valid("@change-date", null, "activist and vocal", Outcome.APPLIES))
        .rule(
            rule("defenders", RISK, 50)
                .group("defenders")
                .valid("@change-date", null, "defender", Outcome.APPLIES))
        .rule(
            rule("networkers", RISK, 70)
                .group("networkers")
                .valid("@change-date", null, "network", Outcome.APPLIES))
        .rule(
            rule("regional", RELOCATION, 90)
                .group("regional")
                .valid(
                    "@change-date",
                    null,
                    "gender = 'female' and region in ['XX-AA', 'XX-BB'] and threatened",
                    Outcome.APPLIES))
        .rule(
            rule("minority-ground", RELOCATION, 110)
                .group("minority")
                .valid("@change-date", null, "minority", Outcome.APPLIES))
        .rule(
            rule("settle-elsewhere", RELOCATION, 130)
                .group("settle-elsewhere")
                .exceptionTo("regional", "minority-ground")
                .valid("@change-date", null, "settle", Outcome.DOES_NOT_APPLY))
        .rule(
            rule("service-rule", SERVICE, 150)
                .valid(
                    null,
                    null,
                    "status = 'enlisted' or refuses or (deserted and @desertion-counts)",
                    Outcome.INDIVIDUAL_ASSESSMENT))
        .rule(
            rule("fear-rule", FEAR, 170).valid(null, null, "fears", Outcome.INDIVIDUAL_ASSESSMENT));
  }

  /**
   * The pack compiled under its defaults, anew on each call: a policy kept in a static field would
   * outlive the code it was compiled with when mutation testing swaps that code.
   */
  static CompiledPolicy defaults() {
    return CompiledPolicy.compile(PACK, AssumptionValues.defaults(PACK));
  }

  static CompiledPolicy compiled(Map<String, String> overrides) {
    return CompiledPolicy.compile(PACK, AssumptionValues.withOverrides(PACK, overrides));
  }

  /** Facts from name, value pairs; a date value may be given as text ("2001", "2001-05"). */
  static CaseFacts facts(Object... pairs) {
    var b = CaseFacts.builder(PACK.facts());
    for (int i = 0; i < pairs.length; i += 2) {
      String name = (String) pairs[i];
      Object value = pairs[i + 1];
      if (name.equals("born") && value instanceof String s) {
        value = PartialDate.parse(s).orElseThrow();
      }
      b.set(name, value);
    }
    return b.build();
  }

  static Finding finding(CaseFacts facts, LocalDate asOf, String element) {
    return defaults().assess(facts, asOf).finding(element).orElseThrow();
  }

  static Finding finding(CompiledPolicy policy, CaseFacts facts, LocalDate asOf, String element) {
    return policy.assess(facts, asOf).finding(element).orElseThrow();
  }
}
