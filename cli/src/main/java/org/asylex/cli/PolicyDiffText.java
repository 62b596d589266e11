package org.asylex.cli;

import static org.asylex.cli.TextFormat.wrap;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.PolicyDiff;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.text.Language;
import org.asylex.engine.time.PartialDate;

/** What differs in a pack between two dates ({@code asylex policy diff}), as text for a person. */
final class PolicyDiffText {
  private final PrintWriter out;
  private final Language lang;
  private final Summary summary;

  PolicyDiffText(PrintWriter out, Language lang, Summary summary) {
    this.out = out;
    this.lang = lang;
    this.summary = summary;
  }

  private String nlEn(String nl, String en) {
    return lang == Language.NL ? nl : en;
  }

  void print(PolicyPack pack, AssumptionValues values, PolicyDiff.Result d) {
    header(pack, values, d);
    boolean forward = !d.to().isBefore(d.from());
    if (d.onlyFrom().isEmpty() && d.onlyTo().isEmpty() && d.versionChanged().isEmpty()) {
      out.println(
          nlEn(
              "Op beide data gelden dezelfde regels in dezelfde versie.",
              "The same rules are in force on both dates, in the same versions."));
      out.println();
    }
    if (!d.onlyFrom().isEmpty()) {
      out.println(
          nlEn(
              "VAN KRACHT OP " + d.from() + ", NIET OP " + d.to(),
              "IN FORCE ON " + d.from() + ", NOT ON " + d.to()));
      for (PolicyDiff.RuleDiff r : d.onlyFrom()) {
        // going forward the rule lapsed between the dates; going back, it came into force
        diffRule(pack, values, d, r, r.from().get(), "-", !forward);
      }
      out.println();
    }
    if (!d.onlyTo().isEmpty()) {
      out.println(
          nlEn(
              "VAN KRACHT OP " + d.to() + ", NIET OP " + d.from(),
              "IN FORCE ON " + d.to() + ", NOT ON " + d.from()));
      for (PolicyDiff.RuleDiff r : d.onlyTo()) {
        diffRule(pack, values, d, r, r.to().get(), "+", forward);
      }
      out.println();
    }
    versionChanged(pack, values, d, forward);
    unchanged(d.unchanged());
    assumed(pack, values, d);
    milestones(pack, d);
  }

  private void header(PolicyPack pack, AssumptionValues values, PolicyDiff.Result d) {
    out.printf("%s — %s%n", pack.id(), pack.title().in(lang));
    out.printf(
        "%s %s %s %s%n",
        nlEn("Wat verschilt tussen", "What differs between"), d.from(), nlEn("en", "and"), d.to());
    Set<String> dateAssumptions = new LinkedHashSet<>();
    for (Rule r : pack.rules()) {
      for (Rule.Version v : r.versions()) {
        v.validity().from().ifPresent(ref -> dateAssumption(ref, dateAssumptions));
        v.validity().to().ifPresent(ref -> dateAssumption(ref, dateAssumptions));
      }
    }
    for (String id : dateAssumptions) {
      out.println(
          wrap(
              "@" + id + " = " + summary.assumptionValue(pack, values, id),
              nlEn("Datum uit een aanname: ", "Date from an assumption: ")));
    }
    out.println();
  }

  private void versionChanged(
      PolicyPack pack, AssumptionValues values, PolicyDiff.Result d, boolean forward) {
    if (d.versionChanged().isEmpty()) {
      return;
    }
    out.println(nlEn("ANDERE VERSIE", "VERSION CHANGED"));
    for (PolicyDiff.RuleDiff r : d.versionChanged()) {
      PolicyDiff.InForce a = r.from().get();
      PolicyDiff.InForce b = r.to().get();
      int n = r.rule().versions().size();
      out.println(
          wrap(
              String.format(
                  "%s: %s %s: %s %d %s %d → %s %d %s %d%s",
                  subject(r.rule()),
                  nlEn("regel", "rule"),
                  r.rule().id(),
                  nlEn("versie", "version"),
                  a.number(),
                  nlEn("van", "of"),
                  n,
                  nlEn("versie", "version"),
                  b.number(),
                  nlEn("van", "of"),
                  n,
                  d.boundaryOf(r.rule(), true)
                      .filter(x -> x.version() == (forward ? b.number() : a.number()))
                      .map(x -> nlEn(" op ", " on ") + x.date() + marker(values, x))
                      .orElse("")),
              "  ~ "));
      version(pack, d.from(), a);
      version(pack, d.to(), b);
    }
    out.println();
  }

