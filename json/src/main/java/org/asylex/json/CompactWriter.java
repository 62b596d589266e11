package org.asylex.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.AssumptionUse;
import org.asylex.engine.assessment.Finding;
import org.asylex.engine.assessment.NextQuestion;
import org.asylex.engine.assessment.RuleInForce;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.text.LocalizedText;

/**
 * {@link CompactFindings#compact(Map, PolicyPack)} of {@link AssessmentJson#tree} (no language),
 * written straight from the assessment with one JSON generator: the same text, without the tree of
 * maps, its serialisation, and the piece-by-piece search for pack content (each engine value's
 * reference is looked up once per pack and remembered, {@link CompactFindings.Dictionary#refer}).
 *
 * <p>Whatever this writer does not do the same way by construction is given to the tree path: an
 * explained assessment (findings with a trace), and a map keyed by ids (groups, facts, assumptions)
 * that could be pack content itself (an id {@code nl}, {@code document}, {@code rule} or {@code
 * id}). {@code CompactWriterTest} checks the two agree byte for byte on generated cases.
 */
public final class CompactWriter {
  private static final String REF = "$";

  private static final ThreadLocal<ByteArrayOutputStream> BUFFER =
      ThreadLocal.withInitial(() -> new ByteArrayOutputStream(16_384));

  private CompactWriter() {}

  /** The compact findings of {@code assessment}, made under {@code pack}. */
  public static String compact(Assessment assessment, PolicyPack pack) {
    return written(assessment, pack)
        .orElseGet(
            () -> CompactFindings.compact(AssessmentJson.tree(assessment, pack, null), pack));
  }

  /**
   * {@link #compact} as this writer writes it; empty when it leaves it to the tree path (an
   * explained assessment, an id that pack content uses as a key, another pack's assessment, or
   * anything that fails here: the tree path then decides).
   */
  public static Optional<String> written(Assessment assessment, PolicyPack pack) {
    if (!assessment.policy().id().equals(pack.id())
        || !assessment.policy().contentHash().equals(pack.contentHash())
        || assessment.findings().stream().anyMatch(f -> !f.trace().isEmpty())) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = BUFFER.get();
    out.reset();
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      write(assessment, pack, CompactFindings.dictionary(pack), g);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    String written = out.toString(StandardCharsets.UTF_8);
    if (out.size() > 65_536) {
      BUFFER.remove(); // do not keep a rare large buffer per thread
    }
    return Optional.of(written);
  }

  private static void write(
      Assessment a, PolicyPack pack, CompactFindings.Dictionary d, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("compact", CompactFindings.FORMAT);
    g.writeStringField("pack", pack.contentHash());
    g.writeStringField("format", AssessmentJson.FORMAT);
    g.writeStringField("asOf", a.asOf().toString());
    g.writeNullField("language");
    g.writeFieldName("policy");
    g.writeStartObject();
    g.writeStringField("id", a.policy().id());
    g.writeStringField("country", pack.country());
    g.writeStringField("version", a.policy().version());
    g.writeFieldName("title");
    text(pack.title(), d, g);
    g.writeStringField("contentHash", a.policy().contentHash());
    g.writeEndObject();
    g.writeFieldName("notice");
    text(AssessmentJson.NOTICE, d, g);
    g.writeFieldName("assumptions");
    assumptions(a.assumptions(), pack, d, g);
    var values = new HashMap<Object, Object>();
    for (AssumptionUse u : a.assumptions()) {
      values.put(u.id(), AssessmentJson.typed(pack, u.id(), u.value()));
    }
    g.writeArrayFieldStart("findings");
    for (Finding f : a.findings()) {
      finding(f, pack, d, values, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("nextQuestions");
    for (NextQuestion q : a.nextQuestions()) {
      g.writeStartObject();
      g.writeStringField("fact", q.fact());
      g.writeFieldName("label");
      text(q.label(), d, g);
      g.writeFieldName("question");
      text(q.question(), d, g);
      strings("elements", q.elements(), g);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The assessment's assumptions: all by one reference when all are at the pack's defaults. */
  private static void assumptions(
      List<AssumptionUse> uses, PolicyPack pack, CompactFindings.Dictionary d, JsonGenerator g)
      throws IOException {
    var keys = new String[uses.size()];
    List<Assumption> all = pack.assumptions();
    boolean whole = !uses.isEmpty() && uses.size() == all.size();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = d.refer(uses.get(i), u -> assumption(u, pack));
      whole = whole && ("a/" + all.get(i).id()).equals(keys[i]);
    }
    if (whole) {
      ref("a", g);
      return;
    }
    g.writeStartArray();
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        ref(keys[i], g);
      } else {
        g.writeObject(assumption(uses.get(i), pack));
      }
    }
    g.writeEndArray();
  }

  /** An assumption as {@link AssessmentJson#tree} gives it. */
  private static Map<String, Object> assumption(AssumptionUse u, PolicyPack pack) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", u.id());
    m.put("kind", u.kind().id());
    m.put("type", pack.assumption(u.id()).map(x -> x.type().id()).orElse(null));
    m.put("value", AssessmentJson.typed(pack, u.id(), u.value()));
    m.put("default", AssessmentJson.typed(pack, u.id(), u.defaultValue()));
    m.put("overridden", u.overridden());
    return m;
  }

