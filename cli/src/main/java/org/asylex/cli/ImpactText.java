package org.asylex.cli;

import static org.asylex.cli.TextFormat.nlEn;

import java.io.PrintWriter;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.asylex.app.impact.ImpactReport;
import org.asylex.app.impact.Quote;
import org.asylex.app.impact.Why;
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
  private final NumberFormat numbers;

  ImpactText(PrintWriter out, Language lang) {
    this.out = out;
    this.lang = lang;
    this.numbers =
        NumberFormat.getIntegerInstance(
            lang == Language.NL ? Locale.forLanguageTag("nl") : Locale.ENGLISH);
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

  /** One change as a sentence: "2 cases lose: Decision moratorium … (applies → …) on …". */
  String sentence(ImpactReport.ElementImpact e, ImpactReport.Change c) {
    String title = e.title() == null ? e.element() : e.title().in(lang);
    String verb;
    if (c.from().equals(c.to())) {
      verb = nlEn(lang, "houden maar met andere groepen", "keep but with other groups");
    } else if (c.from().equals(Optional.of(Outcome.APPLIES))) {
      verb = c.count() == 1 ? nlEn(lang, "verliest", "loses") : nlEn(lang, "verliezen", "lose");
    } else if (c.to().equals(Optional.of(Outcome.APPLIES))) {
      verb = c.count() == 1 ? nlEn(lang, "krijgt", "gains") : nlEn(lang, "krijgen", "gain");
    } else {
      verb =
          c.count() == 1 ? nlEn(lang, "verandert", "changes") : nlEn(lang, "veranderen", "change");
    }
    return cases(c.count())
        + " "
        + verb
        + ": "
        + title
        + " ("
        + outcome(c.from())
        + " → "
        + outcome(c.to())
        + ")"
        + why(c.why())
        + quotes(c);
  }

  private String why(Why why) {
    if (why instanceof Why.BoundaryCrossed b) {
      String what =
          switch (b.crossing()) {
            case LAPSES ->
                nlEn(lang, "regel " + b.rule() + " vervalt", "rule " + b.rule() + " lapses");
            case COMES_INTO_FORCE ->
                nlEn(
                    lang,
                    "regel " + b.rule() + " treedt in werking",
                    "rule " + b.rule() + " comes into force");
            case NEW_VERSION ->
                nlEn(
                    lang,
                    "een nieuwe versie van regel " + b.rule() + " geldt",
                    "a new version of rule " + b.rule() + " applies");
          };
      return nlEn(lang, " per ", " on ")
          + b.date()
          + ": "
          + what
          + b.assumption()
              .map(a -> nlEn(lang, " (datum uit aanname ", " (date from assumption ") + a + ")")
              .orElse("");
    }
    if (why instanceof Why.AssumptionChanged a) {
      return ": "
          + nlEn(lang, "aanname ", "assumption ")
          + a.assumption()
          + nlEn(lang, " wijzigt van ", " changes from ")
          + a.before()
          + nlEn(lang, " naar ", " to ")
          + a.after();
    }
    if (why instanceof Why.RuleChanged r) {
      return ": "
          + nlEn(lang, "regel ", "rule ")
          + r.rule()
          + nlEn(
              lang,
              " is gewijzigd in de andere versie van het pakket",
              " reads differently in the other revision of the pack");
    }
    var f = (Why.FactsRead) why;
    String missing =
        f.missingBefore().equals(f.missingAfter())
            ? ""
            : nlEn(lang, "; ontbrekende feiten: ", "; missing facts: ")
                + String.join(", ", f.missingBefore())
                + " → "
                + String.join(", ", f.missingAfter());
    return ": "
        + nlEn(
            lang,
            "dezelfde regels lezen de feiten anders op de andere datum (zoals een leeftijd)",
            "the same rules read the facts differently on the other date (such as an age)")
        + missing;
  }

  private static String quotes(ImpactReport.Change c) {
    if (c.sources().isEmpty()) {
      return "";
    }
    return " ("
        + c.sources().stream()
            .map(Quote::text)
            .map(t -> "“" + t.replaceAll("\\s+", " ").strip() + "”")
            .collect(Collectors.joining(" "))
        + ")";
  }

  private String outcome(Optional<Outcome> o) {
    if (o.isEmpty()) {
      return nlEn(lang, "(niet in het pakket)", "(not in the pack)");
    }
    return switch (o.get()) {
      case APPLIES -> nlEn(lang, "van toepassing", "applies");
      case DOES_NOT_APPLY -> nlEn(lang, "niet van toepassing", "does not apply");
      case INDIVIDUAL_ASSESSMENT -> nlEn(lang, "individuele beoordeling", "individual assessment");
      case UNDETERMINED -> nlEn(lang, "onbepaald", "undetermined");
    };
  }

  private String point(ImpactReport.Point p) {
    String values =
        p.assumptions().isEmpty()
            ? ""
            : " "
                + p.assumptions().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ", "[", "]"));
    String packs =
        p.packs().stream()
            .map(
                k ->
                    k.id()
                        + " "
                        + k.contentHash().substring(0, Math.min(12, k.contentHash().length())))
            .collect(Collectors.joining(", "));
    return p.date() + values + " (" + packs + ")";
  }

  private String cases(long n) {
    return count(n) + (n == 1 ? nlEn(lang, " zaak", " case") : nlEn(lang, " zaken", " cases"));
  }

  private String count(long n) {
    return numbers.format(n);
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
