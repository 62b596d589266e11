package org.asylex.engine.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The functions a condition may call, in one table: each row gives the function's name, its
 * parameters and its result type (read by the parser, which reserves the names, and by the type
 * checker) and how it is computed (a case of {@link Implementation}; the compiler implements every
 * case, so a function added here without an implementation does not compile).
 */
public enum Function {
  /**
   * {@code age(dateFact)}: the whole years from the date to the assessment date, as {@code
   * java.time.Period} counts them; for a partial date, the range over every date it allows.
   */
  AGE("age", List.of(Parameter.DATE_FACT), ExprType.NUMBER, "age(birthDate)") {
    @Override
    public <R> R implement(Implementation<R> implementation, List<Expr> arguments) {
      return implementation.age((Expr.Name) arguments.get(0));
    }
  };

  /** What a function's argument must be. */
  public enum Parameter {
    /** The name of a fact of type date or partial-date. */
    DATE_FACT("dateFact", "date fact", Set.of(ExprType.DATE, ExprType.PARTIAL_DATE));

    private final String placeholder;
    private final String noun;
    private final Set<ExprType> types;

    Parameter(String placeholder, String noun, Set<ExprType> types) {
      this.placeholder = placeholder;
      this.noun = noun;
      this.types = Set.copyOf(types);
    }

    /** E.g. "date fact". */
    public String noun() {
      return noun;
    }

    /** How a signature names it, e.g. "dateFact". */
    public String placeholder() {
      return placeholder;
    }

    /** E.g. "a date fact". */
    public String description() {
      return "a " + noun;
    }

    /** Whether an argument of {@code type} is accepted (the argument must name a fact). */
    public boolean accepts(ExprType type) {
      return types.contains(type);
    }
  }

  /** How each function is computed: one case per function, implemented by the compiler. */
  public interface Implementation<R> {
    R age(Expr.Name dateFact);
  }

  private final String id;
  private final List<Parameter> parameters;
  private final ExprType result;
  private final String example;

  Function(String id, List<Parameter> parameters, ExprType result, String example) {
    this.id = id;
    this.parameters = List.copyOf(parameters);
    this.result = result;
    this.example = example;
  }

  /**
   * Calls the case of {@code implementation} for this function. The arguments must have passed the
   * type check (their number and kinds are those of {@link #parameters()}).
   */
  public abstract <R> R implement(Implementation<R> implementation, List<Expr> arguments);

  /** The name a condition calls it by. */
  public String id() {
    return id;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public ExprType result() {
    return result;
  }

  /** A call as a pack writes it, e.g. {@code age(birthDate)}. */
  public String example() {
    return example;
  }

  /** The function with its parameter kinds, e.g. {@code age(dateFact)}. */
  public String signature() {
    return id
        + parameters.stream()
            .map(Parameter::placeholder)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  public static Optional<Function> named(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }
}