  private static void finding(
      Finding f,
      PolicyPack pack,
      CompactFindings.Dictionary d,
      Map<Object, Object> values,
      JsonGenerator g)
      throws IOException {
    Optional<Element> element = pack.element(f.element());
    g.writeStartObject();
    g.writeStringField("element", f.element());
    g.writeFieldName("title");
    text(element.map(Element::title).orElse(null), element.isPresent(), d, g);
    g.writeStringField("outcome", f.outcome().id());
    g.writeFieldName("appliesMeans");
    text(element.map(Element::appliesMeans).orElse(null), element.isPresent(), d, g);
    strings("groups", f.groups(), g);
    g.writeObjectFieldStart("groupLabels");
    for (String group : f.groups()) {
      g.writeFieldName(idKey(group));
      Optional<Element.Group> known = element.flatMap(e -> e.group(group));
      text(known.map(Element.Group::label).orElse(null), known.isPresent(), d, g);
    }
    g.writeEndObject();
    strings("missingFacts", f.missingFacts(), g);
    strings("imprecise", f.imprecise(), g);
    g.writeFieldName("reason");
    text(f.reason(), d, g);
    g.writeStringField("rule", f.rule().orElse(null));
    strings("decidingRules", f.decidingRules(), g);
    rulesAndSources(f, pack, d, g);
    g.writeObjectFieldStart("factsUsed");
    for (Map.Entry<String, Object> e : f.factsUsed().entrySet()) {
      g.writeFieldName(idKey(e.getKey()));
      g.writeObject(AssessmentJson.factValue(e.getValue()));
    }
    g.writeEndObject();
    g.writeArrayFieldStart("assumptions");
    for (AssumptionUse u : f.assumptions()) {
      g.writeString(u.id());
    }
    g.writeEndArray();
    g.writeFieldName("assumptionValues");
    assumptionValues(f.assumptions(), pack, values, g);
    g.writeEndObject();
  }

  private static void rulesAndSources(
      Finding f, PolicyPack pack, CompactFindings.Dictionary d, JsonGenerator g)
      throws IOException {
    g.writeArrayFieldStart("rulesInForce");
    for (RuleInForce r : f.rulesInForce()) {
      String key = d.refer(r, x -> AssessmentJson.ruleInForce(x, pack));
      if (key != null) {
        ref(key, g);
      } else {
        g.writeObject(AssessmentJson.ruleInForce(r, pack));
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("sources");
    var places = new HashSet<String>();
    for (SourceQuote q : f.sources()) {
      if (places.add(q.document() + ":" + q.span().start() + ":" + q.span().end())) {
        String key = d.refer(q, AssessmentJson::source);
        if (key != null) {
          ref(key, g);
        } else {
          g.writeObject(AssessmentJson.source(q));
        }
      }
    }
    g.writeEndArray();
  }

  /**
   * A finding's assumption values, or the reference to those of the assessment when they are the
   * same (as {@code CompactFindings.referToValues} decides).
   */
  private static void assumptionValues(
      List<AssumptionUse> uses, PolicyPack pack, Map<Object, Object> values, JsonGenerator g)
      throws IOException {
    var given = new LinkedHashMap<Object, Object>();
    for (AssumptionUse u : uses) {
      given.put(idKey(u.id()), AssessmentJson.typed(pack, u.id(), u.value()));
    }
    boolean same = true;
    var expected = new LinkedHashMap<Object, Object>();
    for (AssumptionUse u : uses) {
      if (!values.containsKey(u.id())) {
        same = false;
        break;
      }
      expected.put(u.id(), values.get(u.id()));
    }
    if (same && CompactFindings.same(expected, given)) {
      ref("=values", g);
    } else {
      g.writeObject(given);
    }
  }

  /**
   * A key of a map keyed by ids; such a map could be pack content itself only with one of these
   * keys (those of a text, a source, a rule in force, an assumption), which is left to the tree
   * path.
   */
  private static String idKey(String key) {
    if (key.equals("nl") || key.equals("document") || key.equals("rule") || key.equals("id")) {
      throw new IllegalStateException("an id that pack content uses as a key: " + key);
    }
    return key;
  }

  private static void text(LocalizedText t, CompactFindings.Dictionary d, JsonGenerator g)
      throws IOException {
    text(t, true, d, g);
  }

  /** A text: {@code null} when {@code present} is false; a reference when it is pack content. */
  private static void text(
      LocalizedText t, boolean present, CompactFindings.Dictionary d, JsonGenerator g)
      throws IOException {
    if (!present) {
      g.writeNull();
      return;
    }
    String key = d.refer(t, AssessmentJson::text);
    if (key != null) {
      ref(key, g);
      return;
    }
    g.writeStartObject();
    g.writeStringField("nl", t.nl());
    g.writeStringField("en", t.en());
    g.writeEndObject();
  }

  private static void ref(String key, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField(REF, key);
    g.writeEndObject();
  }

  private static void strings(String field, List<String> values, JsonGenerator g)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
