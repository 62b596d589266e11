package org.asylex.engine.diagnostic;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in a pack, at a position, with what was expected. Error messages are public
 * API: they name the place, say what is wrong and what would be right.
 *
 * @param code a stable, kebab-case identifier of the kind of problem (tests and docs refer to it)
 * @param related other places that take part in the problem, e.g. the other rule of a conflict
 */
public record Diagnostic(
    Severity severity,
    String code,
    SourcePosition position,
    String message,
    List<Related> related) {

  /** Another place that takes part in a problem, with what it is. */
  public record Related(SourcePosition position, String note) {
    public Related {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(note, "note");
    }
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
    related = List.copyOf(related);
  }

  public static Diagnostic error(String code, SourcePosition position, String message) {
    return new Diagnostic(Severity.ERROR, code, position, message, List.of());
  }

  public static Diagnostic warning(String code, SourcePosition position, String message) {
    return new Diagnostic(Severity.WARNING, code, position, message, List.of());
  }

  public Diagnostic withRelated(SourcePosition position, String note) {
    var all = new java.util.ArrayList<>(related);
    all.add(new Related(position, note));
    return new Diagnostic(severity, code, this.position, message, all);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error[code]: message}, then one line per related place. */
  public String format() {
    var out = new StringBuilder();
    out.append(position)
        .append(": ")
        .append(severity.label())
        .append('[')
        .append(code)
        .append("]: ")
        .append(message);
    for (Related r : related) {
      out.append("\n  ").append(r.position()).append(": ").append(r.note());
    }
    return out.toString();
  }
}
