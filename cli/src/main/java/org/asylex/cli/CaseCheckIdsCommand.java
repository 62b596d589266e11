package org.asylex.cli;

import org.asylex.app.Application;
import org.asylex.app.cases.CaseFiles;
import org.asylex.app.cases.CaseIds;
import picocli.CommandLine.Command;

/**
 * {@code asylex case check-ids}: lists stored case ids that break the rule for new ids, which an
 * older {@code case import} let in.
 */
@Command(
    name = "check-ids",
    description = {
      "List the stored case ids that break the rule for new ids: " + CaseIds.RULE + ".",
      "An older 'case import' stored any id ('..', 'a/../b', text with quotes); the HTTP API does"
          + " not serve such a case (it answers 404), the command line still does. Each offending"
          + " id is printed on a line of its own (control characters escaped), then a count.",
      "Exit 0 when every id follows the rule, 1 when some do not. Reads ids only (audit event"
          + " case.ids)."
    },
    mixinStandardHelpOptions = true)
final class CaseCheckIdsCommand extends StoreCommand {
  @Override
  int run(Application app, String actor) {
    CaseFiles.IdCheck check = app.cases().checkIds(actor);
    for (String id : check.offending()) {
      out().println(Terminal.safe(id));
    }
    if (check.offending().isEmpty()) {
      err().println("asylex: all " + check.checked() + " case ids follow the rule");
      return 0;
    }
    err()
        .println(
            "asylex: "
                + check.offending().size()
                + " of "
                + check.checked()
                + " case ids break the rule ("
                + CaseIds.RULE
                + ")");
    return Main.DIFFERENT;
  }
}
