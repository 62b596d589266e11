package org.asylex.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyDiff;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.server.auth.Role;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.ApiRoute;

/**
 * The policy packs, for legal readers: the list, one pack in full, its timeline and what differs
 * between two dates, as {@code asylex policy show|timeline|diff} print them. Timeline and diff take
 * assumption values as {@code assumption.<id>=<value>} parameters over the deployment's.
 */
final class PolicyRoutes {
  static final String ASSUMPTION = "assumption.";

  private final PolicyCatalog policies;

  private PolicyRoutes(PolicyCatalog policies) {
    this.policies = policies;
  }

  static List<ApiRoute> routes(PolicyCatalog policies) {
    var r = new PolicyRoutes(policies);
    Role[] any = Role.values();
    return List.of(
        ApiRoute.of(HandlerType.GET, "/api/v1/policies", "listPolicies", r::list, any),
        ApiRoute.of(HandlerType.GET, "/api/v1/policies/{id}", "getPolicy", r::get, any),
        ApiRoute.of(
            HandlerType.GET,
            "/api/v1/policies/{id}/timeline",
            "getPolicyTimeline",
            r::timeline,
            any),
        ApiRoute.of(HandlerType.GET, "/api/v1/policies/{id}/diff", "getPolicyDiff", r::diff, any));
  }

  private void list(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    var root = new LinkedHashMap<String, Object>();
    root.put("items", policies.packs().stream().map(PackJson::summary).toList());
    JsonResponses.send(ctx, 200, root);
  }

  private void get(Context ctx) {
    Params.only(ctx, Set.of(), Set.of());
    PolicyPack pack = pack(ctx);
    JsonResponses.send(ctx, 200, PackJson.detail(pack, policies.values(pack)));
  }

  private void timeline(Context ctx) {
    Params.only(ctx, Set.of(), Set.of(ASSUMPTION));
    PolicyPack pack = pack(ctx);
    JsonResponses.send(ctx, 200, PackJson.timeline(pack, values(ctx, pack)));
  }

  private void diff(Context ctx) {
    Params.only(ctx, Set.of("from", "to"), Set.of(ASSUMPTION));
    PolicyPack pack = pack(ctx);
    LocalDate from = Params.date(ctx, "from", true).orElseThrow();
    LocalDate to = Params.date(ctx, "to", true).orElseThrow();
    if (from.isAfter(to)) {
      throw Params.invalid("to", "before-from", "to must not lie before from");
    }
    AssumptionValues values = values(ctx, pack);
    JsonResponses.send(
        ctx, 200, PackJson.diff(pack, values, PolicyDiff.of(pack, values, from, to)));
  }

  private PolicyPack pack(Context ctx) {
    return policies
        .byId(ctx.pathParam("id"))
        .orElseThrow(() -> ApiProblem.notFound("there is no policy pack with this id"));
  }

  /** The deployment's assumption values with the request's {@code assumption.<id>} over them. */
  private AssumptionValues values(Context ctx, PolicyPack pack) {
    Map<String, String> requested = Params.prefixed(ctx, ASSUMPTION);
    for (AssumptionChecks.Problem p : AssumptionChecks.check(pack, requested)) {
      throw Params.invalid(ASSUMPTION + p.id(), p.code(), p.detail());
    }
    if (requested.isEmpty()) {
      return policies.values(pack);
    }
    var all = new LinkedHashMap<>(policies.overrides(pack));
    all.putAll(requested);
    return AssumptionValues.withOverrides(pack, all);
  }
}
