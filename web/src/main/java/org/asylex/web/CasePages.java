package org.asylex.web;

import io.javalin.config.JavalinConfig;
import java.util.EnumSet;
import org.asylex.app.cases.CaseFiles;
import org.asylex.app.users.Role;
import org.asylex.store.CaseFilter;

/**
 * The officer's case pages: each calls the use case its API route calls, so it is audited alike.
 */
public final class CasePages {
  static final int PAGE_SIZE = 25;
  private final Site site;

  CasePages(Site site) {
    this.site = site;
  }

  public record CaseListPage(Frame frame, CaseFiles.Page page) {
    public boolean hasPrevious() {
      return page.offset() > 0;
    }

    public boolean hasNext() {
      return page.offset() + page.items().size() < page.total();
    }
  }

  void mount(JavalinConfig javalin) {
    site.get(
        javalin,
        "/cases",
        EnumSet.of(Role.OFFICER),
        (ctx, v) -> {
          int offset = (int) Forms.whole(ctx.queryParam("offset"), 0, 0, Integer.MAX_VALUE);
          CaseFiles.Page page =
              site.app.cases().list(CaseFilter.all(), offset, PAGE_SIZE, v.actor());
          site.pages.render(ctx, "cases.jte", new CaseListPage(v.frame(), page));
        });
  }
}
