package org.asylex.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.text.Language;

/**
 * A stored assessment (a receipt) as JSON, the one form the command line ({@code case assess
 * --format json}) and the HTTP API write: what was assessed (case, version, date), under what (pack
 * id, version and content hash, assumption values, engine version), by whom and when, and the
 * findings as stored.
 */
public final class ReceiptJson {
  private ReceiptJson() {}

  /**
   * What a receipt holds, as this form reads it; the store's receipt record has exactly these
   * accessors. (This module sits below the store, so it names them rather than the record.)
   */
  public interface Receipt {
    String id();

    String caseId();

    long caseVersion();

    LocalDate asOf();

    /**
     * When the facts assessed were those recorded at an earlier time, that time; empty when they
     * were the case's facts as they stood when it was assessed (every receipt made before receipts
     * had this field).
     */
    default Optional<Instant> factsAsOf() {
      return Optional.empty();
    }

    String packId();

    String packVersion();

    String contentHash();

    Map<String, String> assumptions();

    String engineVersion();

    /** The assessment in its JSON form ({@link AssessmentJson#tree}, written compactly). */
    String findingsJson();

    String actor();

    Instant at();
  }

  /**
   * The receipt with its findings as stored, byte for byte; {@code language} names the language
   * asked for, or is null (the findings hold every text in both languages).
   */
  public static Map<String, Object> full(Receipt a, Language language) {
    var m = head(a);
    if (language == null) {
      // As stored: no parse and re-write of 15 KB per answer.
      m.put("assessment", new RawValue(a.findingsJson()));
      return m;
    }
    JsonNode findings = findings(a);
    if (findings instanceof ObjectNode o) {
      o.set("language", TextNode.valueOf(language.code()));
    }
    m.put("assessment", findings);
    return m;
  }

  /**
   * {@link #full}, with the findings always as a tree (for a document that is printed indented).
   */
  public static Map<String, Object> parsed(Receipt a, Language language) {
    var m = head(a);
    JsonNode findings = findings(a);
    if (findings instanceof ObjectNode o && language != null) {
      o.set("language", TextNode.valueOf(language.code()));
    }
    m.put("assessment", findings);
    return m;
  }

  /** The receipt in a list: the outcome of each element instead of the findings. */
  public static Map<String, Object> summary(Receipt a) {
    var m = head(a);
    var outcomes = new LinkedHashMap<String, Object>();
    for (JsonNode f : findings(a).path("findings")) {
      outcomes.put(f.path("element").asText(), f.path("outcome").asText());
    }
    m.put("outcomes", outcomes);
    return m;
  }

  /** The stored findings as a tree. */
  public static JsonNode findings(Receipt a) {
    return Json.tree(a.findingsJson());
  }

  private static LinkedHashMap<String, Object> head(Receipt a) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", a.id());
    m.put("caseId", a.caseId());
    m.put("caseVersion", a.caseVersion());
    m.put("asOf", a.asOf().toString());
    // Only when there is one: a receipt of the facts as they stood reads as it always did.
    a.factsAsOf().ifPresent(t -> m.put("factsAsOf", t.toString()));
    m.put("policy", policy(a));
    m.put("assumptions", a.assumptions());
    m.put("engineVersion", a.engineVersion());
    m.put("actor", a.actor());
    m.put("at", a.at().toString());
    return m;
  }

  /** The pack a receipt was made under: id, version, content hash. */
  public static Map<String, Object> policy(Receipt a) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", a.packId());
    m.put("version", a.packVersion());
    m.put("contentHash", a.contentHash());
    return m;
  }
}
