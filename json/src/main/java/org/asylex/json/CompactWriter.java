package org.asylex.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
    return writtenUtf8(assessment, pack).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /**
   * {@link #compact} as UTF-8, as a receipt is stored (packed from these bytes, never made a text
   * in between).
   */
  public static byte[] compactUtf8(Assessment assessment, PolicyPack pack) {
    return writtenUtf8(assessment, pack)
        .orElseGet(
            () ->
                CompactFindings.compact(AssessmentJson.tree(assessment, pack, null), pack)
                    .getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #written} as UTF-8. */
  public static Optional<byte[]> writtenUtf8(Assessment assessment, PolicyPack pack) {
    if (!assessment.policy().id().equals(pack.id())
        || !assessment.policy().contentHash().equals(pack.contentHash())
        || assessment.findings().stream().anyMatch(f -> !f.trace().isEmpty())) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = BUFFER.get();
    out.reset();
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      write(assessment, pack, CompactFindings.dictionary(pack).fragments, g);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    byte[] written = out.toByteArray();
    if (out.size() > 65_536) {
      BUFFER.remove(); // do not keep a rare large buffer per thread
    }
    return Optional.of(written);
  }

  private static final SerializedString NOTICE_NAME = new SerializedString("notice");

  private static void write(Assessment a, PolicyPack pack, CompactFragments d, JsonGenerator g)
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
    g.writeRawValue(d.text(pack.title()));
    g.writeStringField("contentHash", a.policy().contentHash());
    g.writeEndObject();
    g.writeFieldName(NOTICE_NAME);
    g.writeRawValue(d.text(AssessmentJson.NOTICE));
    g.writeFieldName("assumptions");
    assumptions(a.assumptions(), pack, d, g);
    var values = new HashMap<Object, Object>();
    for (AssumptionUse u : a.assumptions()) {
      values.put(u.id(), d.typed(u.id(), u.value()));
    }
    g.writeArrayFieldStart("findings");
    for (Finding f : a.findings()) {
      finding(f, pack, d, values, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("nextQuestions");
    for (NextQuestion q : a.nextQuestions()) {
      g.writeStartObject();
      g.writeFieldName(FACT);
      g.writeString(d.string(q.fact()));
      g.writeFieldName(LABEL);
      g.writeRawValue(d.text(q.label()));
      g.writeFieldName(QUESTION);
      g.writeRawValue(d.text(q.question()));
      strings(ELEMENTS, q.elements(), d, g);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static final SerializedString FACT = new SerializedString("fact");
  private static final SerializedString LABEL = new SerializedString("label");
  private static final SerializedString QUESTION = new SerializedString("question");
  private static final SerializedString ELEMENTS = new SerializedString("elements");

  /** The assessment's assumptions: all by one reference when all are at the pack's defaults. */
  private static void assumptions(
      List<AssumptionUse> uses, PolicyPack pack, CompactFragments d, JsonGenerator g)
      throws IOException {
    if (allDefaults(uses, pack)) {
      g.writeRawValue(ALL_DEFAULTS);
      return;
    }
    g.writeStartArray();
    for (AssumptionUse u : uses) {
      g.writeRawValue(d.piece(u, x -> assumption(x, pack)));
    }
    g.writeEndArray();
  }

  private static final String ALL_DEFAULTS = CompactFragments.ref("a");

  /**
   * The last assumptions (the list itself) checked on this thread, their pack, and whether they are
   * all the pack's defaults in order: a caseload's assessments share one list.
   */
  private static final ThreadLocal<Object[]> LAST_CHECKED = new ThreadLocal<>();

  /** Whether the assumptions are the pack's, all at their defaults, in order: one reference. */
  private static boolean allDefaults(List<AssumptionUse> uses, PolicyPack pack) {
    Object[] last = LAST_CHECKED.get();
    if (last != null && last[0] == uses && last[1] == pack) {
      return (Boolean) last[2];
    }
    var keys = new String[uses.size()];
    CompactFindings.Dictionary dictionary = CompactFindings.dictionary(pack);
    for (int i = 0; i < keys.length; i++) {
      keys[i] = dictionary.refer(uses.get(i), u -> assumption(u, pack));
    }
    boolean all = CompactFragments.allInOrder(keys, pack.assumptions());
    LAST_CHECKED.set(new Object[] {uses, pack, all});
    return all;
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

  private static final SerializedString ELEMENT = new SerializedString("element");
  private static final SerializedString TITLE = new SerializedString("title");
  private static final SerializedString OUTCOME = new SerializedString("outcome");
  private static final SerializedString APPLIES_MEANS = new SerializedString("appliesMeans");
  private static final SerializedString GROUPS = new SerializedString("groups");
  private static final SerializedString GROUP_LABELS = new SerializedString("groupLabels");
  private static final SerializedString MISSING = new SerializedString("missingFacts");
  private static final SerializedString IMPRECISE = new SerializedString("imprecise");
  private static final SerializedString REASON = new SerializedString("reason");
  private static final SerializedString RULE = new SerializedString("rule");
  private static final SerializedString DECIDING = new SerializedString("decidingRules");
  private static final SerializedString IN_FORCE = new SerializedString("rulesInForce");
  private static final SerializedString SOURCES = new SerializedString("sources");
  private static final SerializedString FACTS_USED = new SerializedString("factsUsed");
  private static final SerializedString ASSUMPTIONS = new SerializedString("assumptions");
  private static final SerializedString VALUES = new SerializedString("assumptionValues");

  private static void finding(
      Finding f, PolicyPack pack, CompactFragments d, Map<Object, Object> values, JsonGenerator g)
      throws IOException {
    Optional<Element> element = d.element(f.element());
    g.writeStartObject();
    g.writeFieldName(ELEMENT);
    g.writeString(d.string(f.element()));
    g.writeFieldName(TITLE);
    text(element.isPresent() ? element.get().title() : null, element.isPresent(), d, g);
    g.writeFieldName(OUTCOME);
    g.writeString(d.string(f.outcome().id()));
    g.writeFieldName(APPLIES_MEANS);
    text(element.isPresent() ? element.get().appliesMeans() : null, element.isPresent(), d, g);
    strings(GROUPS, f.groups(), d, g);
    g.writeFieldName(GROUP_LABELS);
    g.writeStartObject();
    for (String group : f.groups()) {
      g.writeFieldName(idKey(group));
      Optional<Element.Group> known = element.flatMap(e -> e.group(group));
      text(known.isPresent() ? known.get().label() : null, known.isPresent(), d, g);
    }
    g.writeEndObject();
    strings(MISSING, f.missingFacts(), d, g);
    strings(IMPRECISE, f.imprecise(), d, g);
    g.writeFieldName(REASON);
    g.writeRawValue(d.text(f.reason()));
    g.writeFieldName(RULE);
    if (f.rule().isPresent()) {
      g.writeString(d.string(f.rule().get()));
    } else {
      g.writeNull();
    }
    strings(DECIDING, f.decidingRules(), d, g);
    g.writeFieldName(IN_FORCE);
    g.writeStartArray();
    for (RuleInForce r : f.rulesInForce()) {
      g.writeRawValue(d.piece(r, x -> AssessmentJson.ruleInForce(x, pack)));
    }
    g.writeEndArray();
    sources(f.sources(), d, g);
    g.writeFieldName(FACTS_USED);
    g.writeStartObject();
    for (Map.Entry<String, Object> e : f.factsUsed().entrySet()) {
      g.writeFieldName(idKey(e.getKey()));
      g.writeObject(AssessmentJson.factValue(e.getValue()));
    }
    g.writeEndObject();
    g.writeFieldName(ASSUMPTIONS);
    g.writeStartArray();
    for (AssumptionUse u : f.assumptions()) {
      g.writeString(d.string(u.id()));
    }
    g.writeEndArray();
    g.writeFieldName(VALUES);
    assumptionValues(f.assumptions(), d, values, g);
    g.writeEndObject();
  }

  /** A finding's sources, each place in a source once (two rules may cite the same sentence). */
  private static void sources(List<SourceQuote> sources, CompactFragments d, JsonGenerator g)
      throws IOException {
    g.writeFieldName(SOURCES);
    g.writeStartArray();
    var places = new HashSet<String>();
    for (SourceQuote q : sources) {
      if (places.add(q.document() + ":" + q.span().start() + ":" + q.span().end())) {
        g.writeRawValue(d.piece(q, AssessmentJson::source));
      }
    }
    g.writeEndArray();
  }

  /**
   * A finding's assumption values, or the reference to those of the assessment when they are the
   * same (as {@code CompactFindings.referToValues} decides).
   */
  private static void assumptionValues(
      List<AssumptionUse> uses, CompactFragments d, Map<Object, Object> values, JsonGenerator g)
      throws IOException {
    var given = new LinkedHashMap<Object, Object>();
    for (AssumptionUse u : uses) {
      given.put(idKey(u.id()), d.typed(u.id(), u.value()));
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
      g.writeRawValue(SAME_VALUES);
    } else {
      g.writeObject(given);
    }
  }

  private static final SerializedString SAME_VALUES =
      new SerializedString(CompactFragments.ref("=values"));

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

  /** A text: {@code null} when {@code present} is false. */
  private static void text(LocalizedText t, boolean present, CompactFragments d, JsonGenerator g)
      throws IOException {
    if (present) {
      g.writeRawValue(d.text(t));
    } else {
      g.writeNull();
    }
  }

  private static void strings(
      SerializedString field, List<String> values, CompactFragments d, JsonGenerator g)
      throws IOException {
    g.writeFieldName(field);
    g.writeStartArray();
    for (String v : values) {
      g.writeString(d.string(v));
    }
    g.writeEndArray();
  }
}
