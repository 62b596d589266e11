package org.asylex.server.http;

import java.util.List;
import java.util.Objects;

/**
 * A request the API refuses, answered as RFC 9457 {@code application/problem+json}. Thrown by
 * handlers; the server turns it into the response. The detail is written for the client: it never
 * holds a stack trace, a SQL message or a fact value. Its type says which of the API's problems it
 * is ({@link ProblemType}); the type gives the title.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * The most field errors a problem lists; the detail counts the rest ("and N more"), so that a
   * body of a hundred thousand unknown fields does not get an answer many times its size.
   */
  public static final int MAX_ERRORS = 20;

  private final int status;
  private final ProblemType type;
  private final transient List<FieldError> errors;

  /**
   * A problem of {@code type}, answered with the type's status.
   *
   * @param detail what went wrong with this request, for a person
   */
  public ApiProblem(ProblemType type, String detail, List<FieldError> errors) {
    this(type.status(), type, detail, errors);
  }

  public ApiProblem(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  /**
   * A problem answered with another status than its type's (a status without a type of its own).
   */
  ApiProblem(int status, ProblemType type, String detail, List<FieldError> errors) {
    super(withOmitted(Objects.requireNonNull(detail, "detail"), errors.size()), null, false, false);
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
    this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
  }

  private static String withOmitted(String detail, int errors) {
    if (errors <= MAX_ERRORS) {
      return detail;
    }
    return detail
        + " (errors lists the first "
        + MAX_ERRORS
        + ", and "
        + (errors - MAX_ERRORS)
        + " more)";
  }

  public int status() {
    return status;
  }

  /** The last part of the problem type URI, e.g. {@code invalid-input}. */
  public String type() {
    return type.code();
  }

  /** The title of the type: one per type, in one style ({@link ProblemType}). */
  public String title() {
    return type.title();
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public static ApiProblem invalid(String detail, List<FieldError> errors) {
    return new ApiProblem(ProblemType.INVALID_INPUT, detail, errors);
  }

  /**
   * 422 {@code invalid-input} for every error found in a request, with a detail that names the only
   * one, or counts them.
   */
  public static ApiProblem invalidRequest(List<FieldError> errors) {
    return invalid(
        errors.size() == 1
            ? "the request has an error: " + errors.get(0).pointer() + " " + errors.get(0).detail()
            : "the request has " + errors.size() + " errors; see errors",
        errors);
  }

  /** 400 {@code invalid-parameter}: a query or path parameter or a header is wrong. */
  public static ApiProblem invalidParameter(String detail, FieldError error) {
    return new ApiProblem(ProblemType.INVALID_PARAMETER, detail, List.of(error));
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(ProblemType.NOT_FOUND, detail);
  }
}
