package org.asylex.server.http;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every problem type the API answers with, its status and its title: the one table, so that a type
 * always has the same title, every title has one style (a short phrase in sentence case, no full
 * stop), and the OpenAPI document and {@code docs/api.md} can be checked against it. The detail of
 * each problem says what went wrong with this request.
 */
public enum ProblemType {
  BAD_REQUEST(400, "bad-request", "Bad request"),
  MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
  INVALID_PARAMETER(400, "invalid-parameter", "Invalid parameter"),
  UNAUTHENTICATED(401, "unauthenticated", "Unauthenticated"),
  FORBIDDEN(403, "forbidden", "Forbidden"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  REQUEST_TIMEOUT(408, "request-timeout", "Request timeout"),
  ALREADY_EXISTS(409, "already-exists", "Already exists"),
  ACCOUNT_DISABLED(409, "account-disabled", "Account disabled"),
  LAST_ADMIN(409, "last-admin", "Last active admin"),
  STALE_VERSION(412, "stale-version", "Stale version"),
  BODY_TOO_LARGE(413, "body-too-large", "Body too large"),
  URI_TOO_LONG(414, "uri-too-long", "URI too long"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  EXPECTATION_FAILED(417, "expectation-failed", "Expectation failed"),
  INVALID_INPUT(422, "invalid-input", "Invalid input"),
  UPGRADE_REQUIRED(426, "upgrade-required", "Upgrade required"),
  PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
  TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
  HEADERS_TOO_LARGE(431, "headers-too-large", "Headers too large"),
  INTERNAL(500, "internal", "Internal error"),
  NOT_IMPLEMENTED(501, "not-implemented", "Not implemented"),
  UNAVAILABLE(503, "unavailable", "Service unavailable"),
  HTTP_VERSION_NOT_SUPPORTED(505, "http-version-not-supported", "HTTP version not supported");

  private final int status;
  private final String code;
  private final String title;

  ProblemType(int status, String code, String title) {
    this.status = status;
    this.code = code;
    this.title = title;
  }

  /** The status this type is answered with. */
  public int status() {
    return status;
  }

  /** The last part of the type URI, e.g. {@code invalid-input}. */
  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  /** The type of this code, if it is one. */
  public static Optional<ProblemType> of(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  /**
   * The type of a status answered without a more specific reason (by Jetty or Javalin): the first
   * type of that status, else {@code bad-request} for a client error and {@code internal} for a
   * server error.
   */
  public static ProblemType ofStatus(int status) {
    return Arrays.stream(values())
        .filter(t -> t.status == status)
        .findFirst()
        .orElse(status < 500 ? BAD_REQUEST : INTERNAL);
  }
}
