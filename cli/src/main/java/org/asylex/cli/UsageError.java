package org.asylex.cli;

/** A problem with what the user asked for: reported as one line, exit code 2. */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message);
  }
}
