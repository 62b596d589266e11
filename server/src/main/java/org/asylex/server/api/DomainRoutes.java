package org.asylex.server.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.asylex.server.http.ApiRoute;
import org.asylex.store.Store;

/**
 * The routes of the domain: policies, stateless assessments, cases and their stored assessments.
 * Roles are given in each group's route table and nowhere else.
 */
public final class DomainRoutes {
  private DomainRoutes() {}

  /** Every domain route, in the order of the API description. */
  public static List<ApiRoute> routes(Store store, PolicyCatalog policies, Clock clock) {
    var routes = new ArrayList<ApiRoute>();
    routes.addAll(AssessmentRoutes.routes(policies));
    routes.addAll(PolicyRoutes.routes(policies));
    routes.addAll(CaseRoutes.routes(store, policies, clock));
    routes.addAll(CaseAssessmentRoutes.routes(store, policies, clock));
    return List.copyOf(routes);
  }
}
