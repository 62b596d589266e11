package org.asylex.engine.assessment;

/**
 * A three-valued (Kleene) truth value: an absent fact makes a condition unknown, never false.
 *
 * <p>The engine computes with the byte codes {@link #F}, {@link #T} and {@link #U} (one byte per
 * sub-condition of a case, no boxing); the Kleene operators on them are defined here and nowhere
 * else: {@code false and unknown = false}, {@code true or unknown = true}, {@code not unknown =
 * unknown}.
 */
public enum Tri {
  FALSE,
  TRUE,
  UNKNOWN;

  static final byte F = 0;
  static final byte T = 1;
  static final byte U = 2;

  static Tri of(byte code) {
    return code == T ? TRUE : code == F ? FALSE : UNKNOWN;
  }

  static byte code(boolean b) {
    return b ? T : F;
  }

  static byte not(byte v) {
    return v == U ? U : (byte) (1 - v);
  }

  static byte and(byte a, byte b) {
    if (a == F || b == F) {
      return F;
    }
    return a == T && b == T ? T : U;
  }

  static byte or(byte a, byte b) {
    if (a == T || b == T) {
      return T;
    }
    return a == F && b == F ? F : U;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
