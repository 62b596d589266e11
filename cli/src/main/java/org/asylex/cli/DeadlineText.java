package org.asylex.cli;

import java.io.PrintWriter;
import org.asylex.app.impact.Deadlines;
import org.asylex.app.impact.Why;
import org.asylex.engine.policy.Outcome;

/** {@code case list --filter lapses-within=N}: the cases whose findings change soon, and when. */
final class DeadlineText {
  private final PrintWriter out;

  DeadlineText(PrintWriter out) {
    this.out = out;
  }

  void print(Deadlines.Page page) {
    if (!page.items().isEmpty()) {
      int idWidth =
          Math.max(2, page.items().stream().mapToInt(d -> d.id().length()).max().orElse(2));
      String format = "%-" + idWidth + "s  %-10s  %-31s  %-34s  %s%n";
      out.printf(format, "ID", "DATE", "ELEMENT", "CHANGE", "WHY");
      for (Deadlines.Deadline d : page.items()) {
        out.printf(
            format,
            Terminal.safe(d.id()),
            d.date(),
            d.element(),
            d.before().map(Outcome::id).orElse("-")
                + " → "
                + d.after().map(Outcome::id).orElse("-"),
            why(d.why()));
      }
    }
    long total = page.total();
    out.println(
        page.items().size()
            + " of "
            + total
            + (total == 1 ? " case" : " cases")
            + " with a finding that changes after "
            + page.today()
            + " and by "
            + page.today().plusDays(page.days())
            + (page.offset() + page.items().size() < total
                ? "; --offset " + (page.offset() + page.items().size()) + " for more"
                : ""));
  }

  private static String why(Why why) {
    if (why instanceof Why.BoundaryCrossed b) {
      return "rule "
          + b.rule()
          + switch (b.crossing()) {
            case LAPSES -> " lapses";
            case COMES_INTO_FORCE -> " comes into force";
            case NEW_VERSION -> " has a new version";
          }
          + b.assumption().map(a -> " (date from assumption " + a + ")").orElse("");
    }
    return "the facts read differently on that date";
  }
}
