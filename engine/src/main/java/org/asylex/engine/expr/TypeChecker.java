package org.asylex.engine.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.asylex.engine.text.NearestName;

/**
 * Checks a parsed condition against a vocabulary: every name known, every operator applied to
 * values of the right type, every text literal a valid value. Collects all problems, and the facts,
 * definitions and assumptions the condition reads.
 */
public final class TypeChecker {

  /** The outcome of checking one condition. */
  public record Result(
      Optional<ExprType> type,
      Set<String> facts,
      Set<String> definitions,
      Set<String> assumptions,
      List<ExprProblem> problems) {
    public Result {
      facts = Set.copyOf(facts);
      definitions = Set.copyOf(definitions);
      assumptions = Set.copyOf(assumptions);
      problems = List.copyOf(problems);
    }
  }

  private final Vocabulary vocabulary;
  private final Set<String> facts = new LinkedHashSet<>();
  private final Set<String> definitions = new LinkedHashSet<>();
  private final Set<String> assumptions = new LinkedHashSet<>();
  private final List<ExprProblem> problems = new ArrayList<>();
  private final Types types = new Types();

  private TypeChecker(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** Checks that {@code expr} is a well-typed condition over {@code vocabulary}. */
  public static Result checkCondition(Expr expr, Vocabulary vocabulary) {
    var checker = new TypeChecker(vocabulary);
    Optional<ExprType> type = checker.typeOf(expr);
    if (type.isPresent() && type.get() != ExprType.CONDITION) {
      checker.problem(
          "not-a-condition",
          "this is " + type.get().description() + ", but a rule needs a condition (true/false)",
          expr);
    }
    return new Result(
        type, checker.facts, checker.definitions, checker.assumptions, checker.problems);
  }

  private void problem(String code, String message, Expr at) {
    problems.add(new ExprProblem(code, message, at.start(), at.end()));
  }

  /** The type of {@code e}, or empty when a problem makes it unknowable (already reported). */
  private Optional<ExprType> typeOf(Expr e) {
    return e.accept(types);
  }

  /** The type of each kind of condition; a kind added to {@link Expr} must be added here. */
  private final class Types implements Expr.Visitor<Optional<ExprType>> {
    @Override
    public Optional<ExprType> literal(Expr.Literal l) {
      return Optional.of(l.value().type());
    }

    @Override
    public Optional<ExprType> assessmentDate(Expr.AssessmentDate d) {
      return Optional.of(ExprType.DATE);
    }

    @Override
    public Optional<ExprType> name(Expr.Name n) {
      return TypeChecker.this.name(n);
    }

    @Override
    public Optional<ExprType> assumption(Expr.AssumptionRef a) {
      return TypeChecker.this.assumption(a);
    }

    @Override
    public Optional<ExprType> not(Expr.Not n) {
      requireCondition(n.operand(), "'not'");
      return Optional.of(ExprType.CONDITION);
    }

    @Override
    public Optional<ExprType> and(Expr.And a) {
      a.operands().forEach(o -> requireCondition(o, "'and'"));
      return Optional.of(ExprType.CONDITION);
    }

    @Override
    public Optional<ExprType> or(Expr.Or o) {
      o.operands().forEach(x -> requireCondition(x, "'or'"));
      return Optional.of(ExprType.CONDITION);
    }

    @Override
    public Optional<ExprType> compare(Expr.Compare c) {
      return TypeChecker.this.compare(c);
    }

    @Override
    public Optional<ExprType> in(Expr.In in) {
      return TypeChecker.this.in(in);
    }

    @Override
    public Optional<ExprType> call(Expr.Call c) {
      return TypeChecker.this.call(c);
    }
  }

  private void requireCondition(Expr operand, String operator) {
    typeOf(operand)
        .filter(t -> t != ExprType.CONDITION)
        .ifPresent(
            t ->
                problem(
                    "type-mismatch",
                    operator
                        + " needs a condition (true/false) here, but this is "
                        + t.description(),
                    operand));
  }

  private Optional<ExprType> name(Expr.Name n) {
    Optional<Vocabulary.Symbol> symbol = vocabulary.name(n.name());
    if (symbol.isEmpty()) {
      problem(
          "unknown-fact",
          "unknown fact or definition '"
              + n.name()
              + "'"
              + NearestName.didYouMean(n.name(), vocabulary.names()),
          n);
      return Optional.empty();
    }
    if (symbol.get().kind() == Vocabulary.Symbol.Kind.FACT) {
      facts.add(n.name());
    } else {
      definitions.add(n.name());
    }
    return Optional.of(symbol.get().type());
  }

  private Optional<ExprType> assumption(Expr.AssumptionRef a) {
    Optional<ExprType> type = vocabulary.assumption(a.id());
    if (type.isEmpty()) {
      problem(
          "undefined-assumption",
          "undefined assumption '@"
              + a.id()
              + "'"
              + NearestName.suggest(a.id(), vocabulary.assumptionIds())
                  .map(s -> "; did you mean '@" + s + "'?")
                  .orElse(
                      " (conditions can read boolean, date and choice assumptions of"
                          + " assumptions.yaml)"),
          a);
      return Optional.empty();
    }
    assumptions.add(a.id());
    return type;
  }

  private Optional<ExprType> compare(Expr.Compare c) {
    Optional<ExprType> left = typeOf(c.left());
    Optional<ExprType> right = typeOf(c.right());
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.of(ExprType.CONDITION);
    }
    ExprType l = left.get();
    ExprType r = right.get();
    if (l == ExprType.PARTIAL_DATE || r == ExprType.PARTIAL_DATE) {
      problem(
          "partial-date-compared",
          "a date fact that may be partial can only be read through age(...)",
          l == ExprType.PARTIAL_DATE ? c.left() : c.right());
    } else if (l != r) {
      problem(
          "type-mismatch",
          "'" + c.op().symbol() + "' compares " + l.description() + " with " + r.description(),
          c);
    } else if (c.op().isOrdering() && l != ExprType.NUMBER && l != ExprType.DATE) {
      problem(
          "type-mismatch",
          "'" + c.op().symbol() + "' orders numbers and dates only, not " + l.description(),
          c);
    } else if (l == ExprType.TEXT) {
      checkTextValue(c.left(), c.right());
      checkTextValue(c.right(), c.left());
    }
    return Optional.of(ExprType.CONDITION);
  }

