package org.asylex.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.policy.PolicyQueries;
import org.asylex.app.users.Role;
import org.asylex.json.PackJson;
import org.asylex.json.PolicyDiffJson;
import org.asylex.json.TimelineJson;
import org.asylex.server.http.ApiRoute;

/**
 * The policy packs, for legal readers: the list, one pack in full, its timeline and what differs
 * between two dates, as {@code asylex policy show|timeline|diff} print them. Timeline and diff take
 * assumption values as {@code assumption.<id>=<value>} parameters over the deployment's.
 */
final class PolicyRoutes {
  static final String ASSUMPTION = "assumption.";

  private final PolicyQueries queries;
  private final PolicyCatalog policies;

  private PolicyRoutes(PolicyQueries queries, PolicyCatalog policies) {
    this.queries = queries;
    this.policies = policies;
  }

  static List<ApiRoute> routes(PolicyQueries queries, PolicyCatalog policies) {
    var r = new PolicyRoutes(queries, policies);
    Role[] any = Role.values();
    Refusals.Inputs query = Refusals.Inputs.query("");
    return List.of(
        ApiRoute.of(HandlerType.GET, "/api/v1/policies", "listPolicies", r::list, any),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/policies/{id}",
            "getPolicy",
            Refusals.answered(query, r::get),
            any),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/policies/{id}/timeline",
            "getPolicyTimeline",
            Refusals.answered(query, r::timeline),
            any),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/policies/{id}/diff",
            "getPolicyDiff",
            Refusals.answered(query, r::diff),
            any));
  }

  private void list(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    var root = new LinkedHashMap<String, Object>();
    root.put("items", policies.packs().stream().map(PackJson::summary).toList());
    JsonResponses.send(ctx, 200, root);
  }

  private void get(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    PolicyQueries.PackView view = queries.pack(ctx.pathParam("id"), java.util.Map.of());
    JsonResponses.send(ctx, 200, PackJson.detail(view.pack(), view.values()));
  }

  private void timeline(Context ctx) {
    Params.only(ctx, Set.of(), Set.of(ASSUMPTION));
    PolicyQueries.PackView view = view(ctx);
    JsonResponses.send(ctx, 200, TimelineJson.tree(view.pack(), view.values()));
  }

  private void diff(Context ctx) {
    Params.only(ctx, Set.of("from", "to"), Set.of(ASSUMPTION));
    PolicyQueries.PackView view = view(ctx);
    LocalDate from = Params.date(ctx, "from", true).orElseThrow();
    LocalDate to = Params.date(ctx, "to", true).orElseThrow();
    PolicyQueries.DiffView diff = queries.diff(view, from, to);
    JsonResponses.send(ctx, 200, PolicyDiffJson.tree(diff.pack(), diff.values(), diff.diff()));
  }

  /**
   * The pack of the path with the request's {@code assumption.<id>} values over the deployment's.
   */
  private PolicyQueries.PackView view(Context ctx) {
    return queries.pack(ctx.pathParam("id"), Params.prefixed(ctx, ASSUMPTION));
  }
}
