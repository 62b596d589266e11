package org.asylex.server.api;

import java.util.ArrayList;
import java.util.List;
import org.asylex.app.Application;
import org.asylex.server.http.ApiRoute;

/**
 * The routes of the domain: policies, stateless assessments, cases and their stored assessments,
 * each over one use case of the application. Roles are given in each group's route table and
 * nowhere else.
 */
public final class DomainRoutes {
  private DomainRoutes() {}

  /** Every domain route, in the order of the API description. */
  public static List<ApiRoute> routes(Application app) {
    var routes = new ArrayList<ApiRoute>();
    routes.addAll(AssessmentRoutes.routes(app.assessing()));
    routes.addAll(PolicyRoutes.routes(app.policyQueries(), app.policies()));
    routes.addAll(
        CaseRoutes.routes(
            app.cases(), app.deadlines(), app.caseSearch(), app.policies(), app.today()));
    routes.addAll(CaseAssessmentRoutes.routes(app.assessments()));
    routes.addAll(ImpactRoutes.routes(app));
    return List.copyOf(routes);
  }
}
