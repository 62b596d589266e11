package org.asylex.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.json.Json;
import org.asylex.server.auth.Throttled;
import org.asylex.server.auth.Unauthenticated;
import org.asylex.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns everything that goes wrong into an RFC 9457 {@code application/problem+json} answer: the
 * handlers' {@link ApiProblem}s, failed authentication, a store that failed (503), Javalin's own
 * 404, 405 and 413, and any other exception (500 {@code internal}, logged here with its stack trace
 * but without its message, which may hold request data; the client sees only the request id).
 */
public final class Problems {
  /** The media type of every error response. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** Problem types are {@code urn:asylex:problem:<code>}. */
  public static final String TYPE_PREFIX = "urn:asylex:problem:";

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  private static final String WRITTEN = "asylex.problemWritten";

  private Problems() {}

  /** Maps every exception, and the error statuses Javalin answers itself, to a problem. */
  public static void register(RoutesConfig routes) {
    routes.exception(ApiProblem.class, (e, ctx) -> write(ctx, e));
    registerAuthentication(routes);
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          if (e.getStatus() >= 500) {
            internal(ctx, e);
          } else {
            write(ctx, fromJavalin(e, ctx));
          }
        });
    routes.exception(ValidationException.class, (e, ctx) -> write(ctx, fromValidation(e)));
    // The use cases' refusals are answered by the routes (Refusals in the api package), which
    // know how the request named what was refused; what is left of the store is its failure.
    routes.exception(
        StoreException.class,
        (e, ctx) -> {
          logFailure(ctx, e);
          ctx.header("Retry-After", "5");
          write(
              ctx,
              new ApiProblem(
                  ProblemType.UNAVAILABLE,
                  "The case store is not available; try again later (request id "
                      + RequestIds.of(ctx)
                      + ")."));
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          if (SlowClients.TooSlow.in(e)) {
            // the body was cut off by SlowClients while the request waited for it
            ctx.header("Connection", "close");
            write(ctx, generic(408));
          } else {
            internal(ctx, e);
          }
        });
    // Javalin answers 404 and 405 by throwing, which the mappings above catch; these cover a
    // status set without an exception, so no error status ever goes out without a problem body.
    for (int status : new int[] {400, 404, 405, 413, 415, 500, 503}) {
      routes.error(
          status,
          ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
              write(ctx, generic(status));
            }
          });
    }
  }

  /** Failed authentication (401) and token checks refused for now (429, 503; Retry-After). */
  private static void registerAuthentication(RoutesConfig routes) {
    routes.exception(
        Unauthenticated.class,
        (e, ctx) -> {
          ctx.header("WWW-Authenticate", e.challenge());
          write(
              ctx,
              new ApiProblem(
                  ProblemType.UNAUTHENTICATED,
                  e.credentialGiven()
                      ? "The bearer credential is not valid."
                      : "This route needs an Authorization: Bearer credential."));
        });
    routes.exception(
        Throttled.class,
        (e, ctx) -> {
          ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
          write(
              ctx,
              new ApiProblem(
                  e.tooManyFailures() ? ProblemType.TOO_MANY_REQUESTS : ProblemType.UNAVAILABLE,
                  e.getMessage()));
        });
  }

  /** Answers 500 {@code internal}: logs the failure (without messages), tells only the id. */
  public static void internal(Context ctx, Throwable e) {
    logFailure(ctx, e);
    write(
        ctx,
        new ApiProblem(
            ProblemType.INTERNAL,
            "an internal error occurred; quote request id " + RequestIds.of(ctx)));
  }

  /**
   * Answers 500 {@code internal} for an {@link Error} (a stack overflow, out of memory) thrown by a
   * handler, which Javalin does not pass to the exception mappings.
   */
  public static void javaLangError(HttpServletResponse response, Error e) {
    String requestId = response.getHeader(RequestIds.HEADER);
    if (requestId == null) {
      requestId = RequestIds.next();
      response.setHeader(RequestIds.HEADER, requestId);
    }
    LOG.atError()
        .setMessage("request failed")
        .addKeyValue("requestId", requestId)
        .setCause(WithheldMessage.of(e))
        .log();
    if (response.isCommitted()) {
      return;
    }
    try {
      response.resetBuffer();
      response.setStatus(500);
      response.setContentType(MEDIA_TYPE);
      response
          .getOutputStream()
          .write(
              json(
                      new ApiProblem(
                          ProblemType.INTERNAL,
                          "an internal error occurred; quote request id " + requestId),
                      "",
                      requestId)
                  .getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException ignored) {
      // the client is gone or the response is broken: nothing more to tell it
    }
  }

  private static void logFailure(Context ctx, Throwable e) {
    LOG.atError()
        .setMessage("request failed")
        .addKeyValue("requestId", RequestIds.of(ctx))
        .addKeyValue("route", RequestLog.routeOf(ctx))
        .setCause(WithheldMessage.of(e))
        .log();
  }

  /** Writes the problem as the response: status, media type and body. */
  public static void write(Context ctx, ApiProblem problem) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
    ctx.status(problem.status());
    ctx.contentType(MEDIA_TYPE);
    ctx.result(json(problem, ctx.path(), RequestIds.of(ctx)));
  }

  /** The problem document, as the body of a response to a request for this path. */
  public static String json(ApiProblem problem, String instance, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_PREFIX + problem.type());
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("instance", instance);
    body.put("requestId", requestId);
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError error : problem.errors()) {
      Map<String, String> e = new LinkedHashMap<>();
      if (error.pointer() != null) {
        e.put("pointer", error.pointer());
      } else {
        e.put("parameter", error.parameter());
      }
      e.put("code", error.code());
      e.put("detail", error.detail());
      errors.add(e);
    }
    body.put("errors", errors);
    try {
      return Json.MAPPER.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  /**
   * A problem for a status answered without a more specific reason: by Jetty (a request it cannot
   * parse), by Javalin, or a status set without an exception.
   */
  public static ApiProblem generic(int status) {
    ProblemType type = ProblemType.ofStatus(status);
    return new ApiProblem(status, type, genericDetail(type), List.of());
  }

  private static String genericDetail(ProblemType type) {
    return switch (type) {
      case UNAUTHENTICATED -> "This route needs a bearer credential.";
      case FORBIDDEN -> "Your role may not use this route.";
      case NOT_FOUND -> "there is nothing at this path";
      case METHOD_NOT_ALLOWED -> "This path does not support this method.";
      case REQUEST_TIMEOUT -> "The request did not arrive in time; send it again, faster.";
      case BODY_TOO_LARGE -> "The request body is larger than allowed.";
      case URI_TOO_LONG -> "The request line is longer than the server accepts.";
      case UNSUPPORTED_MEDIA_TYPE -> "The body must be application/json.";
      case EXPECTATION_FAILED -> "The server takes no Expect but 100-continue.";
      case UPGRADE_REQUIRED, HTTP_VERSION_NOT_SUPPORTED -> "The API speaks HTTP/1.1.";
      case TOO_MANY_REQUESTS -> "Too many requests; wait as Retry-After says.";
      case HEADERS_TOO_LARGE -> "The request headers are larger than the server accepts.";
      case NOT_IMPLEMENTED -> "The server does not support what the request asks for.";
      case UNAVAILABLE -> "The service is not available now.";
      case INTERNAL -> "an internal error occurred";
      default -> "The request is not valid.";
    };
  }

  /** 403: the credential is good but its role may not call this route. */
  public static ApiProblem forbidden() {
    return forbidden("Your role may not use this route.");
  }

  /** 403 with its own reason, such as a JWT that names no role. */
  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(ProblemType.FORBIDDEN, detail);
  }

  /** 413: the body is over the limit. */
  public static ApiProblem bodyTooLarge() {
    return new ApiProblem(ProblemType.BODY_TOO_LARGE, "The request body is larger than allowed.");
  }

  /**
   * 409: the id or name the body gives is taken.
   *
   * @param pointer the body's top-level member that is taken, e.g. {@code /name}
   */
  public static ApiProblem alreadyExists(String pointer, String detail) {
    return new ApiProblem(
        ProblemType.ALREADY_EXISTS,
        detail,
        List.of(
            FieldError.at(
                pointer,
                "already-exists",
                "the " + pointer.substring(1) + " is taken: choose another")));
  }

  private static ApiProblem fromJavalin(HttpResponseException e, Context ctx) {
    if (e.getStatus() == 405) {
      // One entry, "availableMethods", or "Available methods" when the client accepts HTML.
      List<String> methods = new ArrayList<>();
      for (String listed : e.getDetails().values()) {
        for (String method : listed.split(",")) {
          methods.add(method.strip());
        }
      }
      String allow = HeadRequests.allow(ctx.path(), methods);
      if (!allow.isEmpty()) {
        ctx.header("Allow", allow);
      }
    }
    return generic(e.getStatus());
  }

  private static ApiProblem fromValidation(ValidationException e) {
    List<FieldError> errors = new ArrayList<>();
    e.getErrors()
        .keySet()
        .forEach(
            name ->
                errors.add(
                    FieldError.parameter(
                        name, "invalid", "The value of " + name + " is not valid.")));
    return new ApiProblem(ProblemType.INVALID_PARAMETER, "A parameter is not valid.", errors);
  }
}
