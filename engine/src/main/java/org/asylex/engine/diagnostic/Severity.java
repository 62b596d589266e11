package org.asylex.engine.diagnostic;

/** How bad a diagnostic is: an error makes the pack unusable, a warning does not. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
