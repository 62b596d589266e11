package org.asylex.web;

import io.javalin.config.JavalinConfig;
import java.util.EnumSet;
import java.util.List;
import org.asylex.app.audit.AuditLog;
import org.asylex.app.users.Role;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.store.AuditEvent;

/**
 * The start pages of the roles without cases: the policy packs (policy analyst), the audit trail
 * (auditor); the accounts (admin) are {@link AccountPages}. Each calls the use case its API route
 * calls.
 */
public final class StartPages {
  private final Site site;

  StartPages(Site site) {
    this.site = site;
  }

  public record PolicyListPage(Frame frame, List<PolicyPack> packs) {}

  public record AuditPage(Frame frame, AuditLog.Page page, long from) {
    public List<AuditEvent> events() {
      return page.events();
    }
  }

  void mount(JavalinConfig javalin) {
    site.get(
        javalin,
        "/policy",
        EnumSet.of(Role.POLICY_ANALYST),
        (ctx, v) ->
            site.pages.render(
                ctx, "policy.jte", new PolicyListPage(v.frame(), site.app.policies().packs())));
    site.get(
        javalin,
        "/audit",
        EnumSet.of(Role.AUDITOR),
        (ctx, v) -> {
          long from = Forms.whole(ctx.queryParam("from"), 1, 1, Long.MAX_VALUE - 1);
          site.pages.render(
              ctx, "audit.jte", new AuditPage(v.frame(), site.app.audit().events(from, 50), from));
        });
  }
}
