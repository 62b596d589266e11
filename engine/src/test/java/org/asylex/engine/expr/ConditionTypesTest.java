package org.asylex.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of condition has a type, so that using it where another type belongs is caught. */
class ConditionTypesTest {

  private static final Vocabulary VOCABULARY =
      new Vocabulary() {
        private final Map<String, Vocabulary.Symbol> names =
            Map.of(
                "a", new Symbol(Symbol.Kind.FACT, ExprType.CONDITION, List.of(), null),
                "b", new Symbol(Symbol.Kind.FACT, ExprType.CONDITION, List.of(), null),
                "n", new Symbol(Symbol.Kind.FACT, ExprType.NUMBER, List.of(), null),
                "born", new Symbol(Symbol.Kind.FACT, ExprType.PARTIAL_DATE, List.of(), null),
                "arrived", new Symbol(Symbol.Kind.FACT, ExprType.DATE, List.of(), null),
                "kind", new Symbol(Symbol.Kind.FACT, ExprType.TEXT, List.of("x", "y"), null));

        @Override
        public Optional<Symbol> name(String name) {
          return Optional.ofNullable(names.get(name));
        }

        @Override
        public Optional<ExprType> assumption(String id) {
          return Optional.empty();
        }

        @Override
        public Collection<String> names() {
          return names.keySet();
        }

        @Override
        public Collection<String> assumptionIds() {
          return List.of();
        }
      };

  private static List<ExprProblem> problems(String condition) {
    return TypeChecker.checkCondition(ExpressionParser.parse(condition), VOCABULARY).problems();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(a and b) = 3",
        "(a or b) = 3",
        "(not a) = 3",
        "(n = 3) = 3",
        "(kind in ['x']) = 3",
        "(arrived < assessmentDate) = 3"
      })
  void aCompoundConditionIsAConditionAndNotANumber(String condition) {
    assertThat(problems(condition))
        .extracting(ExprProblem::code, ExprProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "type-mismatch", "'=' compares a condition (true/false) with a whole number"));
  }

  @Test
  void anAgeWithTheWrongNumberOfArgumentsIsStillANumber() {
    assertThat(problems("age(born, arrived) = true"))
        .extracting(ExprProblem::code)
        .containsExactly("wrong-arguments", "type-mismatch");
  }

  @Test
  void aComparisonWithAnUnknownNameIsStillACondition() {
    assertThat(problems("(ghost = 1) = 3"))
        .extracting(ExprProblem::code)
        .containsExactly("unknown-fact", "type-mismatch");
  }

  @Test
  void wellTypedConditionsHaveNoProblem() {
    assertThat(problems("(a and b) = (not a)")).isEmpty();
    assertThat(problems("age(born) >= n")).isEmpty();
  }
}
