package org.asylex.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.AssumptionUse;
import org.asylex.engine.assessment.Finding;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.assessment.NextQuestion;
import org.asylex.engine.assessment.RuleInForce;
import org.asylex.engine.assessment.RuleTrace;
import org.asylex.engine.assessment.TraceNode;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.text.Language;
import org.asylex.engine.text.LocalizedText;

/**
 * The one JSON form of an assessment, shared by the command line ({@code --format json}) and the
 * HTTP API, so both render the same structure. Keys are stable: a key is present with {@code null}
 * or {@code []} rather than left out, except {@code trace}, which findings carry only when the
 * assessment was explained. Every text a person reads is given in Dutch and English ({@code {"nl":
 * …, "en": …}}); {@code language} names the one the user asked for, if any.
 *
 * <p>Shape (see {@code shared/domain.md} §4):
 *
 * <pre>
 * { "format": "asylex-assessment/1", "asOf": "2023-07-01", "language": "en",
 *   "policy": { "id", "country", "version", "title", "contentHash" },
 *   "notice": { "nl", "en" },
 *   "assumptions": [ { "id", "kind", "type", "value", "default", "overridden" } ],
 *   "findings": [ { "element", "title", "outcome", "appliesMeans", "groups", "groupLabels",
 *       "missingFacts", "imprecise", "reason", "rule", "decidingRules", "rulesInForce",
 *       "sources", "factsUsed",
 *       "assumptions", "assumptionValues", "trace"? } ],
 *   "nextQuestions": [ { "fact", "label", "question", "elements" } ] }
 * </pre>
 */
public final class AssessmentJson {
  /** Names this structure; a change that breaks a reader gets a new number. */
  public static final String FORMAT = "asylex-assessment/1";

  /** Said with every assessment: the findings support a decision, they are not one. */
  public static final LocalizedText NOTICE =
      new LocalizedText(
          "Dit zijn beleidsbevindingen die een beslissing ondersteunen; zij zijn niet de"
              + " beslissing. Een risicogroep betekent niet dat asiel wordt verleend.",
          "These are policy findings that support a decision; they are not the decision. A risk"
              + " group does not mean that asylum is granted.");

  private AssessmentJson() {}

  /**
   * The assessment as pretty-printed JSON (two-space indent, {@code \n} line ends, no final line
   * end).
   *
   * @param pack the pack the assessment was made under: titles, labels and validity boundaries
   * @param language the language the user asked for, or null
   */
  public static String write(Assessment assessment, PolicyPack pack, Language language) {
    return json(tree(assessment, pack, language));
  }

  /** The assessment as a tree of maps, lists and scalars, for embedding in a larger document. */
  public static Map<String, Object> tree(
      Assessment assessment, PolicyPack pack, Language language) {
    if (!assessment.policy().id().equals(pack.id())
        || !assessment.policy().contentHash().equals(pack.contentHash())) {
      throw new IllegalArgumentException(
          "the assessment was made under pack "
              + assessment.policy().id()
              + " "
              + assessment.policy().contentHash()
              + ", not "
              + pack.id()
              + " "
              + pack.contentHash());
    }
    var root = new LinkedHashMap<String, Object>();
    root.put("format", FORMAT);
    root.put("asOf", assessment.asOf().toString());
    root.put("language", language == null ? null : language.code());
    var policy = new LinkedHashMap<String, Object>();
    policy.put("id", assessment.policy().id());
    policy.put("country", pack.country());
    policy.put("version", assessment.policy().version());
    policy.put("title", text(pack.title()));
    policy.put("contentHash", assessment.policy().contentHash());
    root.put("policy", policy);
    root.put("notice", text(NOTICE));
    var assumptions = new ArrayList<Object>();
    for (AssumptionUse a : assessment.assumptions()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("id", a.id());
      m.put("kind", a.kind().id());
      m.put("type", type(pack, a.id()).map(Assumption.Type::id).orElse(null));
      m.put("value", typed(pack, a.id(), a.value()));
      m.put("default", typed(pack, a.id(), a.defaultValue()));
      m.put("overridden", a.overridden());
      assumptions.add(m);
    }
    root.put("assumptions", assumptions);
    boolean explained = assessment.findings().stream().anyMatch(f -> !f.trace().isEmpty());
    var findings = new ArrayList<Object>();
    for (Finding f : assessment.findings()) {
      findings.add(finding(f, pack, explained));
    }
    root.put("findings", findings);
    var questions = new ArrayList<Object>();
    for (NextQuestion q : assessment.nextQuestions()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("fact", q.fact());
      m.put("label", text(q.label()));
      m.put("question", text(q.question()));
      m.put("elements", q.elements());
      questions.add(m);
    }
    root.put("nextQuestions", questions);
    return root;
  }

  /** Input errors as JSON: {@code {"errors": [{"pointer", "code", "message"}]}}. */
  public static String errors(List<InputError> errors) {
    return json(errorTree(errors));
  }

  /** Input errors as a tree of maps and lists. */
  public static Map<String, Object> errorTree(List<InputError> errors) {
    var list = new ArrayList<Object>();
    for (InputError e : errors) {
      var m = new LinkedHashMap<String, Object>();
      m.put("pointer", e.pointer());
      m.put("code", e.code());
      m.put("message", e.message());
      list.add(m);
    }
    var root = new LinkedHashMap<String, Object>();
    root.put("errors", list);
    return root;
  }

  private static String json(Object tree) {
    return Json.pretty(tree);
  }

