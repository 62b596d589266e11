package org.asylex.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.ReasonVariant;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.Validity;
import org.asylex.engine.text.LocalizedText;

/**
 * A receipt's findings in their compact form ({@value #FORMAT}): the assessment's JSON ({@link
 * AssessmentJson#tree}) with every piece of pack content it copies (titles, reasons, labels,
 * questions, the verbatim sources, an assumption at its default) replaced by a reference to where
 * it is in the pack, {@code {"$": "e/decision-moratorium/title"}}, and the pack named by its
 * content hash. What is not pack content stays as it is: outcomes, groups, missing facts, rules and
 * versions, facts used, assumption values, next questions' facts and elements.
 *
 * <pre>
 * {"compact": "asylex-receipt/1", "pack": "sha256:…", …the assessment's keys, in order…}
 * </pre>
 *
 * <p>{@link #expand} with the pack of that hash gives back the assessment's JSON byte for byte;
 * {@link #compact} only gives a compact form after checking exactly that, else the full JSON. A
 * reference key names a place in the pack by ids, so it means the same for as long as the pack with
 * that hash is kept:
 *
 * <ul>
 *   <li>{@code p/title}, {@code p/summary}: the pack's title and summary
 *   <li>{@code e/ELEMENT/title}, {@code …/appliesMeans}, {@code …/group/GROUP}, {@code
 *       …/otherwise}, {@code …/otherwise/N}, {@code …/notInForce}, {@code …/notInForce/N}: an
 *       element's texts (N: the Nth reason variant, from 0)
 *   <li>{@code r/RULE/V/reason}, {@code r/RULE/V/reason/N}, {@code r/RULE/V/source/N}: version V
 *       (from 1) of a rule: its reason, its Nth reason variant, its Nth source quote
 *   <li>{@code f/FACT/label}, {@code f/FACT/question}: a fact's label and question
 *   <li>{@code r/RULE/V/inForce}: version V of a rule in force, with its validity under the pack's
 *       default assumption values
 *   <li>{@code a/ASSUMPTION}: an assumption at its default value, not overridden; {@code a}: every
 *       assumption of the pack, in its order, each so
 * </ul>
 *
 * <p>And one reference to the receipt itself: a finding's {@code assumptionValues} given as {@code
 * {"$": "=values"}} are the values of the assumptions it lists, in its order, as the assessment's
 * {@code assumptions} give them.
 */
public final class CompactFindings {
  /** Names the compact form; a change that breaks a reader gets a new number. */
  public static final String FORMAT = "asylex-receipt/1";

  private static final String PREFIX = "{\"compact\":\"" + FORMAT + "\"";
  private static final String REF = "$";
  private static final String VALUES = "=values";
  private static final Map<String, Dictionary> DICTIONARIES = new ConcurrentHashMap<>();

  private CompactFindings() {}

  /** Whether these findings are in the compact form (else they are the assessment's JSON). */
  public static boolean isCompact(String findings) {
    return findings.startsWith(PREFIX);
  }

  /**
   * The content hash of the pack that compact findings refer to.
   *
   * @throws IllegalArgumentException when they are not compact findings
   */
  public static String packOf(String compact) {
    if (!isCompact(compact)) {
      throw new IllegalArgumentException("not compact findings");
    }
    return Json.tree(compact).path("pack").asText();
  }

  /**
   * The compact form of {@code tree} (the assessment's JSON under {@code pack}, {@link
   * AssessmentJson#tree}). A piece of the tree is replaced by a reference only when the pack's
   * content there is the same, in the same order and of the same JSON types, so that {@link
   * #expand} writes exactly what {@code tree} writes; this is checked piece by piece, without
   * writing the whole document twice.
   */
  public static String compact(Map<String, Object> tree, PolicyPack pack) {
    Dictionary d = dictionary(pack);
    var root = new LinkedHashMap<String, Object>();
    root.put("compact", FORMAT);
    root.put("pack", pack.contentHash());
    Map<Object, Object> values = topValues(tree);
    for (Map.Entry<String, Object> e : tree.entrySet()) {
      Object value = d.replace(e.getValue());
      if (e.getKey().equals("findings") && value instanceof List<?> findings) {
        for (Object f : findings) {
          referToValues(f, values);
        }
      }
      root.put(e.getKey(), value);
    }
    return Json.compact(root);
  }

