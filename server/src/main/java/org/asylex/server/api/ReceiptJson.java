package org.asylex.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asylex.engine.text.Language;
import org.asylex.store.Receipts;
import org.asylex.store.StoredAssessment;

/**
 * A stored assessment (a receipt) as JSON: what was assessed (case, version, date), under what
 * (pack id, version and content hash, assumption values, engine version), by whom and when, and the
 * findings as stored.
 */
final class ReceiptJson {
  private ReceiptJson() {}

  /** The receipt with its findings; {@code language} names the language asked for, or null. */
  static Map<String, Object> full(StoredAssessment a, Language language) {
    var m = head(a);
    if (language == null) {
      // The stored JSON as it is (written by Receipts, checked by the database): no parse and
      // re-write of 15 KB per answer.
      m.put("assessment", new RawValue(a.findingsJson()));
      return m;
    }
    JsonNode findings = Receipts.storedFindings(a);
    if (findings instanceof ObjectNode o && language != null) {
      // The findings hold every text in both languages; "language" only names the one asked for.
      o.set("language", TextNode.valueOf(language.code()));
    }
    m.put("assessment", findings);
    return m;
  }

  /** The receipt in a list: the outcome of each element instead of the findings. */
  static Map<String, Object> summary(StoredAssessment a) {
    var m = head(a);
    var outcomes = new LinkedHashMap<String, Object>();
    for (JsonNode f : Receipts.storedFindings(a).path("findings")) {
      outcomes.put(f.path("element").asText(), f.path("outcome").asText());
    }
    m.put("outcomes", outcomes);
    return m;
  }

  private static LinkedHashMap<String, Object> head(StoredAssessment a) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", a.id());
    m.put("caseId", a.caseId());
    m.put("caseVersion", a.caseVersion());
    m.put("asOf", a.asOf().toString());
    m.put("policy", policy(a));
    m.put("assumptions", a.assumptions());
    m.put("engineVersion", a.engineVersion());
    m.put("actor", a.actor());
    m.put("at", a.at().toString());
    return m;
  }

  static Map<String, Object> policy(StoredAssessment a) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", a.packId());
    m.put("version", a.packVersion());
    m.put("contentHash", a.contentHash());
    return m;
  }
}
