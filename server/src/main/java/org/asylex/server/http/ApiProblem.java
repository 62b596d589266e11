package org.asylex.server.http;

import java.util.List;
import java.util.Objects;

/**
 * A request the API refuses, answered as RFC 9457 {@code application/problem+json}. Thrown by
 * handlers; the server turns it into the response. The detail is written for the client: it never
 * holds a stack trace, a SQL message or a fact value.
 *
 * @param type the last part of the problem type URI, e.g. {@code invalid-input}
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final transient List<FieldError> errors;

  public ApiProblem(int status, String type, String title, String detail, List<FieldError> errors) {
    super(Objects.requireNonNull(detail, "detail"), null, false, false);
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
    this.title = Objects.requireNonNull(title, "title");
    this.errors = List.copyOf(errors);
  }

  public ApiProblem(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public static ApiProblem invalid(String detail, List<FieldError> errors) {
    return new ApiProblem(422, "invalid-input", "The request is not valid", detail, errors);
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

  public static ApiProblem badRequest(String type, String detail, FieldError error) {
    return new ApiProblem(400, type, "Bad request", detail, List.of(error));
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "not-found", "Not found", detail);
  }
}
