package org.asylex.engine.policy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.asylex.engine.expr.Value;
import org.asylex.engine.text.NearestName;

/**
 * The value of every assumption of a pack for one use: the pack's defaults, with the overrides of a
 * deployment or a request. Findings name the values they rest on.
 */
public final class AssumptionValues {
  private final Map<String, Value> values;
  private final Set<String> overridden;

  private AssumptionValues(Map<String, Value> values, Set<String> overridden) {
    this.values = Map.copyOf(values);
    this.overridden = Set.copyOf(overridden);
  }

  /** The pack's defaults. Defaults that do not parse are skipped; the pack check reports them. */
  public static AssumptionValues defaults(PolicyPack pack) {
    var values = new LinkedHashMap<String, Value>();
    for (Assumption a : pack.assumptions()) {
      parse(a, a.defaultValue()).ifPresent(v -> values.put(a.id(), v));
    }
    return new AssumptionValues(values, Set.of());
  }

  /**
   * The pack's defaults with {@code overrides} (id to value as text) applied. A text assumption
   * takes no other value than its own (it records a reading the engine does not interpret); a
   * choice assumption takes one of its declared values.
   *
   * @throws InvalidOverrides naming every unknown id, every value of the wrong type or outside the
   *     declared values, and every text assumption given another value
   */
  public static AssumptionValues withOverrides(PolicyPack pack, Map<String, String> overrides) {
    var values = new LinkedHashMap<String, Value>();
    for (Assumption a : pack.assumptions()) {
      parse(a, a.defaultValue()).ifPresent(v -> values.put(a.id(), v));
    }
    var problems = new ArrayList<String>();
    var overridden = new LinkedHashSet<String>();
    var ids = pack.assumptions().stream().map(Assumption::id).toList();
    for (var entry : new TreeMap<>(overrides).entrySet()) {
      Optional<Assumption> assumption = pack.assumption(entry.getKey());
      if (assumption.isEmpty()) {
        problems.add(
            "unknown assumption '"
                + entry.getKey()
                + "' in pack "
                + pack.id()
                + NearestName.didYouMean(entry.getKey(), ids));
        continue;
      }
      Assumption a = assumption.get();
      if (!a.overridable()) {
        if (!a.defaultValue().equals(entry.getValue())) {
          problems.add(notOverridable(a));
        }
        continue;
      }
      Optional<Value> value = parse(a, entry.getValue());
      if (value.isEmpty()) {
        problems.add(
            "assumption '"
                + entry.getKey()
                + "' takes "
                + expected(a)
                + ", not '"
                + entry.getValue()
                + "'");
        continue;
      }
      values.put(entry.getKey(), value.get());
      overridden.add(entry.getKey());
    }
    if (!problems.isEmpty()) {
      throw new InvalidOverrides(problems);
    }
    return new AssumptionValues(values, overridden);
  }

  /** Why a text assumption takes no other value, for messages. */
  public static String notOverridable(Assumption a) {
    return "assumption '"
        + a.id()
        + "' records a reading in words that the engine does not interpret"
        + " (type text), so it cannot be given another value";
  }

  /** Reads a value of {@code assumption} written as text in a pack or on a command line. */
  public static Optional<Value> parse(Assumption assumption, String text) {
    if (assumption.type() == Assumption.Type.CHOICE) {
      return assumption.values().contains(text)
          ? Optional.of(new Value.Text(text))
          : Optional.empty();
    }
    return parse(assumption.type(), text);
  }

  /**
   * Reads a value written as text; a choice value is checked only by {@link #parse(Assumption,
   * String)}.
   */
  public static Optional<Value> parse(Assumption.Type type, String text) {
    switch (type) {
      case BOOLEAN:
        if (text.equals("true") || text.equals("false")) {
          return Optional.of(new Value.Bool(Boolean.parseBoolean(text)));
        }
        return Optional.empty();
      case DATE:
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
          return Optional.empty();
        }
        try {
          return Optional.of(new Value.Date(LocalDate.parse(text)));
        } catch (DateTimeException e) {
          return Optional.empty();
        }
      default:
        return Optional.of(new Value.Text(text));
    }
  }

  /** What a value of {@code assumption} looks like, for messages: a choice lists its values. */
  public static String expected(Assumption assumption) {
    if (assumption.type() == Assumption.Type.CHOICE) {
      return "one of " + String.join(", ", assumption.values());
    }
    return expected(assumption.type());
  }

  /** What a value of {@code type} looks like, for messages. */
  public static String expected(Assumption.Type type) {
    return switch (type) {
      case BOOLEAN -> "true or false";
      case DATE -> "a date that exists, written YYYY-MM-DD";
      case CHOICE -> "one of its declared values";
      case TEXT -> "a text";
    };
  }

  public Optional<Value> get(String id) {
    return Optional.ofNullable(values.get(id));
  }

  public boolean isOverridden(String id) {
    return overridden.contains(id);
  }

  /** The date a validity boundary stands for. */
  public LocalDate date(DateRef ref) {
    if (ref instanceof DateRef.Fixed f) {
      return f.date();
    }
    String id = ((DateRef.FromAssumption) ref).assumptionId();
    Value v = values.get(id);
    if (v instanceof Value.Date d) {
      return d.value();
    }
    throw new IllegalStateException(
        "assumption '" + id + "' has no date value; check the pack first");
  }

  /** Thrown when overrides name unknown assumptions or give values of the wrong type. */
  public static final class InvalidOverrides extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    InvalidOverrides(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
