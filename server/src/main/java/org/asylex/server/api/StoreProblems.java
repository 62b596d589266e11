package org.asylex.server.api;

import io.javalin.http.Handler;
import java.util.List;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.FieldError;
import org.asylex.store.CaseAlreadyExists;
import org.asylex.store.CaseNotFound;
import org.asylex.store.StoreException;
import org.asylex.store.VersionConflict;

/**
 * Turns the store's exceptions a client can act on into problems with their status and a pointer or
 * header to act on; any other store failure is left to the server's mapping (503, logged, without
 * its message, which may name the database or its SQL).
 */
final class StoreProblems {
  private StoreProblems() {}

  /** {@code handler}, with store exceptions answered as problems. */
  static Handler guard(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (StoreException e) {
        throw problem(e);
      }
    };
  }

  static RuntimeException problem(StoreException e) {
    if (e instanceof CaseNotFound) {
      return caseNotFound();
    }
    if (e instanceof CaseAlreadyExists) {
      return new ApiProblem(
          409,
          "already-exists",
          "Already exists",
          "there is already a case with this id",
          List.of(FieldError.at("/id", "already-exists", "the id is taken: choose another")));
    }
    if (e instanceof VersionConflict v) {
      return staleVersion(v.actualVersion());
    }
    // Any other failure goes to the server's mapping: logged there, 503 without its message.
    throw e;
  }

  static ApiProblem caseNotFound() {
    return ApiProblem.notFound("there is no case with this id");
  }

  /** 412: the If-Match version is not the case's current one. */
  static ApiProblem staleVersion(long current) {
    return new ApiProblem(
        412,
        "stale-version",
        "Precondition failed",
        "the case was changed by someone else: it is now at ETag \""
            + current
            + "\"; read it again and reapply the change",
        List.of(
            FieldError.parameter(
                "If-Match",
                "stale-version",
                "not the current version (ETag \"" + current + "\")")));
  }
}
