package org.asylex.cli;

import static org.asylex.cli.TextFormat.wrap;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.AssumptionUse;
import org.asylex.engine.assessment.Finding;
import org.asylex.engine.assessment.NextQuestion;
import org.asylex.engine.assessment.RuleInForce;
import org.asylex.engine.assessment.RuleTrace;
import org.asylex.engine.assessment.TraceNode;
import org.asylex.engine.assessment.Tri;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.text.Language;
import org.asylex.json.AssessmentJson;

/** Renders an assessment as text for a person: the officer, the lawyer, the auditor. */
final class AssessmentText {
  /** The column (0-based) where the texts of a finding's labelled lines start, so they line up. */
  private static final int TEXT = 20;

  private static final String UNDER = " ".repeat(TEXT);

  private final PrintWriter out;
  private final Language lang;

  AssessmentText(PrintWriter out, Language lang) {
    this.out = out;
    this.lang = lang;
  }

  private String nlEn(String nl, String en) {
    return TextFormat.nlEn(lang, nl, en);
  }

  /** The outcome as a person should see it at a glance. */
  String outcome(Outcome o) {
    return switch (o) {
      case APPLIES -> nlEn("VAN TOEPASSING", "APPLIES");
      case DOES_NOT_APPLY -> nlEn("NIET VAN TOEPASSING", "DOES NOT APPLY");
      case INDIVIDUAL_ASSESSMENT -> nlEn("INDIVIDUELE BEOORDELING", "INDIVIDUAL ASSESSMENT");
      case UNDETERMINED -> nlEn("NOG NIET TE BEPALEN", "UNDETERMINED");
    };
  }

  void print(Assessment a, PolicyPack pack, String source, boolean explain) {
    header(a, pack, source);
    int n = 0;
    for (Finding f : a.findings()) {
      finding(++n, f, pack, a.asOf(), explain);
    }
    nextQuestions(a, pack);
    out.println(wrap(AssessmentJson.NOTICE.in(lang), nlEn("Let op: ", "Note: ")));
  }

  private void header(Assessment a, PolicyPack pack, String source) {
    out.println(
        wrap(
            nlEn("Beoordeling van ", "Assessment of ")
                + source
                + nlEn(" op ", " as of ")
                + a.asOf(),
            ""));
    out.println(
        wrap(a.policy().id() + " — " + pack.title().in(lang), nlEn("Beleid: ", "Policy: ")));
    out.printf(
        "        %s %s, %s %s%n",
        nlEn("versie", "version"),
        a.policy().version(),
        nlEn("inhoud", "content"),
        a.policy().contentHash());
    out.println(nlEn("Aannames en interpretaties:", "Assumptions and interpretations:"));
    for (AssumptionUse u : a.assumptions()) {
      // Two spaces in, a long one (with the pack's label) carried on four spaces in.
      out.println(wrap(assumption(u, pack), "    ").substring(2));
    }
    out.println();
  }

  /** {@code id = value (label) (kind)}, and the default when overridden. */
  private String assumption(AssumptionUse u, PolicyPack pack) {
    String defaultValue = ValueLabels.assumption(pack, u.id(), u.defaultValue(), lang);
    return u.id()
        + " = "
        + ValueLabels.assumption(pack, u.id(), u.value(), lang)
        + " ("
        + kind(u)
        + ")"
        + (u.overridden()
            ? nlEn(
                " [overschreven; standaard " + defaultValue + "]",
                " [overridden; default " + defaultValue + "]")
            : "");
  }

  private String kind(AssumptionUse u) {
    return switch (u.kind()) {
      case ASSUMPTION -> nlEn("aanname", "assumption");
      case INTERPRETATION -> nlEn("interpretatie", "interpretation");
    };
  }

  private static String label(String text) {
    String padded = "  " + text + ":";
    return padded.length() >= TEXT ? padded + " " : padded + " ".repeat(TEXT - padded.length());
  }

  private void finding(int n, Finding f, PolicyPack pack, LocalDate asOf, boolean explain) {
    Optional<Element> element = pack.element(f.element());
    String title = element.map(e -> e.title().in(lang)).orElse(f.element());
    out.println(n + ". " + title + "  [" + f.element() + "]");
    out.println(label(nlEn("Uitkomst", "Outcome")) + outcome(f.outcome()));
    if (f.outcome() == Outcome.APPLIES && element.isPresent()) {
      out.println(
          wrap(
              nlEn("dat betekent: ", "which means: ") + element.get().appliesMeans().in(lang),
              UNDER));
    }
    if (!f.groups().isEmpty()) {
      boolean riskGroups = element.map(e -> e.slot() == Slot.RISK_GROUPS).orElse(false);
      String heading =
          riskGroups ? nlEn("Risicogroepen", "Risk groups") : nlEn("Gronden", "Grounds");
      boolean first = true;
      for (String g : f.groups()) {
        String groupLabel =
            element.flatMap(e -> e.group(g)).map(x -> " — " + x.label().in(lang)).orElse("");
        out.println(wrap(g + groupLabel, first ? label(heading) : UNDER));
        first = false;
      }
    }
    out.println(wrap(f.reason().in(lang), label(nlEn("Reden", "Reason"))));
    rules(f, pack, asOf);
    missingAndUsed(f, pack);
    if (!f.assumptions().isEmpty()) {
      boolean first = true;
      for (AssumptionUse u : f.assumptions()) {
        out.println(
            wrap(assumption(u, pack), first ? label(nlEn("Berust op", "Rests on")) : UNDER));
        first = false;
      }
    }
    if (!f.sources().isEmpty()) {
      out.println("  " + nlEn("Brontekst:", "Source text:"));
      for (SourceQuote q : TextFormat.distinct(f.sources())) {
        out.println(TextFormat.quote(q, "    ", lang));
      }
    }
    if (explain) {
      trace(f);
    }
    out.println();
  }

