package org.asylex.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.asylex.app.users.Role;

/**
 * One route of the API: the single place that says which roles may call it. The server registers
 * routes from this table only, and the authorisation test and the OpenAPI check are generated from
 * the same table, so a new route cannot be added without being authorised, tested and documented.
 *
 * @param path a Javalin path with {@code {name}} parameters, e.g. {@code /api/v1/cases/{id}}
 * @param roles who may call it; empty for a public route (health, the API description)
 * @param operationId the {@code operationId} of this route in the OpenAPI document
 */
public record ApiRoute(
    HandlerType method, String path, Set<Role> roles, String operationId, Handler handler) {
  public ApiRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(handler, "handler");
  }

  public boolean isPublic() {
    return roles.isEmpty();
  }

  public static ApiRoute publicRoute(
      HandlerType method, String path, String operationId, Handler handler) {
    return new ApiRoute(method, path, Set.of(), operationId, handler);
  }

  public static ApiRoute of(
      HandlerType method, String path, String operationId, Handler handler, Role... roles) {
    if (roles.length == 0) {
      throw new IllegalArgumentException(path + ": a protected route needs at least one role");
    }
    return new ApiRoute(method, path, Set.of(roles), operationId, handler);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
