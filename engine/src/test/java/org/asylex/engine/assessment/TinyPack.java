package org.asylex.engine.assessment;

import static org.asylex.engine.policy.TestPacks.assumption;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import java.time.LocalDate;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.TestPacks;
import org.asylex.engine.time.PartialDate;

/**
 * A pack of one element {@code e} with one rule {@code r} (applies when its condition holds), over
 * the facts a, b, c (boolean), kind (enum one/two/three), born (partial date), arrived (date) and
 * place (region): to evaluate one condition at a time.
 */
final class TinyPack {
  static final LocalDate D = LocalDate.of(2023, 6, 15);

  private TinyPack() {}

  static PolicyPack pack(String when) {
    return TestPacks.pack()
        .fact(fact("a", FactType.BOOLEAN, 1))
        .fact(fact("b", FactType.BOOLEAN, 4))
        .fact(fact("c", FactType.BOOLEAN, 7))
        .fact(fact("kind", FactType.ENUM, 10, "one", "two", "three"))
        .fact(fact("born", FactType.PARTIAL_DATE, 13))
        .fact(fact("arrived", FactType.DATE, 16))
        .fact(fact("place", FactType.REGION, 19))
        .element(element("e", Slot.PARTICULARS, Outcome.DOES_NOT_APPLY, Outcome.DOES_NOT_APPLY, 1))
        .assumption(assumption("yes", Assumption.Type.BOOLEAN, "true", 1))
        .assumption(assumption("no", Assumption.Type.BOOLEAN, "false", 5))
        .assumption(assumption("cut", Assumption.Type.DATE, "2023-01-01", 9))
        .rule(rule("r", "e", 10).valid(null, null, when, Outcome.APPLIES))
        .build();
  }

  static CompiledPolicy compile(String when) {
    PolicyPack p = pack(when);
    return CompiledPolicy.compile(p, AssumptionValues.defaults(p));
  }

  static CaseFacts facts(PolicyPack pack, Object... pairs) {
    var b = CaseFacts.builder(pack.facts());
    for (int i = 0; i < pairs.length; i += 2) {
      String name = (String) pairs[i];
      Object value = pairs[i + 1];
      if (name.equals("born") && value instanceof String s) {
        value = PartialDate.parse(s).orElseThrow();
      }
      if (name.equals("arrived") && value instanceof String s) {
        value = LocalDate.parse(s);
      }
      b.set(name, value);
    }
    return b.build();
  }

  /** The finding of element e for a condition and facts, with its trace, on {@link #D}. */
  static Finding finding(String when, Object... pairs) {
    return finding(when, D, pairs);
  }

  static Finding finding(String when, LocalDate asOf, Object... pairs) {
    CompiledPolicy policy = compile(when);
    return policy.assess(facts(policy.pack(), pairs), asOf, true).finding("e").orElseThrow();
  }

  /** The value of a condition for the facts: TRUE, FALSE or UNKNOWN. */
  static Tri value(String when, Object... pairs) {
    return finding(when, pairs).trace().get(0).value();
  }

  static Tri value(String when, LocalDate asOf, Object... pairs) {
    return finding(when, asOf, pairs).trace().get(0).value();
  }
}