  /** The facts still missing (to ask next) and those the finding used. */
  private void missingAndUsed(Finding f, PolicyPack pack) {
    if (!f.missingFacts().isEmpty()) {
      var missing = new ArrayList<String>();
      for (String fact : f.missingFacts()) {
        String factLabel = pack.facts().fact(fact).map(d -> d.label().in(lang)).orElse(fact);
        boolean imprecise = f.factsUsed().containsKey(fact);
        missing.add(
            fact
                + " ("
                + factLabel
                + (imprecise ? nlEn(", preciezer nodig", ", needed more precisely") : "")
                + ")");
      }
      out.println(wrap(String.join(", ", missing), label(nlEn("Ontbreekt", "Missing"))));
    }
    if (!f.factsUsed().isEmpty()) {
      var facts = new ArrayList<String>();
      f.factsUsed()
          .forEach(
              (name, value) ->
                  facts.add(name + " = " + ValueLabels.fact(Optional.of(pack), name, value, lang)));
      out.println(wrap(String.join(", ", facts), label(nlEn("Gebruikte feiten", "Facts used"))));
    }
  }

  private void rules(Finding f, PolicyPack pack, LocalDate asOf) {
    if (f.rulesInForce().isEmpty()) {
      out.println(
          label(nlEn("Regels", "Rules"))
              + nlEn(
                  "geen regel van dit element van kracht op " + asOf,
                  "no rule of this element in force on " + asOf));
      return;
    }
    List<RuleInForce> others = new ArrayList<>();
    for (RuleInForce r : f.rulesInForce()) {
      if (f.rule().isPresent() && f.rule().get().equals(r.ruleId())) {
        out.println(wrap(ruleLine(r, pack), label(nlEn("Regel", "Rule"))));
      } else {
        others.add(r);
      }
    }
    String heading =
        f.rule().isPresent()
            ? nlEn("Ook van kracht", "Also in force")
            : nlEn("Van kracht", "Rules in force");
    boolean first = true;
    for (RuleInForce r : others) {
      out.println(wrap(ruleLine(r, pack), first ? label(heading) : UNDER));
      first = false;
    }
  }

  /** {@code rule-id, version 1 of 2, valid […, 2024-03-01) (to = @id: assumption)}. */
  private String ruleLine(RuleInForce r, PolicyPack pack) {
    Optional<Rule.Version> version =
        pack.rule(r.ruleId())
            .filter(rule -> r.version() >= 1 && r.version() <= rule.versions().size())
            .map(rule -> rule.versions().get(r.version() - 1));
    return r.ruleId()
        + ", "
        + nlEn("versie ", "version ")
        + r.version()
        + nlEn(" van ", " of ")
        + r.versions()
        + ", "
        + TextFormat.validity(r.validity(), lang)
        + version.map(v -> TextFormat.assumed(v.validity(), lang)).orElse("");
  }

  private void trace(Finding f) {
    out.println("  " + nlEn("Uitwerking:", "Trace:"));
    if (f.trace().isEmpty()) {
      out.println("    " + nlEn("(geen regel van kracht)", "(no rule in force)"));
    }
    for (RuleTrace t : f.trace()) {
      String lifted =
          t.lifted() == Tri.FALSE
              ? ""
              : nlEn("; opgeheven door een uitzondering: ", "; lifted by an exception: ")
                  + t.lifted().id();
      out.printf(
          "    %s %s, %s %d: %s%s%n",
          nlEn("regel", "rule"),
          t.ruleId(),
          nlEn("versie", "version"),
          t.version(),
          t.value().id(),
          lifted);
      node(t.condition(), "      ");
    }
  }

  private void node(TraceNode n, String indent) {
    out.println(wrap(n.text(), indent + "[" + n.value().id() + "] "));
    for (TraceNode c : n.children()) {
      node(c, indent + "  ");
    }
  }

  private void nextQuestions(Assessment a, PolicyPack pack) {
    out.println(nlEn("VOLGENDE VRAGEN", "NEXT QUESTIONS"));
    if (a.nextQuestions().isEmpty()) {
      out.println(
          nlEn(
              "  Geen: elke bevinding volgt uit de gegeven feiten.",
              "  None: every finding is settled by the facts given."));
    }
    int n = 0;
    for (NextQuestion q : a.nextQuestions()) {
      String number = "  " + ++n + ". ";
      out.println(wrap(q.question().in(lang), number));
      var settles = new ArrayList<String>();
      for (String e : q.elements()) {
        settles.add(pack.element(e).map(x -> x.title().in(lang)).orElse(e) + " [" + e + "]");
      }
      String fact =
          q.fact()
              + pack.facts().fact(q.fact()).map(AssessmentText::type).orElse("")
              + nlEn(" — kan beslissen: ", " — can settle: ")
              + String.join("; ", settles);
      out.println(wrap(fact, " ".repeat(number.length())));
    }
    out.println();
  }

  private static String type(FactDefinition f) {
    return f.values().isEmpty()
        ? " (" + f.type().id() + ")"
        : " (" + String.join(" | ", f.values()) + ")";
  }
}
