package org.asylex.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asylex.app.policy.Assessing;
import org.asylex.json.AssessmentJson;
import org.asylex.json.Json;

/**
 * The findings of an assessment as a page shows them, read from the one JSON form of an assessment
 * ({@link AssessmentJson}): what a stored receipt holds and what a live assessment is written as.
 * Nothing is derived here; texts are picked in the page's language.
 */
public final class Report {
  private Report() {}

  /** The id of the mark of the quote starting at {@code start} in the letter page. */
  public static String anchor(long start) {
    return "q-" + start;
  }

  /** A sentence of the policy letter a rule rests on, with where it is in the letter. */
  public record Quote(String document, long start, long end, String text) {
    /** The anchor of the sentence in the letter page. */
    public String anchor() {
      return Report.anchor(start);
    }
  }

  /** One element's finding, in words. */
  public record Element(
      String element,
      String title,
      String outcome,
      String appliesMeans,
      String reason,
      String rule,
      String ruleVersion,
      List<String> missingFacts,
      List<String> assumptions,
      List<Quote> quotes,
      Map<String, String> readings) {
    public Element {
      readings = Map.copyOf(readings);
    }

    /** The pack's words for the value of assumption {@code id} this finding used, or empty. */
    public String reading(String id) {
      return readings.getOrDefault(id, "");
    }
  }

  /** The findings of a stored receipt's JSON (the array, or an assessment holding one). */
  public static List<Element> of(JsonNode findings, Lang lang) {
    return of(findings, lang, java.util.Optional.empty());
  }

  /**
   * The findings of a stored receipt's JSON, with the words {@code pack} gives the values of the
   * assumptions they rest on (labels are wording, not content: the current pack's are used).
   */
  public static List<Element> of(
      JsonNode findings, Lang lang, java.util.Optional<org.asylex.engine.policy.PolicyPack> pack) {
    JsonNode array = findings.isArray() ? findings : findings.path("findings");
    var elements = new ArrayList<Element>();
    for (JsonNode f : array) {
      elements.add(element(f, lang, pack));
    }
    return elements;
  }

  /** The findings of a live assessment, through the same JSON form. */
  public static List<Element> of(Assessing.Assessed assessed, Lang lang) {
    Map<String, Object> tree = AssessmentJson.tree(assessed.assessment(), assessed.pack(), null);
    return of(
        Json.MAPPER.valueToTree(tree.get("findings")),
        lang,
        java.util.Optional.of(assessed.pack()));
  }

  private static Element element(
      JsonNode f, Lang lang, java.util.Optional<org.asylex.engine.policy.PolicyPack> pack) {
    String rule = text(f.path("rule"));
    String version = "";
    for (JsonNode r : f.path("rulesInForce")) {
      if (text(r.path("rule")).equals(rule)) {
        version = text(r.path("version"));
      }
    }
    var quotes = new ArrayList<Quote>();
    for (JsonNode q : f.path("sources")) {
      quotes.add(
          new Quote(
              text(q.path("document")),
              q.path("start").asLong(),
              q.path("end").asLong(),
              text(q.path("quote"))));
    }
    return new Element(
        text(f.path("element")),
        localized(f.path("title"), lang),
        text(f.path("outcome")),
        localized(f.path("appliesMeans"), lang),
        localized(f.path("reason"), lang),
        rule,
        version,
        strings(f.path("missingFacts")),
        strings(f.path("assumptions")),
        quotes,
        readings(f.path("assumptionValues"), lang, pack));
  }

  private static Map<String, String> readings(
      JsonNode values, Lang lang, java.util.Optional<org.asylex.engine.policy.PolicyPack> pack) {
    var readings = new java.util.LinkedHashMap<String, String>();
    for (var e : values.properties()) {
      ValueWords.assumption(pack, e.getKey(), e.getValue().asText(), Texts.of(lang))
          .ifPresent(words -> readings.put(e.getKey(), words));
    }
    return readings;
  }

  private static String localized(JsonNode text, Lang lang) {
    if (text.isTextual()) {
      return text.asText();
    }
    return text(text.path(lang.code()));
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }

  private static List<String> strings(JsonNode array) {
    var list = new ArrayList<String>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }
}
