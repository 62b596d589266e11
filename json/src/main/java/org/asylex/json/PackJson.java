package org.asylex.json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.engine.expr.Value;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.Definition;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.ReasonVariant;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceDocument;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.Validity;
import org.asylex.engine.text.LocalizedText;
import org.asylex.engine.time.PartialDate;

/**
 * A policy pack as JSON for a legal reader: what {@code asylex policy show} prints, as data ({@link
 * TimelineJson} and {@link PolicyDiffJson} give its timeline and its differences between dates).
 * Texts come in both languages ({@code {"nl", "en"}}); validity boundaries are resolved under the
 * given assumption values and name the assumption a boundary rests on.
 */
public final class PackJson {
  private PackJson() {}

  /** id, country, version, title and content hash: the pack in a list. */
  public static Map<String, Object> summary(PolicyPack pack) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", pack.id());
    m.put("country", pack.country());
    m.put("version", pack.version());
    m.put("title", text(pack.title()));
    m.put("contentHash", pack.contentHash());
    return m;
  }

  /** The whole pack: sources, facts, elements with their rules, definitions and assumptions. */
  public static Map<String, Object> detail(PolicyPack pack, AssumptionValues values) {
    var m = summary(pack);
    m.put("summary", text(pack.summary()));
    var sources = new ArrayList<Object>();
    for (SourceDocument s : pack.sources()) {
      var d = new LinkedHashMap<String, Object>();
      d.put("id", s.id());
      d.put("title", text(s.title()));
      d.put("date", s.date() == null ? null : s.date().toString());
      d.put("author", s.author());
      d.put("file", s.file());
      d.put("identifiers", new java.util.TreeMap<>(s.identifiers()));
      sources.add(d);
    }
    m.put("sources", sources);
    var facts = new ArrayList<Object>();
    for (FactDefinition f : pack.facts().facts()) {
      var d = new LinkedHashMap<String, Object>();
      d.put("name", f.name());
      d.put("type", f.type().id());
      d.put("values", f.values());
      d.put("valueLabels", valueLabels(f.valueLabels()));
      d.put("label", text(f.label()));
      d.put("question", text(f.question()));
      facts.add(d);
    }
    m.put("facts", facts);
    var elements = new ArrayList<>(pack.elements());
    elements.sort(Comparator.comparing(Element::slot));
    m.put("elements", elements.stream().map(e -> element(pack, e, values)).toList());
    var definitions = new ArrayList<Object>();
    for (Definition d : pack.definitions()) {
      definitions.add(Map.of("name", d.name(), "condition", d.condition().text()));
    }
    m.put("definitions", definitions);
    m.put("assumptions", pack.assumptions().stream().map(a -> assumption(a, values)).toList());
    return m;
  }

  private static Map<String, Object> element(PolicyPack pack, Element e, AssumptionValues values) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", e.id());
    m.put("title", text(e.title()));
    m.put("slot", e.slot().id());
    m.put("letterRef", e.letterRef().isEmpty() ? null : e.letterRef());
    m.put("appliesMeans", text(e.appliesMeans()));
    var groups = new ArrayList<Object>();
    for (Element.Group g : e.groups()) {
      groups.add(Map.of("id", g.id(), "label", text(g.label())));
    }
    m.put("groups", groups);
    m.put("rules", pack.rulesOf(e.id()).stream().map(r -> rule(r, values)).toList());
    m.put("otherwise", fallback(e.otherwise()));
    m.put("notInForce", fallback(e.notInForce()));
    var findings = new ArrayList<Object>();
    for (Element.ReportFinding f : e.reportFindings()) {
      var d = new LinkedHashMap<String, Object>();
      d.put("id", f.id());
      d.put("summary", text(f.summary()));
      d.put("sources", quotes(f.sources()));
      findings.add(d);
    }
    m.put("reportFindings", findings);
    m.put("milestones", e.milestones().stream().map(PackJson::milestone).toList());
    return m;
  }

  private static Map<String, Object> fallback(Element.DefaultOutcome d) {
    var m = new LinkedHashMap<String, Object>();
    m.put("outcome", d.outcome().id());
    m.put("reason", text(d.reason()));
    m.put("reasonVariants", variants(d.reasonVariants()));
    return m;
  }

  /** The conditional wordings of a reason, in the order they are tried; the plain one is apart. */
  static List<Object> variants(List<ReasonVariant> variants) {
    var list = new ArrayList<Object>();
    for (ReasonVariant v : variants) {
      var m = new LinkedHashMap<String, Object>();
      m.put("if", v.when().text());
      m.put("reason", text(v.text()));
      list.add(m);
    }
    return list;
  }

  private static Map<String, Object> rule(Rule r, AssumptionValues values) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", r.id());
    m.put("group", r.group().orElse(null));
    m.put("exceptionTo", r.exceptionTo());
    m.put("restsOn", r.restsOn());
    var versions = new ArrayList<Object>();
    for (int i = 0; i < r.versions().size(); i++) {
      versions.add(version(i + 1, r.versions().get(i), values));
    }
    m.put("versions", versions);
    return m;
  }

  private static Map<String, Object> version(int number, Rule.Version v, AssumptionValues values) {
    var m = new LinkedHashMap<String, Object>();
    m.put("number", number);
    m.put("validity", validity(v.validity(), values));
    m.put("condition", v.when().text());
    m.put("outcome", v.outcome().id());
    m.put("reason", text(v.reason()));
    m.put("reasonVariants", variants(v.reasonVariants()));
    m.put("restsOn", v.restsOn());
    m.put("sources", quotes(v.sources()));
    return m;
  }

  /** {@code {"from": boundary|null, "to": boundary|null}}; "to" is the first day not valid. */
  static Map<String, Object> validity(Validity v, AssumptionValues values) {
    var m = new LinkedHashMap<String, Object>();
    m.put("from", v.from().map(ref -> boundary(ref, values)).orElse(null));
    m.put("to", v.to().map(ref -> boundary(ref, values)).orElse(null));
    return m;
  }

  private static Map<String, Object> boundary(DateRef ref, AssumptionValues values) {
    var m = new LinkedHashMap<String, Object>();
    m.put("date", values.date(ref).toString());
    m.put("assumption", ref instanceof DateRef.FromAssumption a ? a.assumptionId() : null);
    return m;
  }

  /** A value's words, {@code {VALUE: {nl, en}}} in the pack's order; empty when none. */
  private static Map<String, Object> valueLabels(
      Map<String, org.asylex.engine.text.LocalizedText> labels) {
    var m = new LinkedHashMap<String, Object>();
    labels.forEach((value, label) -> m.put(value, text(label)));
    return m;
  }

  private static Map<String, Object> assumption(Assumption a, AssumptionValues values) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", a.id());
    m.put("kind", a.kind().id());
    m.put("type", a.type().id());
    m.put("default", a.defaultValue());
    m.put("values", a.values());
    m.put("valueLabels", valueLabels(a.valueLabels()));
    m.put("overridable", a.overridable());
    m.put("value", values.get(a.id()).map(PackJson::plain).orElse(a.defaultValue()));
    m.put("overridden", values.isOverridden(a.id()));
    m.put("statement", text(a.statement()));
    var alternatives = new ArrayList<Object>();
    for (Assumption.Alternative alt : a.alternatives()) {
      var d = new LinkedHashMap<String, Object>();
      d.put("value", alt.value().orElse(null));
      d.put("reading", text(alt.reading()));
      alternatives.add(d);
    }
    m.put("alternatives", alternatives);
    m.put("sources", quotes(a.sources()));
    return m;
  }

  private static String plain(Value v) {
    return v instanceof Value.Text t ? t.value() : v.toString();
  }

  static Map<String, Object> milestone(Element.Milestone ms) {
    var m = new LinkedHashMap<String, Object>();
    m.put("date", ms.date().toString());
    m.put("precision", precision(ms.date()));
    m.put("what", text(ms.what()));
    m.put("sources", quotes(ms.sources()));
    return m;
  }

  /** The value of every assumption, and whether it is the pack's default. */
  static List<Object> assumptionValues(PolicyPack pack, AssumptionValues values) {
    var list = new ArrayList<Object>();
    for (Assumption a : pack.assumptions()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("id", a.id());
      m.put("value", values.get(a.id()).map(PackJson::plain).orElse(a.defaultValue()));
      m.put("default", a.defaultValue());
      m.put("overridden", values.isOverridden(a.id()));
      list.add(m);
    }
    return list;
  }

  static Map<String, Object> text(LocalizedText t) {
    var m = new LinkedHashMap<String, Object>();
    m.put("nl", t.nl());
    m.put("en", t.en());
    return m;
  }

  static List<Object> quotes(List<SourceQuote> quotes) {
    var list = new ArrayList<Object>();
    for (SourceQuote q : quotes) {
      var m = new LinkedHashMap<String, Object>();
      m.put("document", q.document());
      m.put("quote", q.quote());
      m.put("line", q.span().line());
      m.put("column", q.span().column());
      m.put("endLine", q.span().endLine());
      m.put("endColumn", q.span().endColumn());
      list.add(m);
    }
    return list;
  }

  static String precision(PartialDate date) {
    return date.precision().name().toLowerCase(java.util.Locale.ROOT);
  }
}
