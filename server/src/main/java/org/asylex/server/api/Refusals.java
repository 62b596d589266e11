package org.asylex.server.api;

import io.javalin.http.Handler;
import java.util.List;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.engine.assessment.InputError;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.FieldError;
import org.asylex.server.http.ProblemType;
import org.asylex.server.http.Problems;

/**
 * The one mapping of a use case's refusal to a problem: its status and type by the kind of refusal,
 * the refusal's own words as the detail, and field errors that point where the request gave what
 * was refused. Where that is depends on the route ({@link Inputs}): a JSON body (422) or query
 * parameters (400).
 */
final class Refusals {
  private Refusals() {}

  /**
   * How a route's request names what a use case may refuse: pointers into a JSON body, or query
   * parameters ({@code valuePrefix} before a value's name, e.g. {@code fact.} for list filters).
   */
  record Inputs(boolean body, String valuePrefix) {
    /** A JSON body, or no input a use case can refuse. */
    static final Inputs BODY = new Inputs(true, "");

    static Inputs query(String valuePrefix) {
      return new Inputs(false, valuePrefix);
    }

    FieldError value(String name, String code, String detail) {
      String named = valuePrefix + name;
      return body
          ? FieldError.at("/" + BodyFields.pointerEscape(named), code, detail)
          : FieldError.parameter(named, code, detail);
    }

    /** An assumption value, or with a null id all of them together. */
    FieldError assumption(String id, String code, String detail) {
      if (body) {
        return FieldError.at(
            "/assumptions" + (id == null ? "" : "/" + BodyFields.pointerEscape(id)), code, detail);
      }
      return FieldError.parameter(PolicyRoutes.ASSUMPTION + (id == null ? "*" : id), code, detail);
    }

    ApiProblem invalid(String detail, List<FieldError> errors) {
      return body
          ? ApiProblem.invalid(detail, errors)
          : new ApiProblem(ProblemType.INVALID_PARAMETER, detail, errors);
    }
  }

  /** {@code handler}, with refusals answered as problems of a route that takes a JSON body. */
  static Handler answered(Handler handler) {
    return answered(Inputs.BODY, handler);
  }

  /** {@code handler}, with refusals answered as problems, naming inputs as {@code inputs} do. */
  static Handler answered(Inputs inputs, Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (Refused e) {
        throw problem(e.refusal(), inputs);
      }
    };
  }

  /** The problem that answers {@code refusal}. */
  static ApiProblem problem(Refusal refusal, Inputs inputs) {
    if (refusal instanceof Refusal.CaseNotFound
        || refusal instanceof Refusal.AssessmentNotFound
        || refusal instanceof Refusal.UserNotFound
        || refusal instanceof Refusal.PackNotFound
        || refusal instanceof Refusal.NoPackDirectory) {
      return ApiProblem.notFound(refusal.message());
    }
    if (refusal instanceof Refusal.CaseExists) {
      return Problems.alreadyExists("/id", refusal.message());
    }
    if (refusal instanceof Refusal.UserExists) {
      return Problems.alreadyExists("/name", refusal.message());
    }
    if (refusal instanceof Refusal.AccountDisabled) {
      return new ApiProblem(ProblemType.ACCOUNT_DISABLED, refusal.message());
    }
    if (refusal instanceof Refusal.LastAdmin) {
      return new ApiProblem(ProblemType.LAST_ADMIN, refusal.message());
    }
    if (refusal instanceof Refusal.StaleVersion s) {
      return staleVersion(s);
    }
    if (refusal instanceof Refusal.CaseKeptChanging) {
      // No If-Match to point at: the request named no version.
      return new ApiProblem(ProblemType.STALE_VERSION, refusal.message());
    }
    if (refusal instanceof Refusal.PackUnusable) {
      // A server starts only when every pack is usable: this is the server's fault, not the
      // request's.
      return new ApiProblem(ProblemType.UNAVAILABLE, refusal.message());
    }
    return invalid(refusal, inputs);
  }

  /** 412: the version {@code If-Match} names is not the case's current one. */
  private static ApiProblem staleVersion(Refusal.StaleVersion s) {
    return new ApiProblem(
        ProblemType.STALE_VERSION,
        s.message(),
        List.of(
            FieldError.parameter(
                "If-Match",
                "stale-version",
                "not the current version (ETag " + Params.etag(s.actual()) + ")")));
  }

  private static ApiProblem invalid(Refusal refusal, Inputs inputs) {
    if (refusal instanceof Refusal.InvalidFacts f) {
      return invalidFacts(f);
    }
    if (refusal instanceof Refusal.InvalidAssumptions a) {
      return inputs.invalid(
          a.message(),
          a.problems().stream()
              .map(p -> inputs.assumption(p.id(), p.code(), p.message()))
              .toList());
    }
    if (refusal instanceof Refusal.PolicyConflict c) {
      return inputs.invalid(c.message(), List.of(inputs.assumption(null, c.code(), c.detail())));
    }
    if (refusal instanceof Refusal.BadCaseId b) {
      return ApiProblem.invalid(b.message(), List.of(FieldError.at("/id", b.code(), b.message())));
    }
    if (refusal instanceof Refusal.InvalidValue v) {
      // The message names the value as the use case knows it; a parameter may add a prefix.
      return inputs.invalid(
          inputs.valuePrefix() + v.message(),
          List.of(inputs.value(v.field(), v.code(), v.problem())));
    }
    throw new IllegalStateException("no problem for the refusal " + refusal.code());
  }

  /**
   * 422 for facts that are not valid input. A request's facts are reported as every other error of
   * the request is ({@link ApiProblem#invalidRequest}), since they are often reported together; a
   * case's stored facts are pointed at in the case as {@code GET /api/v1/cases/{id}} shows it.
   */
  private static ApiProblem invalidFacts(Refusal.InvalidFacts f) {
    if (!f.stored()) {
      return ApiProblem.invalidRequest(fieldErrors(f.errors(), ""));
    }
    return ApiProblem.invalid(
        f.message() + " (the pointers are into the case as read); correct them with PATCH",
        fieldErrors(f.errors(), "/facts"));
  }

  /**
   * Input errors as field errors, {@code prefix} before each pointer, worded without the value that
   * was given: a request's facts are personal data, and an answer may end up in a log.
   */
  static List<FieldError> fieldErrors(List<InputError> errors, String prefix) {
    return errors.stream()
        .map(e -> FieldError.at(prefix + e.pointer(), e.code(), e.messageWithoutValue()))
        .toList();
  }
}
