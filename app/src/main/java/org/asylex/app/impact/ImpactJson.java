package org.asylex.app.impact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.policy.Outcome;
import org.asylex.json.Json;

/**
 * The JSON forms of an impact analysis, one for every front end: the report ({@code
 * asylex-impact/1}) and a changed finding (one line of {@code --changed}). Here rather than in the
 * JSON module because the records are the application layer's; written as trees of maps and lists
 * through the product's one mapper.
 */
public final class ImpactJson {
  /** The format name and version of the report. */
  public static final String FORMAT = "asylex-impact/1";

  private ImpactJson() {}

  /** The report as a tree, for {@link Json#pretty} or {@link Json#compact}. */
  public static Map<String, Object> report(ImpactReport r) {
    var m = new LinkedHashMap<String, Object>();
    m.put("format", FORMAT);
    m.put("cases", r.cases());
    m.put("rejected", r.rejected());
    m.put("from", point(r.from()));
    m.put("to", point(r.to()));
    r.factsAsOf()
        .ifPresent(
            f -> {
              m.put("factsAsOf", f.at().toString());
              m.put("createdAfter", f.createdAfter());
            });
    var elements = new ArrayList<Object>();
    for (ImpactReport.ElementImpact e : r.elements()) {
      var x = new LinkedHashMap<String, Object>();
      x.put("element", e.element());
      x.put("changed", e.changed());
      x.put("transitions", e.transitions().stream().map(ImpactJson::transition).toList());
      x.put("groups", e.groups().stream().map(ImpactJson::group).toList());
      x.put("changes", e.changes().stream().map(ImpactJson::change).toList());
      elements.add(x);
    }
    m.put("elements", elements);
    return m;
  }

  /** One changed finding as a line of JSON. */
  public static String changedLine(ChangedFinding c) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", c.id());
    m.put("element", c.element());
    m.put("before", outcome(c.before()));
    m.put("after", outcome(c.after()));
    m.put("groupsBefore", c.groupsBefore());
    m.put("groupsAfter", c.groupsAfter());
    m.put("rulesBefore", c.rulesBefore());
    m.put("rulesAfter", c.rulesAfter());
    m.put("sources", quotes(c.sources()));
    m.put("why", why(c.why()));
    return Json.compact(m);
  }

  private static Map<String, Object> point(ImpactReport.Point p) {
    var m = new LinkedHashMap<String, Object>();
    m.put("date", p.date().toString());
    m.put("assumptions", new java.util.TreeMap<>(p.assumptions()));
    m.put(
        "packs",
        p.packs().stream()
            .map(
                k -> {
                  var x = new LinkedHashMap<String, Object>();
                  x.put("id", k.id());
                  x.put("version", k.version());
                  x.put("contentHash", k.contentHash());
                  return x;
                })
            .toList());
    return m;
  }

  private static Map<String, Object> transition(ImpactReport.Transition t) {
    var m = new LinkedHashMap<String, Object>();
    m.put("from", outcome(t.from()));
    m.put("to", outcome(t.to()));
    m.put("count", t.count());
    return m;
  }

  private static Map<String, Object> group(ImpactReport.GroupChange g) {
    var m = new LinkedHashMap<String, Object>();
    m.put("group", g.group());
    m.put("gained", g.gained());
    m.put("lost", g.lost());
    return m;
  }

  private static Map<String, Object> change(ImpactReport.Change c) {
    var m = new LinkedHashMap<String, Object>();
    m.put("from", outcome(c.from()));
    m.put("to", outcome(c.to()));
    m.put("count", c.count());
    m.put("why", why(c.why()));
    m.put("sources", quotes(c.sources()));
    return m;
  }

  /** What moved a finding: {@code kind} and its fields. */
  public static Map<String, Object> why(Why why) {
    var m = new LinkedHashMap<String, Object>();
    if (why instanceof Why.BoundaryCrossed b) {
      m.put("kind", "validity-boundary");
      m.put("rule", b.rule());
      m.put("date", b.date().toString());
      m.put("crossing", b.crossing().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      m.put("assumption", b.assumption().orElse(null));
    } else if (why instanceof Why.AssumptionChanged a) {
      m.put("kind", "assumption-value");
      m.put("assumption", a.assumption());
      m.put("before", a.before());
      m.put("after", a.after());
    } else if (why instanceof Why.RuleChanged r) {
      m.put("kind", "rule-version");
      m.put("rule", r.rule());
      m.put("versionBefore", r.versionBefore().orElse(null));
      m.put("versionAfter", r.versionAfter().orElse(null));
    } else if (why instanceof Why.FactsRead f) {
      m.put("kind", "facts");
      m.put("missingBefore", f.missingBefore());
      m.put("missingAfter", f.missingAfter());
    }
    return m;
  }

  private static List<Object> quotes(List<Quote> quotes) {
    return quotes.stream()
        .map(
            q -> {
              var m = new LinkedHashMap<String, Object>();
              m.put("document", q.document());
              m.put("line", q.line());
              m.put("quote", q.text());
              return (Object) m;
            })
        .toList();
  }

  private static String outcome(Optional<Outcome> o) {
    return o.map(Outcome::id).orElse(null);
  }
}
