package org.asylex.engine.assessment;

/**
 * A short code text (a country {@code NL}, a region {@code XX-AB}) as one number, so that a test of
 * it compares numbers the case encoded once ({@link CaseFacts}) instead of reading the string: each
 * character of {@code [A-Z0-9-]} one digit in base 38, at most twelve. Texts of other shapes have
 * no code ({@link #NONE}) and are compared as strings.
 */
final class TextCode {
  /** No code: the text is compared as a string. */
  static final long NONE = -1;

  private static final int MAX_LENGTH = 12;

  private TextCode() {}

  static long of(String text) {
    int n = text.length();
    if (n == 0 || n > MAX_LENGTH) {
      return NONE;
    }
    long code = 0;
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      int digit;
      if (ch >= 'A' && ch <= 'Z') {
        digit = 1 + ch - 'A';
      } else if (ch >= '0' && ch <= '9') {
        digit = 27 + ch - '0';
      } else if (ch == '-') {
        digit = 37;
      } else {
        return NONE;
      }
      code = code * 38 + digit; // no digit is 0: "A" and "AA" differ
    }
    return code;
  }

  /** {@code fact = text}, {@code fact != text} or {@code fact in [texts]} for a text fact. */
  static final class Test {
    private final long[] codes;
    private final Object[] options;
    private final boolean negate;

    Test(Object[] options, boolean negate) {
      this.options = options;
      this.negate = negate;
      this.codes = new long[options.length];
      for (int i = 0; i < options.length; i++) {
        codes[i] = options[i] instanceof String s ? of(s) : NONE;
      }
    }

    /** The test's value for a case that gives the fact. */
    byte value(Frame f, int fact) {
      long code = f.textCode(fact);
      boolean in = false;
      if (code == NONE) {
        in = Node.In.in(f.facts[fact], options) == Tri.T;
      } else {
        for (long c : codes) {
          in |= c == code;
        }
      }
      return in != negate ? Tri.T : Tri.F;
    }
  }
}
