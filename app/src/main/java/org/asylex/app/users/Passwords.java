package org.asylex.app.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a web sign-in password must be: at least {@value #MIN_LENGTH} characters, at most {@value
 * #MAX_BYTES} bytes in UTF-8 (BCrypt reads no further), not one of the common passwords of {@code
 * common-passwords.txt}, not the account's name, and not one character repeated.
 */
public final class Passwords {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_BYTES = 72;

  private static final Set<String> COMMON = load();

  private Passwords() {}

  private static Set<String> load() {
    InputStream in = Passwords.class.getResourceAsStream("common-passwords.txt");
    if (in == null) {
      throw new IllegalStateException("common-passwords.txt is missing from the build");
    }
    var common = new HashSet<String>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader
          .lines()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .forEach(line -> common.add(line.toLowerCase(Locale.ROOT)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(common);
  }

  /**
   * Why a password is refused, as data: a front end words it in its own language ({@link
   * #message()} is the English of the command line and the API).
   */
  public enum Problem {
    /** Fewer than {@link #MIN_LENGTH} characters. */
    TOO_SHORT("a password has at least " + MIN_LENGTH + " characters"),
    /** More than {@link #MAX_BYTES} bytes in UTF-8. */
    TOO_LONG("a password has at most " + MAX_BYTES + " bytes (in UTF-8)"),
    /** One of the list of common passwords. */
    COMMON("this password is one of the most common ones; choose another"),
    /** Contains the account's name. */
    CONTAINS_NAME("a password must not contain the account's name"),
    /** One character repeated. */
    ONE_CHARACTER("a password is more than one character repeated");

    private final String message;

    Problem(String message) {
      this.message = message;
    }

    /** The problem in English. */
    public String message() {
      return message;
    }
  }

  /** What is wrong with {@code password} for the account {@code name}; empty when it is good. */
  public static Optional<String> problem(String name, String password) {
    return check(name, password).map(Problem::message);
  }

  /** What is wrong with {@code password} for the account {@code name}, as data. */
  public static Optional<Problem> check(String name, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of(Problem.TOO_SHORT);
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of(Problem.TOO_LONG);
    }
    String lower = password.trim().toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return Optional.of(Problem.COMMON);
    }
    if (name != null && lower.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.of(Problem.CONTAINS_NAME);
    }
    if (password.codePoints().distinct().count() == 1) {
      return Optional.of(Problem.ONE_CHARACTER);
    }
    return Optional.empty();
  }
}
