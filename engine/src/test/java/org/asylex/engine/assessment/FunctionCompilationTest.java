package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.asylex.engine.policy.TestPacks.element;
import static org.asylex.engine.policy.TestPacks.fact;
import static org.asylex.engine.policy.TestPacks.rule;

import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.expr.Expr;
import org.asylex.engine.expr.ExpressionParser;
import org.asylex.engine.expr.Function;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PackValidator;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.TestPacks;
import org.asylex.engine.time.PartialDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every function of the table passes the pack check, compiles and is evaluated in a case. */
class FunctionCompilationTest {

  /** A fact type each parameter kind accepts, and a value of it. */
  private static FactType type(Function.Parameter p) {
    return switch (p) {
      case DATE_FACT -> FactType.PARTIAL_DATE;
    };
  }

  private static Object value(Function.Parameter p) {
    return switch (p) {
      case DATE_FACT -> PartialDate.parse("2000-01-01").orElseThrow();
    };
  }

  @ParameterizedTest
  @EnumSource(Function.class)
  void aFunctionCalledAsItsExampleIsCheckedCompiledAndEvaluated(Function f) {
    Expr.Call call = (Expr.Call) ExpressionParser.parse(f.example());
    var builder = TestPacks.pack();
    for (int i = 0; i < f.parameters().size(); i++) {
      String name = ((Expr.Name) call.arguments().get(i)).name();
      builder.fact(fact(name, type(f.parameters().get(i)), 1 + 3 * i));
    }
    PolicyPack pack =
        builder
            .element(
                element("e", Slot.PARTICULARS, Outcome.DOES_NOT_APPLY, Outcome.DOES_NOT_APPLY, 1))
            .rule(rule("r", "e", 10).valid(null, null, f.example() + " = " + f.example()))
            .build();
    assertThat(PackValidator.check(pack)).noneMatch(Diagnostic::isError);
    CompiledPolicy policy = CompiledPolicy.compile(pack, AssumptionValues.defaults(pack));

    CaseFacts unknown = CaseFacts.builder(pack.facts()).build();
    CaseFacts.Builder known = CaseFacts.builder(pack.facts());
    for (int i = 0; i < f.parameters().size(); i++) {
      known.set(((Expr.Name) call.arguments().get(i)).name(), value(f.parameters().get(i)));
    }

    Finding open = policy.assess(unknown, TinyPack.D).findings().get(0);
    assertThat(open.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(open.missingFacts())
        .containsExactlyElementsOf(
            call.arguments().stream().map(a -> ((Expr.Name) a).name()).toList());
    assertThat(policy.assess(known.build(), TinyPack.D).findings().get(0).outcome())
        .isEqualTo(Outcome.APPLIES);
  }
}
