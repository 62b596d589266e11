package org.asylex.engine.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one check, so that a user sees all of them at once. */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  public void add(Diagnostic d) {
    all.add(d);
  }

  public void error(String code, SourcePosition at, String message) {
    all.add(Diagnostic.error(code, at, message));
  }

  public void warning(String code, SourcePosition at, String message) {
    all.add(Diagnostic.warning(code, at, message));
  }

  public void addAll(Iterable<Diagnostic> more) {
    more.forEach(all::add);
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  /** Sorted by file, line and column, so output reads top to bottom. */
  public List<Diagnostic> sorted() {
    return all.stream()
        .sorted(
            Comparator.comparing((Diagnostic d) -> d.position().file())
                .thenComparingInt(d -> d.position().line())
                .thenComparingInt(d -> d.position().column()))
        .toList();
  }

  public List<Diagnostic> errors() {
    return sorted().stream().filter(Diagnostic::isError).toList();
  }
}
