package org.asylex.engine.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.asylex.engine.text.LocalizedText;

/**
 * A reading of the sources that the rules rest on, written down: what the text leaves open (an
 * assumption) or where it can be read more than one way (an interpretation). A deployment may
 * choose another value; the findings then say which value they rest on.
 *
 * @param defaultValue the value as written in the pack (parse with {@link #type()})
 */
public record Assumption(
    String id,
    Kind kind,
    Type type,
    String defaultValue,
    LocalizedText statement,
    List<Alternative> alternatives,
    List<SourceQuote> sources,
    Origin origin) {

  public Assumption {
    alternatives = List.copyOf(alternatives);
    sources = List.copyOf(sources);
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

  /** The type of an assumption's value; only boolean and date ones are read by conditions. */
  public enum Type {
    BOOLEAN("boolean"),
    DATE("date"),
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
