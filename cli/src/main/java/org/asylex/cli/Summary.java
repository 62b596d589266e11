package org.asylex.cli;

import static org.asylex.cli.TextFormat.wrap;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.asylex.app.policy.PolicyQueries;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.Definition;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.PolicyDiff;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.ReasonVariant;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceDocument;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.Timeline;
import org.asylex.engine.policy.Validity;
import org.asylex.engine.text.Language;
import org.asylex.engine.text.LocalizedText;
import org.asylex.engine.time.PartialDate;

/** Renders a pack and its timeline as text for a person. */
final class Summary {
  private final PrintWriter out;
  private final Language lang;

  Summary(PrintWriter out, Language lang) {
    this.out = out;
    this.lang = lang;
  }

  static long quoteCount(PolicyPack p) {
    long n = 0;
    for (Rule r : p.rules()) {
      for (Rule.Version v : r.versions()) {
        n += v.sources().size();
      }
    }
    for (Element e : p.elements()) {
      n += e.reportFindings().stream().mapToLong(f -> f.sources().size()).sum();
      n += e.milestones().stream().mapToLong(m -> m.sources().size()).sum();
    }
    n += p.assumptions().stream().mapToLong(a -> a.sources().size()).sum();
    return n;
  }

  String nlEn(String nl, String en) {
    return lang == Language.NL ? nl : en;
  }

  void show(PolicyPack pack, AssumptionValues values) {
    out.printf("%s — %s%n", pack.id(), pack.title().in(lang));
    out.printf(
        "%s %s, %s %s%n",
        nlEn("versie", "version"), pack.version(), nlEn("inhoud", "content"), pack.contentHash());
    out.println();
    out.println(wrap(pack.summary().in(lang), ""));
    out.println();
    out.println(nlEn("BRONNEN", "SOURCES"));
    for (SourceDocument s : pack.sources()) {
      out.printf("  [%s] %s%n", s.id(), s.title().in(lang));
      out.printf("      %s %s, %s%n", s.date() == null ? "" : s.date(), s.author(), s.file());
      s.identifiers().forEach((k, v) -> out.printf("      %s: %s%n", k, v));
    }
    out.println();
    out.println(
        nlEn(
            "ELEMENTEN (in de volgorde van toetsing)", "ELEMENTS (in the order a case is tested)"));
    List<Element> elements = new ArrayList<>(pack.elements());
    elements.sort(java.util.Comparator.comparing(Element::slot));
    for (Element e : elements) {
      element(pack, e, values);
    }
    if (!pack.definitions().isEmpty()) {
      out.println(nlEn("DEFINITIES", "DEFINITIONS"));
      for (Definition d : pack.definitions()) {
        out.printf("  %s =%n%s%n", d.name(), wrap(d.condition().text(), "      "));
      }
      out.println();
    }
    assumptions(pack, values);
  }

  /** Each assumption with its value (and the pack's label of it), statement and alternatives. */
  private void assumptions(PolicyPack pack, AssumptionValues values) {
    out.println(nlEn("AANNAMES EN INTERPRETATIES", "ASSUMPTIONS AND INTERPRETATIONS"));
    for (Assumption a : pack.assumptions()) {
      String value =
          ValueLabels.assumption(
              pack, a.id(), values.get(a.id()).map(Summary::plain).orElse(a.defaultValue()), lang);
      String defaultValue = ValueLabels.assumption(pack, a.id(), a.defaultValue(), lang);
      out.printf(
          "  %s (%s, %s) = %s%s%n",
          a.id(),
          a.kind().id(),
          a.type() == Assumption.Type.CHOICE
              ? nlEn("keuze uit ", "choice of ") + String.join(" | ", a.values())
              : a.type().id(),
          value,
          values.isOverridden(a.id())
              ? nlEn(
                  "  [overschreven; standaard " + defaultValue + "]",
                  "  [overridden; default " + defaultValue + "]")
              : "");
      out.println(wrap(a.statement().in(lang), "      "));
      for (Assumption.Alternative alt : a.alternatives()) {
        out.println(
            wrap(
                nlEn("alternatief", "alternative")
                    + alt.value().map(v -> " (" + v + ")").orElse("")
                    + ": "
                    + alt.reading().in(lang),
                "      - "));
      }
      a.sources().forEach(q -> quote(pack, q, "      "));
    }
  }

