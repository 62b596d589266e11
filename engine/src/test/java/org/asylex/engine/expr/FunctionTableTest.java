package org.asylex.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The function table ({@link Function}) drives the parser, the type checker and (through {@link
 * Function.Implementation}) the compiler; and every walker over conditions is an {@link
 * Expr.Visitor} with one case per kind of condition.
 */
class FunctionTableTest {

  /** birthDate (partial date), entered (date), flag (condition). */
  private static final Vocabulary VOCABULARY =
      new Vocabulary() {
        private final Map<String, Symbol> names = new LinkedHashMap<>();

        {
          names.put("birthDate", fact(ExprType.PARTIAL_DATE));
          names.put("entered", fact(ExprType.DATE));
          names.put("flag", fact(ExprType.CONDITION));
        }

        private Symbol fact(ExprType type) {
          return new Symbol(Symbol.Kind.FACT, type, List.of(), null);
        }

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

  private static TypeChecker.Result check(String text) {
    return TypeChecker.checkCondition(ExpressionParser.parse(text), VOCABULARY);
  }

  @ParameterizedTest
  @EnumSource(Function.class)
  void theParserReservesEachFunctionsNameAndReadsItsExampleAsACall(Function f) {
    assertThat(ExpressionParser.isReserved(f.id())).isTrue();
    assertThat(ExpressionParser.parse(f.example()))
        .isInstanceOfSatisfying(
            Expr.Call.class,
            call -> {
              assertThat(call.function()).isEqualTo(f.id());
              assertThat(call.arguments()).hasSize(f.parameters().size());
            });
  }

  @ParameterizedTest
  @EnumSource(Function.class)
  void theTypeCheckerGivesACallTheResultTypeOfTheTable(Function f) {
    TypeChecker.Result result = check(f.example());

    assertThat(result.type()).contains(f.result());
    assertThat(result.problems())
        .extracting(ExprProblem::code)
        .allMatch(code -> code.equals("not-a-condition"));
  }

  @ParameterizedTest
  @EnumSource(Function.class)
  void theTypeCheckerCountsArgumentsAsTheTableSays(Function f) {
    String oneTooMany =
        f.id()
            + "("
            + String.join(", ", java.util.Collections.nCopies(f.parameters().size() + 1, "flag"))
            + ")";

    assertThat(check(oneTooMany).problems())
        .filteredOn(p -> p.code().equals("wrong-arguments"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith(f.id() + "(...) takes ")
                    .endsWith(", e.g. " + f.example()));
  }

  @Test
  void ageTakesTheNameOfADateOrPartialDateFactAsItsRowSays() {
    assertThat(check("age(birthDate, birthDate) >= 18").problems())
        .extracting(ExprProblem::message)
        .containsExactly("age(...) takes one date fact, e.g. age(birthDate)");
    assertThat(Function.named("age")).contains(Function.AGE);
    assertThat(Function.AGE.signature()).isEqualTo("age(dateFact)");
    assertThat(Function.AGE.result()).isEqualTo(ExprType.NUMBER);
    assertThat(check("age(birthDate) >= 18").problems()).isEmpty();
    assertThat(check("age(entered) >= 18").problems()).isEmpty();
    assertThat(check("age(flag) >= 18").problems())
        .extracting(ExprProblem::code, ExprProblem::message)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "type-mismatch",
                "age(...) needs a date fact, but this is a condition (true/false)"));
    assertThat(check("age(2000-01-01) >= 18").problems())
        .extracting(ExprProblem::message)
        .containsExactly("age(...) takes the name of a date fact");
  }

  @Test
  void anUnknownFunctionIsReportedWithTheFunctionsOfTheTable() {
    String known =
        Arrays.stream(Function.values()).map(Function::signature).collect(Collectors.joining(", "));

    assertThat(check("agee(birthDate) >= 18").problems())
        .extracting(ExprProblem::message)
        .containsExactly("unknown function 'agee'; the only function is " + known);
  }

  @Test
  void everyFunctionHasItsOwnCaseInTheImplementationTheCompilerProvides() {
    Set<String> cases =
        Arrays.stream(Function.Implementation.class.getDeclaredMethods())
            .map(Method::getName)
            .collect(Collectors.toSet());
    assertThat(cases)
        .isEqualTo(Arrays.stream(Function.values()).map(Function::id).collect(Collectors.toSet()));

    for (Function f : Function.values()) {
      var called = new ArrayList<String>();
      @SuppressWarnings("unchecked")
      Function.Implementation<Object> recorder =
          (Function.Implementation<Object>)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Function.Implementation.class},
                  (proxy, method, args) -> called.add(method.getName()));
      Expr.Call call = (Expr.Call) ExpressionParser.parse(f.example());

      f.implement(recorder, call.arguments());

      assertThat(called).as("the case %s calls", f).containsExactly(f.id());
    }
  }

  /** One condition of each kind the parser makes. */
  private static final List<String> ONE_OF_EACH_KIND =
      List.of(
          "flag",
          "@flag",
          "assessmentDate",
          "true",
          "not flag",
          "flag and flag",
          "flag or flag",
          "entered = entered",
          "entered in [2023-01-01]",
          "age(birthDate)");

  @Test
  void everyKindOfConditionDispatchesToItsOwnCaseOfTheVisitor() {
    Set<Class<?>> kinds = new HashSet<>();
    Set<String> casesCalled = new HashSet<>();
    for (String text : ONE_OF_EACH_KIND) {
      Expr e = ExpressionParser.parse(text);
      kinds.add(e.getClass());
      var called = new ArrayList<String>();
      @SuppressWarnings("unchecked")
      Expr.Visitor<Object> recorder =
          (Expr.Visitor<Object>)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Expr.Visitor.class},
                  (proxy, method, args) -> called.add(method.getName()));

      e.accept(recorder);

      assertThat(called).as("cases called for <%s>", text).hasSize(1);
      casesCalled.addAll(called);
    }
    assertThat(kinds)
        .as("the samples cover every kind of condition")
        .containsExactlyInAnyOrder(Expr.class.getPermittedSubclasses());
    assertThat(casesCalled)
        .as("each kind has its own case")
        .hasSize(kinds.size())
        .isEqualTo(
            Arrays.stream(Expr.Visitor.class.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet()));
  }
}
