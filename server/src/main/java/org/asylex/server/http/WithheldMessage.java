package org.asylex.server.http;

/**
 * A stand-in for a failure, for the log: the class and stack trace of the original (and of its
 * causes), but not its message, which may hold request data such as a fact value.
 */
final class WithheldMessage extends Exception {
  private static final long serialVersionUID = 1L;

  private WithheldMessage(Throwable original, Throwable cause) {
    super(original.getClass().getName() + " (message withheld)", cause, false, true);
    setStackTrace(original.getStackTrace());
  }

  /** The stand-in for the failure and its causes (at most 10 deep: causes can form a cycle). */
  static WithheldMessage of(Throwable original) {
    return of(original, 0);
  }

  private static WithheldMessage of(Throwable original, int depth) {
    Throwable cause = original.getCause();
    return new WithheldMessage(
        original, cause == null || cause == original || depth >= 10 ? null : of(cause, depth + 1));
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