  private void element(PolicyPack pack, Element e, AssumptionValues values) {
    out.printf(
        "  %s — %s  [slot %s%s]%n",
        e.id(),
        e.title().in(lang),
        e.slot().id(),
        e.letterRef().isEmpty() ? "" : ", " + e.letterRef());
    out.println(
        wrap(
            nlEn("'applies' betekent: ", "'applies' means: ") + e.appliesMeans().in(lang),
            "      "));
    if (!e.groups().isEmpty()) {
      out.printf("      %s%n", nlEn("groepen/gronden:", "groups/grounds:"));
      e.groups().forEach(g -> out.printf("        %s: %s%n", g.id(), g.label().in(lang)));
    }
    for (Rule r : pack.rulesOf(e.id())) {
      out.printf(
          "    %s %s%s%s%n",
          nlEn("regel", "rule"),
          r.id(),
          r.group().map(g -> " (" + g + ")").orElse(""),
          r.isException()
              ? nlEn("  uitzondering op ", "  exception to ") + String.join(", ", r.exceptionTo())
              : "");
      for (Rule.Version v : r.versions()) {
        out.printf(
            "      %s %s%s%n",
            nlEn("geldig", "valid"), validity(v.validity(), values), assumed(v.validity()));
        out.println(wrap(v.when().text(), "        " + nlEn("als ", "when ")));
        out.printf("        %s %s%n", nlEn("dan", "then"), v.outcome().id());
        reason(v.reason(), v.reasonVariants(), "        ");
        if (!v.restsOn().isEmpty()) {
          out.printf(
              "        %s %s%n",
              nlEn("deze versie berust ook op", "this version also rests on"),
              String.join(", ", v.restsOn()));
        }
        v.sources().forEach(q -> quote(pack, q, "        "));
      }
      if (!r.restsOn().isEmpty()) {
        out.printf("      %s %s%n", nlEn("berust op", "rests on"), String.join(", ", r.restsOn()));
      }
    }
    out.printf("    %s: %s%n", nlEn("anders", "otherwise"), e.otherwise().outcome().id());
    reason(e.otherwise().reason(), e.otherwise().reasonVariants(), "      ");
    out.printf(
        "    %s: %s%n", nlEn("buiten werking", "not in force"), e.notInForce().outcome().id());
    reason(e.notInForce().reason(), e.notInForce().reasonVariants(), "      ");
    if (!e.reportFindings().isEmpty()) {
      out.printf(
          "    %s%n", nlEn("bevindingen uit het ambtsbericht:", "findings of the country report:"));
      for (Element.ReportFinding f : e.reportFindings()) {
        out.println(wrap(f.summary().in(lang), "      - "));
        f.sources().forEach(q -> quote(pack, q, "        "));
      }
    }
    out.println();
  }

  /** A reason: each conditional wording under its condition, then the plain one. */
  private void reason(LocalizedText plain, List<ReasonVariant> variants, String indent) {
    for (ReasonVariant v : variants) {
      out.println(wrap(v.when().text(), indent + nlEn("reden als ", "reason if ")));
      out.println(wrap(v.text().in(lang), indent + "  "));
    }
    if (!variants.isEmpty()) {
      out.println(indent + nlEn("reden anders:", "reason otherwise:"));
      out.println(wrap(plain.in(lang), indent + "  "));
    } else {
      out.println(wrap(plain.in(lang), indent));
    }
  }

  private String validity(Validity v, AssumptionValues values) {
    Validity.Interval i = v.resolve(values);
    return i.toString();
  }

  String assumed(Validity v) {
    return TextFormat.assumed(v, lang);
  }

  void quote(PolicyPack pack, SourceQuote q, String indent) {
    out.println(TextFormat.quote(q, indent, lang));
  }

  void timeline(PolicyQueries.TimelineView view) {
    PolicyPack pack = view.pack();
    AssumptionValues values = view.values();
    out.printf("%s — %s: %s%n%n", pack.id(), pack.title().in(lang), nlEn("tijdlijn", "timeline"));
    for (Timeline.Entry entry : view.entries()) {
      String date = entry.date().toString();
      if (entry.date().precision() != PartialDate.Precision.DAY) {
        date += nlEn(" (dag onbekend)", " (day unknown)");
      }
      out.println(date);
      for (String a : entry.assumptions()) {
        String how =
            values.isOverridden(a)
                ? nlEn("overschreven waarde", "overridden value")
                : nlEn("standaardwaarde", "default value");
        out.printf(
            "  ! %s @%s (%s)%n",
            nlEn("AANNAME: deze datum is de waarde van", "ASSUMPTION: this date is the value of"),
            a,
            how);
        pack.assumption(a).ifPresent(x -> out.println(wrap(x.statement().in(lang), "    ")));
      }
      for (Timeline.Change c : entry.changes()) {
        change(pack, c);
      }
      out.println();
    }
  }

  /** One change: "+" comes into force, "~" new version, "-" lapses, "*" a milestone. */
  private void change(PolicyPack pack, Timeline.Change c) {
    if (c instanceof Timeline.RuleChange r) {
      String mark =
          r instanceof Timeline.ComesIntoForce ? "+" : r instanceof Timeline.NewVersion ? "~" : "-";
      out.printf("  %s %s: %s%n", mark, r.subject(), c.description().in(lang));
      c.sources().stream().findFirst().ifPresent(q -> quote(pack, q, "      "));
    } else {
      out.println(
          wrap(c.description().in(lang) + "  [" + String.join(", ", c.elements()) + "]", "  * "));
      c.sources().stream().findFirst().ifPresent(q -> quote(pack, q, "    "));
    }
  }

  void diff(PolicyPack pack, AssumptionValues values, PolicyDiff.Result d) {
    new PolicyDiffText(out, lang, this).print(pack, values, d);
  }

  /** "2024-05-01 (assumption; overridden, default 2024-03-01)". */
  String assumptionValue(PolicyPack pack, AssumptionValues values, String id) {
    Assumption a = pack.assumption(id).orElseThrow();
    String kind =
        a.kind() == Assumption.Kind.ASSUMPTION
            ? nlEn("aanname", "assumption")
            : nlEn("interpretatie", "interpretation");
    return values.get(id).map(Summary::plain).orElse(a.defaultValue())
        + " ("
        + kind
        + "; "
        + (values.isOverridden(id)
            ? nlEn(
                "overschreven, standaard " + a.defaultValue(),
                "overridden, default " + a.defaultValue())
            : nlEn("standaardwaarde", "default value"))
        + ")";
  }

  private static String plain(org.asylex.engine.expr.Value v) {
    return v instanceof org.asylex.engine.expr.Value.Text t ? t.value() : v.toString();
  }
}
