package org.asylex.web;

/**
 * Reading numbers from query strings and forms: a value out of range or not a number is the
 * default.
 */
final class Forms {
  private Forms() {}

  static long whole(String given, long fallback, long min, long max) {
    if (given == null || !given.matches("[0-9]{1,18}")) {
      return fallback;
    }
    long value = Long.parseLong(given);
    return value < min || value > max ? fallback : value;
  }
}
