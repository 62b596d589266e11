package org.asylex.engine.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.text.LocalizedText;

/**
 * A reading of the sources that the rules rest on, written down: what the text leaves open (an
 * assumption) or where it can be read more than one way (an interpretation). A deployment may
 * choose another value of a boolean, date or choice assumption; the findings then say which value
 * they rest on. A text assumption records a reading the engine does not interpret, so it has no
 * other value to choose.
 *
 * @param defaultValue the value as written in the pack (parse with {@link #type()})
 * @param values the values a {@code choice} assumption may take, in the pack's order (the first is
 *     the default); empty for the other types
 */
public record Assumption(
    String id,
    Kind kind,
    Type type,
    String defaultValue,
    List<String> values,
    LocalizedText statement,
    List<Alternative> alternatives,
    List<SourceQuote> sources,
    Origin origin,
    Map<String, LocalizedText> valueLabels) {

  public Assumption {
    values = List.copyOf(values);
    alternatives = List.copyOf(alternatives);
    sources = List.copyOf(sources);
    valueLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valueLabels));
  }

  /** An assumption whose values have no labels. */
  public Assumption(
      String id,
      Kind kind,
      Type type,
      String defaultValue,
      List<String> values,
      LocalizedText statement,
      List<Alternative> alternatives,
      List<SourceQuote> sources,
      Origin origin) {
    this(id, kind, type, defaultValue, values, statement, alternatives, sources, origin, Map.of());
  }

  /** The pack's words for {@code value}, if it labels it. */
  public Optional<LocalizedText> valueLabel(String value) {
    return Optional.ofNullable(valueLabels.get(value));
  }

  /** An assumption of a type other than {@code choice}. */
  public Assumption(
      String id,
      Kind kind,
      Type type,
      String defaultValue,
      LocalizedText statement,
      List<Alternative> alternatives,
      List<SourceQuote> sources,
      Origin origin) {
    this(id, kind, type, defaultValue, List.of(), statement, alternatives, sources, origin);
  }

  /** Whether a deployment may give this assumption another value. */
  public boolean overridable() {
    return type != Type.TEXT;
  }

  /** Whether the text is silent or ambiguous. */
  public enum Kind {
    ASSUMPTION("assumption"),
    INTERPRETATION("interpretation");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Optional<Kind> fromId(String id) {
      return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
  }

  /**
   * The type of an assumption's value. Conditions read boolean, date and choice ones; a text one
   * documents a reading that no condition reads and no deployment overrides.
   */
  public enum Type {
    BOOLEAN("boolean"),
    DATE("date"),
    CHOICE("choice"),
    TEXT("text");

    private final String id;

    Type(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Optional<Type> fromId(String id) {
      return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
      return Arrays.stream(values()).map(Type::id).toList();
    }
  }

  /** Another reading, with the value it would give where it has one. */
  public record Alternative(Optional<String> value, LocalizedText reading, Origin origin) {}
}
