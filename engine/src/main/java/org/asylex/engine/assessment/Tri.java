package org.asylex.engine.assessment;

/** A three-valued (Kleene) truth value: an absent fact makes a condition unknown, never false. */
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

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