  /**
   * The findings as a receipt keeps them: the compact form of {@code tree} (which writes as {@code
   * full}) when it expands back to exactly {@code full} (checked by expanding it), else {@code
   * full} itself.
   */
  public static String compact(Map<String, Object> tree, String full, PolicyPack pack) {
    String compact = compact(tree, pack);
    return compact.length() < full.length() && full.equals(expand(compact, pack)) ? compact : full;
  }

  /** Whether two trees write the same JSON: the same keys in the same order, the same values. */
  static boolean same(Object a, Object b) {
    if (a instanceof Map<?, ?> x) {
      if (!(b instanceof Map<?, ?> y) || x.size() != y.size()) {
        return false;
      }
      var i = x.entrySet().iterator();
      var j = y.entrySet().iterator();
      while (i.hasNext()) {
        var p = i.next();
        var q = j.next();
        if (!p.getKey().equals(q.getKey()) || !same(p.getValue(), q.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x) {
      if (!(b instanceof List<?> y) || x.size() != y.size()) {
        return false;
      }
      for (int k = 0; k < x.size(); k++) {
        if (!same(x.get(k), y.get(k))) {
          return false;
        }
      }
      return true;
    }
    if (a == null || b == null) {
      return a == b;
    }
    if ((a instanceof Integer || a instanceof Long)
        && (b instanceof Integer || b instanceof Long)) {
      return ((Number) a).longValue() == ((Number) b).longValue();
    }
    return a.getClass() == b.getClass() && a.equals(b);
  }

  /**
   * {@link #compact} of findings already written as the assessment's JSON: a receipt made before
   * compact receipts.
   */
  public static String compact(String full, PolicyPack pack) {
    if (isCompact(full)) {
      return full;
    }
    Map<String, Object> tree;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> read = Json.MAPPER.readValue(full, LinkedHashMap.class);
      tree = read;
    } catch (JsonProcessingException e) {
      return full;
    }
    return compact(tree, full, pack);
  }

  /**
   * The assessment's JSON that compact findings stand for, written compactly, with every reference
   * replaced by the content of the pack (which must have the content hash they name). Findings that
   * are not compact are given back as they are.
   *
   * @throws IllegalArgumentException when the pack is not the one they name, or they refer to a
   *     place the pack does not have
   */
  public static String expand(String findings, PolicyPack pack) {
    if (!isCompact(findings)) {
      return findings;
    }
    JsonNode root = Json.tree(findings);
    String hash = root.path("pack").asText();
    if (!hash.equals(pack.contentHash())) {
      throw new IllegalArgumentException(
          "the findings refer to pack " + hash + ", not " + pack.contentHash());
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    Dictionary d = dictionary(pack);
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getKey().equals("compact") || e.getKey().equals("pack")) {
        continue;
      }
      out.set(e.getKey(), d.restore(e.getValue()));
    }
    restoreValues(out);
    try {
      return Json.MAPPER.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The assessment's assumption values by id, as its {@code assumptions} give them. */
  private static Map<Object, Object> topValues(Map<String, Object> tree) {
    var values = new HashMap<Object, Object>();
    if (tree.get("assumptions") instanceof List<?> list) {
      for (Object a : list) {
        if (a instanceof Map<?, ?> m && m.containsKey("id")) {
          values.put(m.get("id"), m.get("value"));
        }
      }
    }
    return values;
  }

  /** A finding's assumption values as a reference, when they are those of the assessment. */
  private static void referToValues(Object finding, Map<Object, Object> values) {
    if (!(finding instanceof Map<?, ?> raw)
        || !(raw.get("assumptions") instanceof List<?> ids)
        || !(raw.get("assumptionValues") instanceof Map<?, ?> given)) {
      return;
    }
    var expected = new LinkedHashMap<Object, Object>();
    for (Object id : ids) {
      if (!values.containsKey(id)) {
        return;
      }
      expected.put(id, values.get(id));
    }
    if (same(expected, given)) {
      @SuppressWarnings("unchecked")
      Map<Object, Object> f = (Map<Object, Object>) raw;
      f.put("assumptionValues", Map.of(REF, VALUES));
    }
  }

  /** The reverse of {@link #referToValues}, on the expanded tree. */
  private static void restoreValues(ObjectNode root) {
    var values = new HashMap<String, JsonNode>();
    for (JsonNode a : root.path("assumptions")) {
      values.put(a.path("id").asText(), a.get("value"));
    }
    for (JsonNode f : root.path("findings")) {
      JsonNode ref = f.path("assumptionValues").path(REF);
      if (f instanceof ObjectNode finding && VALUES.equals(ref.asText(null))) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (JsonNode id : f.path("assumptions")) {
          JsonNode value = values.get(id.asText());
          if (value == null) {
            throw new IllegalArgumentException(
                "a finding refers to the value of assumption '"
                    + id.asText()
                    + "', which the assessment does not have");
          }
          out.set(id.asText(), value);
        }
        finding.set("assumptionValues", out);
      }
    }
  }

  static Dictionary dictionary(PolicyPack pack) {
    Dictionary d = DICTIONARIES.get(pack.contentHash());
    if (d == null || d.pack != pack && !d.pack.equals(pack)) {
      d = new Dictionary(pack);
      // A handful of pack versions per deployment; a cache that could grow without bound is not
      // worth it when a deployment keeps loading new packs, so it starts again past a limit.
      if (DICTIONARIES.size() > 32) {
        DICTIONARIES.clear();
      }
      DICTIONARIES.put(pack.contentHash(), d);
    }
    return d;
  }

  /** The pack's content by reference key, and the key of each piece of content. */
  static final class Dictionary {
    final PolicyPack pack;

    /** {@link #refer} by the engine's value the content was made from; "" for none. */
    private final Map<Object, String> refers = new ConcurrentHashMap<>();

    final Map<String, Object> byKey = new LinkedHashMap<>();
    final Map<String, JsonNode> nodes = new HashMap<>();
    final Map<Object, String> keyOf = new HashMap<>();

    /** What {@link CompactWriter} writes again and again under this pack, written once. */
    final CompactFragments fragments;

    Dictionary(PolicyPack pack) {
      this.pack = pack;
      this.fragments = new CompactFragments(this, pack);
      text("p/title", pack.title());
      text("p/summary", pack.summary());
      for (Element e : pack.elements()) {
        String el = "e/" + e.id();
        text(el + "/title", e.title());
        text(el + "/appliesMeans", e.appliesMeans());
        for (Element.Group g : e.groups()) {
          text(el + "/group/" + g.id(), g.label());
        }
        outcome(el + "/otherwise", e.otherwise());
        outcome(el + "/notInForce", e.notInForce());
      }
      AssumptionValues defaults = defaults(pack);
      for (Rule r : pack.rules()) {
        for (int v = 0; v < r.versions().size(); v++) {
          Rule.Version version = r.versions().get(v);
          String key = "r/" + r.id() + "/" + (v + 1);
          inForce(key + "/inForce", r, v, defaults);
          text(key + "/reason", version.reason());
          variants(key + "/reason/", version.reasonVariants());
          List<SourceQuote> sources = version.sources();
          for (int i = 0; i < sources.size(); i++) {
            put(key + "/source/" + i, AssessmentJson.source(sources.get(i)));
          }
        }
      }
      for (FactDefinition f : pack.facts().facts()) {
        text("f/" + f.name() + "/label", f.label());
        text("f/" + f.name() + "/question", f.question());
      }
      var all = new ArrayList<Object>();
      for (Assumption a : pack.assumptions()) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", a.id());
        m.put("kind", a.kind().id());
        m.put("type", a.type().id());
        m.put("value", AssessmentJson.typed(pack, a.id(), a.defaultValue()));
        m.put("default", AssessmentJson.typed(pack, a.id(), a.defaultValue()));
        m.put("overridden", false);
        put("a/" + a.id(), m);
        all.add(m);
      }
      if (!all.isEmpty()) {
        byKey.put("a", all);
        nodes.put("a", Json.MAPPER.valueToTree(all));
        keyOf.putIfAbsent(all, "a");
      }
    }

    private static AssumptionValues defaults(PolicyPack pack) {
      try {
        return AssumptionValues.defaults(pack);
      } catch (RuntimeException e) {
        return null; // a pack whose defaults do not resolve: no rule-in-force entries
      }
    }

    /** Version {@code v} (from 0) of a rule in force, as the assessment's JSON gives it. */
    private void inForce(String key, Rule r, int v, AssumptionValues defaults) {
      if (defaults == null) {
        return;
      }
      Validity validity = r.versions().get(v).validity();
      Validity.Interval interval;
      try {
        interval = validity.resolve(defaults);
      } catch (RuntimeException e) {
        return;
      }
      var m = new LinkedHashMap<String, Object>();
      m.put("rule", r.id());
      m.put("version", v + 1);
      m.put("versions", r.versions().size());
      m.put("validFrom", interval.from().map(LocalDate::toString).orElse(null));
      m.put("validTo", interval.to().map(LocalDate::toString).orElse(null));
      m.put("validFromAssumption", validity.from().flatMap(Dictionary::assumptionOf).orElse(null));
      m.put("validToAssumption", validity.to().flatMap(Dictionary::assumptionOf).orElse(null));
      put(key, m);
    }

    private static Optional<String> assumptionOf(DateRef ref) {
      return ref instanceof DateRef.FromAssumption a
          ? Optional.of(a.assumptionId())
          : Optional.empty();
    }

    private void outcome(String key, Element.DefaultOutcome o) {
      if (o != null) {
        text(key, o.reason());
        variants(key + "/", o.reasonVariants());
      }
    }

    private void variants(String prefix, List<ReasonVariant> variants) {
      for (int i = 0; i < variants.size(); i++) {
        text(prefix + i, variants.get(i).text());
      }
    }

    private void text(String key, LocalizedText t) {
      if (t != null) {
        put(key, AssessmentJson.text(t));
      }
    }

    private void put(String key, Map<String, Object> content) {
      byKey.put(key, content);
      nodes.put(key, Json.MAPPER.valueToTree(content));
      keyOf.putIfAbsent(content, key); // the same content in two places: the first place
    }

    /**
     * The key {@link #replace} gives {@code content} (made from {@code of}, an engine value that
     * determines it) in place of the whole, or null when it keeps it; remembered by {@code of}.
     */
    <T> String refer(T of, java.util.function.Function<T, Object> content) {
      String key = refers.get(of);
      if (key == null) {
        Object c = content.apply(of);
        String found = keyOf.get(c);
        key = found != null && same(c, byKey.get(found)) ? found : "";
        if (refers.size() < 4096) { // texts the engine makes from facts are not remembered all
          refers.put(of, key);
        }
      }
      return key.isEmpty() ? null : key;
    }

    /** {@code value} with each piece of pack content replaced by a reference to it. */
    Object replace(Object value) {
      if (value instanceof Map<?, ?> map) {
        String key = map.isEmpty() ? null : keyOf.get(map);
        if (key != null && same(map, byKey.get(key))) {
          return Map.of(REF, key);
        }
        var out = new LinkedHashMap<Object, Object>();
        map.forEach((k, v) -> out.put(k, replace(v)));
        return out;
      }
      if (value instanceof List<?> list) {
        String key = list.isEmpty() ? null : keyOf.get(list);
        if (key != null && same(list, byKey.get(key))) {
          return Map.of(REF, key);
        }
        var out = new ArrayList<Object>(list.size());
        for (Object item : list) {
          out.add(replace(item));
        }
        return out;
      }
      return value;
    }

    /** {@code node} with each reference replaced by the pack content it names. */
    JsonNode restore(JsonNode node) {
      if (node instanceof ObjectNode o) {
        JsonNode ref = o.size() == 1 ? o.get(REF) : null;
        if (ref != null && ref.isTextual() && ref.asText().equals(VALUES)) {
          return o; // restoreValues, once the assessment's values are restored
        }
        if (ref != null && ref.isTextual()) {
          return Optional.ofNullable(nodes.get(ref.asText()))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "the findings refer to '"
                              + ref.asText()
                              + "', which pack "
                              + pack.contentHash()
                              + " does not have"));
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        o.properties().forEach(e -> out.set(e.getKey(), restore(e.getValue())));
        return out;
      }
      if (node instanceof ArrayNode a) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        a.forEach(item -> out.add(restore(item)));
        return out;
      }
      return node;
    }
  }
}
