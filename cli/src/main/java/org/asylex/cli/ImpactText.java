package org.asylex.cli;

import static org.asylex.cli.TextFormat.nlEn;

import java.io.PrintWriter;
import java.util.Optional;
import org.asylex.app.impact.ImpactReport;
import org.asylex.app.impact.ImpactSentences;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.text.Language;

/**
 * An impact report for a person, in Dutch or English: per element the transitions and the groups
 * gained or lost, then a summary that says, for every change, how many cases it moves, what moved
 * them and the sentence of the letter behind it. Rendered from the report's data alone.
 */
final class ImpactText {
  private final PrintWriter out;
  private final Language lang;
  private final ImpactSentences words;

  ImpactText(PrintWriter out, Language lang) {
    this.out = out;
    this.lang = lang;
    this.words = new ImpactSentences(lang);
  }

  String sentence(ImpactReport.ElementImpact e, ImpactReport.Change c) {
    return words.sentence(e, c);
  }

  private String outcome(Optional<Outcome> o) {
    return words.outcome(o);
  }

  private String point(ImpactReport.Point p) {
    return words.point(p);
  }

  private String cases(long n) {
    return words.cases(n);
  }

  private String count(long n) {
    return words.count(n);
  }

  void print(ImpactReport r) {
    out.println(
        nlEn(lang, "Impact op ", "Impact on ")
            + cases(r.cases())
            + (r.rejected() > 0
                ? nlEn(lang, " (", " (")
                    + count(r.rejected())
                    + nlEn(lang, " regels afgewezen)", " lines rejected)")
                : "")
            + ": "
            + point(r.from())
            + " → "
            + point(r.to()));
    r.factsAsOf()
        .ifPresent(
            f ->
                out.println(
                    nlEn(lang, "Feiten zoals vastgelegd op ", "Facts as recorded at ")
                        + f.at()
                        + (f.createdAfter() > 0
                            ? nlEn(lang, "; ", "; ")
                                + cases(f.createdAfter())
                                + nlEn(
                                    lang,
                                    " later aangemaakt en weggelaten",
                                    " created later and left out")
                            : "")));
    for (ImpactReport.ElementImpact e : r.elements()) {
      out.println();
      out.println(e.element() + (e.title() == null ? "" : " (" + e.title().in(lang) + ")"));
      for (ImpactReport.Transition t : e.transitions()) {
        out.printf("  %-24s → %-24s %12s%n", outcome(t.from()), outcome(t.to()), count(t.count()));
      }
      for (ImpactReport.GroupChange g : e.groups()) {
        out.println(
            "  "
                + nlEn(lang, "groep ", "group ")
                + g.group()
                + ": +"
                + count(g.gained())
                + " −"
                + count(g.lost()));
      }
    }
    out.println();
    out.println(nlEn(lang, "Samenvatting:", "Summary:"));
    boolean any = false;
    for (ImpactReport.ElementImpact e : r.elements()) {
      for (ImpactReport.Change c : e.changes()) {
        out.println(TextFormat.wrap(sentence(e, c), "  "));
        any = true;
      }
    }
    if (!any) {
      out.println(nlEn(lang, "  Geen bevinding verandert.", "  No finding changes."));
    }
  }

  /** The transitions as CSV: one row per element and pair of outcomes. */
  static void csv(PrintWriter out, ImpactReport r) {
    out.println("element,from,to,count");
    for (ImpactReport.ElementImpact e : r.elements()) {
      for (ImpactReport.Transition t : e.transitions()) {
        out.println(
            e.element()
                + ","
                + t.from().map(Outcome::id).orElse("")
                + ","
                + t.to().map(Outcome::id).orElse("")
                + ","
                + t.count());
      }
    }
  }
}