  private void unchanged(List<PolicyDiff.RuleDiff> unchanged) {
    if (unchanged.isEmpty()) {
      return;
    }
    out.println(
        wrap(
            String.join(
                ", ",
                unchanged.stream()
                    .map(
                        r ->
                            r.rule().id()
                                + " ("
                                + nlEn("versie ", "version ")
                                + r.from().get().number()
                                + ")")
                    .toList()),
            nlEn("Ongewijzigd: ", "Unchanged: ")));
    out.println();
  }

  private void assumed(PolicyPack pack, AssumptionValues values, PolicyDiff.Result d) {
    var assumed = d.assumed();
    if (assumed.isEmpty()) {
      return;
    }
    out.println(
        nlEn("GRENZEN DIE OP EEN AANNAME BERUSTEN", "BOUNDARIES THAT REST ON AN ASSUMPTION"));
    assumed.forEach(
        (id, boundaries) -> {
          Assumption a = pack.assumption(id).orElseThrow();
          var dates = boundaries.stream().map(b -> b.date().toString()).distinct().toList();
          out.printf(
              "  ! %s: %s @%s = %s%n",
              String.join(", ", dates),
              nlEn("AANNAME", "ASSUMPTION"),
              id,
              summary.assumptionValue(pack, values, id));
          out.println(wrap(a.statement().in(lang), "      "));
          var rules = boundaries.stream().map(b -> b.rule().id()).distinct().toList();
          out.println(wrap(String.join(", ", rules), "      " + nlEn("regels: ", "rules: ")));
        });
    out.println();
  }

  private void milestones(PolicyPack pack, PolicyDiff.Result d) {
    if (d.milestones().isEmpty()) {
      return;
    }
    out.println(nlEn("MIJLPALEN TUSSEN DE DATA", "MILESTONES BETWEEN THE DATES"));
    for (PolicyDiff.MilestoneBetween m : d.milestones()) {
      String date = m.milestone().date().toString();
      if (m.milestone().date().precision() != PartialDate.Precision.DAY) {
        date += nlEn(" (dag onbekend)", " (day unknown)");
      }
      out.println(
          wrap(
              m.milestone().what().in(lang) + "  [" + String.join(", ", m.elements()) + "]",
              "  * " + date + ": "));
      m.milestone().sources().stream().findFirst().ifPresent(q -> summary.quote(pack, q, "      "));
    }
    out.println();
  }

  private static String subject(Rule rule) {
    return rule.element() + rule.group().map(g -> " (" + g + ")").orElse("");
  }

  /** " (ASSUMPTION @id = value)" when the boundary rests on an assumption. */
  private String marker(AssumptionValues values, PolicyDiff.Boundary b) {
    return b.assumption()
        .map(
            a ->
                "  ("
                    + nlEn("AANNAME", "ASSUMPTION")
                    + " @"
                    + a
                    + " = "
                    + values.get(a).map(Object::toString).orElse("?")
                    + ")")
        .orElse("");
  }

  private void diffRule(
      PolicyPack pack,
      AssumptionValues values,
      PolicyDiff.Result d,
      PolicyDiff.RuleDiff r,
      PolicyDiff.InForce v,
      String sign,
      boolean starts) {
    String when =
        d.boundaryOf(r.rule(), starts)
            .map(
                b ->
                    (starts
                            ? nlEn(": treedt in werking op ", ": comes into force on ")
                            : nlEn(": vervalt op ", ": lapses on "))
                        + b.date()
                        + marker(values, b))
            .orElse("");
    out.println(
        wrap(
            String.format(
                "%s: %s %s, %s %d %s %d, %s %s%s",
                subject(r.rule()),
                nlEn("regel", "rule"),
                r.rule().id(),
                nlEn("versie", "version"),
                v.number(),
                nlEn("van", "of"),
                r.rule().versions().size(),
                nlEn("geldig", "valid"),
                v.interval(),
                when),
            "  " + sign + " "));
    out.println(wrap(v.version().when().text(), "      " + nlEn("als ", "when ")));
    out.printf("      %s %s%n", nlEn("dan", "then"), v.version().outcome().id());
    v.version().sources().forEach(q -> summary.quote(pack, q, "      "));
  }

  private void version(PolicyPack pack, LocalDate date, PolicyDiff.InForce v) {
    out.printf(
        "      %s %s: %s %d, %s %s%s%n",
        nlEn("op", "on"),
        date,
        nlEn("versie", "version"),
        v.number(),
        nlEn("geldig", "valid"),
        v.interval(),
        summary.assumed(v.version().validity()));
    out.println(wrap(v.version().when().text(), "        " + nlEn("als ", "when ")));
    out.printf("        %s %s%n", nlEn("dan", "then"), v.version().outcome().id());
    v.version().sources().forEach(q -> summary.quote(pack, q, "        "));
  }

  private static void dateAssumption(DateRef ref, java.util.Set<String> into) {
    if (ref instanceof DateRef.FromAssumption a) {
      into.add(a.assumptionId());
    }
  }
}