  private static Map<String, Object> finding(Finding f, PolicyPack pack, boolean explained) {
    Optional<Element> element = pack.element(f.element());
    var m = new LinkedHashMap<String, Object>();
    m.put("element", f.element());
    m.put("title", element.map(e -> text(e.title())).orElse(null));
    m.put("outcome", f.outcome().id());
    m.put("appliesMeans", element.map(e -> text(e.appliesMeans())).orElse(null));
    m.put("groups", f.groups());
    var labels = new LinkedHashMap<String, Object>();
    for (String g : f.groups()) {
      labels.put(g, element.flatMap(e -> e.group(g)).map(x -> text(x.label())).orElse(null));
    }
    m.put("groupLabels", labels);
    m.put("missingFacts", f.missingFacts());
    m.put("imprecise", f.imprecise());
    m.put("reason", text(f.reason()));
    m.put("rule", f.rule().orElse(null));
    m.put("decidingRules", f.decidingRules());
    var inForce = new ArrayList<Object>();
    for (RuleInForce r : f.rulesInForce()) {
      inForce.add(ruleInForce(r, pack));
    }
    m.put("rulesInForce", inForce);
    var sources = new ArrayList<Object>();
    var places = new java.util.HashSet<String>();
    for (SourceQuote q : f.sources()) {
      // two rules may cite the same sentence: list each place in the source once
      if (places.add(q.document() + ":" + q.span().start() + ":" + q.span().end())) {
        sources.add(source(q));
      }
    }
    m.put("sources", sources);
    var facts = new LinkedHashMap<String, Object>();
    f.factsUsed().forEach((name, value) -> facts.put(name, factValue(value)));
    m.put("factsUsed", facts);
    m.put("assumptions", f.assumptions().stream().map(AssumptionUse::id).toList());
    var values = new LinkedHashMap<String, Object>();
    for (AssumptionUse a : f.assumptions()) {
      values.put(a.id(), typed(pack, a.id(), a.value()));
    }
    m.put("assumptionValues", values);
    if (explained) {
      var trace = new ArrayList<Object>();
      for (RuleTrace t : f.trace()) {
        var r = new LinkedHashMap<String, Object>();
        r.put("rule", t.ruleId());
        r.put("version", t.version());
        r.put("value", t.value().id());
        r.put("lifted", t.lifted().id());
        r.put("condition", node(t.condition()));
        trace.add(r);
      }
      m.put("trace", trace);
    }
    return m;
  }

  static Map<String, Object> ruleInForce(RuleInForce r, PolicyPack pack) {
    var m = new LinkedHashMap<String, Object>();
    m.put("rule", r.ruleId());
    m.put("version", r.version());
    m.put("versions", r.versions());
    m.put("validFrom", r.validity().from().map(LocalDate::toString).orElse(null));
    m.put("validTo", r.validity().to().map(LocalDate::toString).orElse(null));
    Optional<Rule.Version> version =
        pack.rule(r.ruleId())
            .filter(rule -> r.version() >= 1 && r.version() <= rule.versions().size())
            .map(rule -> rule.versions().get(r.version() - 1));
    m.put(
        "validFromAssumption",
        version
            .flatMap(v -> v.validity().from())
            .flatMap(AssessmentJson::assumptionOf)
            .orElse(null));
    m.put(
        "validToAssumption",
        version.flatMap(v -> v.validity().to()).flatMap(AssessmentJson::assumptionOf).orElse(null));
    return m;
  }

  private static Optional<String> assumptionOf(DateRef ref) {
    return ref instanceof DateRef.FromAssumption a
        ? Optional.of(a.assumptionId())
        : Optional.empty();
  }

  static Map<String, Object> source(SourceQuote q) {
    var m = new LinkedHashMap<String, Object>();
    m.put("document", q.document());
    m.put("line", q.span().line());
    m.put("column", q.span().column());
    m.put("endLine", q.span().endLine());
    m.put("endColumn", q.span().endColumn());
    m.put("start", q.span().start());
    m.put("end", q.span().end());
    m.put("quote", q.quote());
    return m;
  }

  private static Map<String, Object> node(TraceNode n) {
    var m = new LinkedHashMap<String, Object>();
    m.put("text", n.text());
    m.put("value", n.value().id());
    var children = new ArrayList<Object>();
    for (TraceNode c : n.children()) {
      children.add(node(c));
    }
    m.put("children", children);
    return m;
  }

  static Map<String, Object> text(LocalizedText t) {
    var m = new LinkedHashMap<String, Object>();
    m.put("nl", t.nl());
    m.put("en", t.en());
    return m;
  }

  /** A fact value as JSON: booleans stay booleans, dates (full or partial) become ISO text. */
  static Object factValue(Object value) {
    if (value instanceof Boolean || value instanceof String || value == null) {
      return value;
    }
    return value.toString(); // LocalDate and PartialDate print as ISO 8601
  }

  private static Optional<Assumption.Type> type(PolicyPack pack, String id) {
    return pack.assumption(id).map(Assumption::type);
  }

  /** An assumption value as JSON: a boolean assumption as a JSON boolean, others as text. */
  static Object typed(PolicyPack pack, String id, String value) {
    if (value != null
        && type(pack, id).orElse(Assumption.Type.TEXT) == Assumption.Type.BOOLEAN
        && (value.equals("true") || value.equals("false"))) {
      return Boolean.valueOf(value);
    }
    return value;
  }
}