  private Optional<ExprType> in(Expr.In in) {
    Optional<ExprType> type = typeOf(in.value());
    if (type.isPresent()) {
      for (Expr.Literal option : in.options()) {
        if (option.value().type() != type.get()) {
          problem(
              "type-mismatch",
              "the list holds "
                  + option.value().type().description()
                  + ", but the value before 'in' is "
                  + type.get().description(),
              option);
        } else if (type.get() == ExprType.TEXT) {
          checkTextValue(in.value(), option);
        }
      }
    }
    return Optional.of(ExprType.CONDITION);
  }

  /**
   * A text literal compared with an enumeration or code fact, or with a choice assumption, must be
   * a value it can take.
   */
  private void checkTextValue(Expr factSide, Expr literalSide) {
    if (factSide instanceof Expr.AssumptionRef a
        && literalSide instanceof Expr.Literal l
        && l.value() instanceof Value.Text text) {
      var allowed = vocabulary.assumptionValues(a.id());
      if (!allowed.isEmpty() && !allowed.contains(text.value())) {
        problem(
            "unknown-value",
            "'"
                + text.value()
                + "' is not a value of @"
                + a.id()
                + " ("
                + String.join(", ", allowed)
                + ")"
                + NearestName.didYouMean(text.value(), allowed),
            l);
      }
      return;
    }
    if (!(factSide instanceof Expr.Name n)
        || !(literalSide instanceof Expr.Literal l)
        || !(l.value() instanceof Value.Text text)) {
      return;
    }
    Optional<Vocabulary.Symbol> symbol = vocabulary.name(n.name());
    if (symbol.isEmpty()) {
      return;
    }
    var allowed = symbol.get().allowedValues();
    if (!allowed.isEmpty() && !allowed.contains(text.value())) {
      problem(
          "unknown-value",
          "'"
              + text.value()
              + "' is not a value of "
              + n.name()
              + " ("
              + String.join(", ", allowed)
              + ")"
              + NearestName.didYouMean(text.value(), allowed),
          l);
    }
    String pattern = symbol.get().valuePattern();
    if (pattern != null && !text.value().matches(pattern)) {
      problem(
          "unknown-value",
          "'"
              + text.value()
              + "' is not a valid code for "
              + n.name()
              + " (expected "
              + pattern
              + ")",
          l);
    }
  }

  /** A call of a function of the {@link Function} table, checked against its parameters. */
  private Optional<ExprType> call(Expr.Call c) {
    Optional<Function> known = Function.named(c.function());
    if (known.isEmpty()) {
      problem("unknown-function", "unknown function '" + c.function() + "'; " + functions(), c);
      c.arguments().forEach(this::typeOf);
      return Optional.empty();
    }
    Function f = known.get();
    List<Function.Parameter> parameters = f.parameters();
    if (c.arguments().size() != parameters.size()) {
      problem(
          "wrong-arguments",
          f.id() + "(...) takes " + count(parameters) + ", e.g. " + f.example(),
          c);
      return Optional.of(f.result());
    }
    for (int i = 0; i < parameters.size(); i++) {
      argument(f, parameters.get(i), c.arguments().get(i));
    }
    return Optional.of(f.result());
  }

  private void argument(Function f, Function.Parameter parameter, Expr argument) {
    Optional<ExprType> type = typeOf(argument);
    if (!(argument instanceof Expr.Name)) {
      problem(
          "wrong-arguments",
          f.id() + "(...) takes the name of " + parameter.description(),
          argument);
    } else if (type.isPresent() && !parameter.accepts(type.get())) {
      problem(
          "type-mismatch",
          f.id()
              + "(...) needs "
              + parameter.description()
              + ", but this is "
              + type.get().description(),
          argument);
    }
  }

  /** "the only function is age(dateFact)", or "the functions are ..." once there are several. */
  private static String functions() {
    List<String> signatures = Arrays.stream(Function.values()).map(Function::signature).toList();
    return signatures.size() == 1
        ? "the only function is " + signatures.get(0)
        : "the functions are " + String.join(", ", signatures);
  }

  /** "one date fact", or the parameters one by one. */
  private static String count(List<Function.Parameter> parameters) {
    if (parameters.size() == 1) {
      return "one " + parameters.get(0).noun();
    }
    return parameters.stream()
        .map(Function.Parameter::description)
        .collect(Collectors.joining(", ", parameters.size() + " arguments: ", ""));
  }
}
