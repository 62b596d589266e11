package org.asylex.server.api;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.FieldError;
import org.asylex.server.http.ProblemType;

/**
 * Query parameters and headers, checked: a bad one is a 400 {@code invalid-parameter} naming it,
 * never a 500 and never an echo of the value.
 */
final class Params {
  /** A whole number as a parameter holds it: ASCII digits only. */
  private static final java.util.regex.Pattern DIGITS =
      java.util.regex.Pattern.compile("[0-9]{1,19}");

  private Params() {}

  static ApiProblem invalid(String name, String code, String detail) {
    return ApiProblem.invalidParameter(
        name + ": " + detail, FieldError.parameter(name, code, detail));
  }

  /**
   * Refuses parameters a route does not take, and any given twice.
   *
   * @param prefixed parameter-name prefixes the route takes, such as {@code fact.}
   */
  static void only(Context ctx, Set<String> names, Set<String> prefixed) {
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      String name = e.getKey();
      if (!names.contains(name) && prefixed.stream().noneMatch(name::startsWith)) {
        throw invalid(name, "unknown-parameter", "this route does not take this parameter");
      }
      if (e.getValue().size() > 1) {
        throw invalid(name, "repeated-parameter", "give this parameter once");
      }
    }
  }

  /** A whole number between {@code min} and {@code max}. */
  static int integer(Context ctx, String name, int otherwise, int min, int max) {
    return (int) whole(ctx, name, otherwise, min, max);
  }

  /**
   * A whole number between {@code min} and {@code max}, written in ASCII digits only: no sign, no
   * spaces, no other script's digits (Java's own parsing takes "+1" and full-width "１").
   */
  static long whole(Context ctx, String name, long otherwise, long min, long max) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return otherwise;
    }
    try {
      long value = DIGITS.matcher(text).matches() ? Long.parseLong(text) : min - 1;
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException tooLarge) {
      // reported below
    }
    throw invalid(
        name, "out-of-range", "a whole number from " + min + " to " + max + " is expected");
  }

  /** A date written YYYY-MM-DD. */
  static Optional<LocalDate> date(Context ctx, String name, boolean required) {
    String text = ctx.queryParam(name);
    if (text == null || text.isEmpty()) {
      if (required) {
        throw invalid(name, "required", "a date YYYY-MM-DD is required");
      }
      return Optional.empty();
    }
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw invalid(name, "bad-date", "a date written YYYY-MM-DD is expected");
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeException e) {
      throw invalid(name, "bad-date", "not a date that exists");
    }
  }

  /** The parameters that start with {@code prefix}, by the rest of their name, in order. */
  static Map<String, String> prefixed(Context ctx, String prefix) {
    var map = new java.util.LinkedHashMap<String, String>();
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              if (name.startsWith(prefix) && !values.isEmpty()) {
                map.put(name.substring(prefix.length()), values.get(0));
              }
            });
    return map;
  }

  /** A path parameter that must satisfy {@code valid}; else 404, as for an id nobody has. */
  static String pathId(Context ctx, String name, Predicate<String> valid, String what) {
    String id = ctx.pathParam(name);
    if (!valid.test(id)) {
      throw ApiProblem.notFound("there is no " + what + " with this id");
    }
    return id;
  }

  /** The version an {@code If-Match: "N"} header names. */
  static long ifMatch(Context ctx) {
    String header = ctx.header("If-Match");
    if (header == null || header.isBlank()) {
      throw new ApiProblem(
          ProblemType.PRECONDITION_REQUIRED,
          "a change needs If-Match with the ETag of the case as read, so that no other change"
              + " is lost",
          List.of(
              FieldError.parameter(
                  "If-Match", "required", "give the ETag the case was read with")));
    }
    String h = header.strip();
    if (h.matches("\"[1-9][0-9]{0,17}\"")) {
      return Long.parseLong(h.substring(1, h.length() - 1));
    }
    throw invalid("If-Match", "bad-etag", "the ETag of the case is expected, such as \"3\"");
  }

  /** The ETag of a case version. */
  static String etag(long version) {
    return "\"" + version + "\"";
  }
}
