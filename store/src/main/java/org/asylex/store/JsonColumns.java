package org.asylex.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.json.CaseJson;
import org.asylex.json.CaseLineReader;
import org.asylex.json.Json;
import org.asylex.json.JsonInputException;

/**
 * The JSON kept in columns: case facts, fact values in the history, assessment snapshots and
 * assumption values. Written compactly by Jackson and read back by {@link CaseJson}, the reader
 * that imports cases, so a stored value comes back as the same Java type an imported one has.
 */
final class JsonColumns {
  private static final ObjectMapper MAPPER = Json.MAPPER;

  private JsonColumns() {}

  /**
   * Facts as the store keeps them: null values (not set) dropped, every value checked to be a JSON
   * value and converted to the type {@link CaseJson} reads, the order kept.
   *
   * @param what names the facts in messages, e.g. "case 'A-1'"
   */
  static Map<String, Object> facts(Map<String, ?> facts, String what) {
    var out = new LinkedHashMap<String, Object>();
    facts.forEach(
        (name, value) -> {
          requireFactName(name, what);
          if (value != null) {
            out.put(name, value);
          }
        });
    return readObject(object(out, what), what);
  }

  /**
   * {@link #facts}, with their JSON text: when every value is already of a type {@link CaseJson}
   * reads (text, true/false, whole numbers as {@link Long}, lists and objects of those), as
   * imported facts are, they are not written and read back, only written once.
   */
  static Written written(Map<String, ?> facts, String what) {
    var out = new LinkedHashMap<String, Object>();
    boolean canonical = true;
    for (Map.Entry<String, ?> e : facts.entrySet()) {
      requireFactName(e.getKey(), what);
      if (e.getValue() != null) {
        out.put(e.getKey(), e.getValue());
        canonical = canonical && canonical(e.getValue());
      }
    }
    String json = canonical ? flat(out) : null;
    if (json == null) {
      json = object(out, what);
    }
    return new Written(canonical ? out : readObject(json, what), json);
  }

  /**
   * The JSON of facts whose names and values Jackson writes as they are (names and text without a
   * quote, backslash or control character; true/false; whole numbers), written here as Jackson
   * writes them, byte for byte; null for any other facts. Imported facts mostly are such.
   */
  private static String flat(Map<String, Object> facts) {
    var b = new StringBuilder(32 * facts.size() + 2).append('{');
    for (Map.Entry<String, Object> e : facts.entrySet()) {
      Object v = e.getValue();
      if (!plain(e.getKey())
          || !(v instanceof Boolean || v instanceof Long || v instanceof String)
          || v instanceof String text && !plain(text)) {
        return null;
      }
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('"').append(e.getKey()).append("\":");
      if (v instanceof String text) {
        b.append('"').append(text).append('"');
      } else {
        b.append(v);
      }
    }
    if (b.length() > CaseJson.MAX_BYTES / 4) {
      return null; // object() checks the size
    }
    return b.append('}').toString();
  }

  /** Facts and their JSON text. */
  record Written(Map<String, Object> facts, String json) {}

  private static boolean canonical(Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long) {
      return true;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item == null || !canonical(item)) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String) || e.getValue() == null || !canonical(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Changes as {@link #facts} does, but a null value (remove the fact) is kept. */
  static Map<String, Object> changes(Map<String, ?> changes, String what) {
    changes.keySet().forEach(name -> requireFactName(name, what));
    return readObject(object(changes, what), what);
  }

  static String object(Map<String, ?> map, String what) {
    map.forEach((name, value) -> check(value, what + ", fact '" + name + "'"));
    String json = write(map);
    // CaseJson reads at most this much; refuse now what could not be read back later.
    if (json.length() > CaseJson.MAX_BYTES / 4
        && json.getBytes(StandardCharsets.UTF_8).length > CaseJson.MAX_BYTES) {
      throw new IllegalArgumentException(
          what + ": the facts are larger than " + (CaseJson.MAX_BYTES >> 10) + " KiB as JSON");
    }
    return json;
  }

  /** One value, checked, as JSON text; null for "not set". */
  static String checkedValue(Object value, String where) {
    check(value, where);
    return value(value);
  }

  /** One value as JSON text, or null for "not set". */
  static String value(Object value) {
    if (value == null) {
      return null;
    }
    // The values facts mostly hold, written here as Jackson writes them (a history row per changed
    // fact: a Jackson generator per value cost more than the row's insert); else by Jackson.
    if (value instanceof String text && plain(text)) {
      return '"' + text + '"';
    }
    if (value instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    return write(value);
  }

  /** Whether Jackson writes {@code text} as is between quotes: no quote, backslash or control. */
  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  static Map<String, Object> readObject(String json, String what) {
    try {
      return CaseJson.read(json, what);
    } catch (JsonInputException e) {
      throw new StoreException("the stored JSON of " + what + " is unreadable: " + e.problem(), e);
    }
  }

  /** {@link #readObject(String, String)} with a line reader: the same maps, faster. */
  static Map<String, Object> readObject(CaseLineReader reader, String json, String what) {
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (bytes.length > CaseJson.MAX_BYTES) {
      return readObject(json, what);
    }
    try {
      return reader.read(bytes, 0, bytes.length, what);
    } catch (JsonInputException e) {
      throw new StoreException("the stored JSON of " + what + " is unreadable: " + e.problem(), e);
    }
  }

  /** Reads one value written by {@link #value}; empty for SQL NULL. */
  static Optional<Object> readValue(String json, String what) {
    if (json == null) {
      return Optional.empty();
    }
    // CaseJson reads objects only; wrapping the value keeps one reader and so one set of types.
    return Optional.ofNullable(readObject("{\"v\":" + json + "}", what).get("v"));
  }

  static Map<String, String> readStrings(String json, String what) {
    var out = new LinkedHashMap<String, String>();
    readObject(json, what)
        .forEach(
            (key, value) -> {
              if (!(value instanceof String text)) {
                throw new StoreException(
                    "the stored JSON of "
                        + what
                        + " has a value that is not text at '"
                        + key
                        + "'");
              }
              out.put(key, text);
            });
    return out;
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Only checked JSON values reach here.
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void requireFactName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + ": a fact name is empty");
    }
  }

  private static void check(Object value, String where) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        return;
      }
      throw new IllegalArgumentException(where + ": " + d + " is not a JSON number");
    }
    if (value instanceof List<?> list) {
      list.forEach(item -> check(item, where));
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, item) -> {
            if (!(key instanceof String)) {
              throw new IllegalArgumentException(where + ": a JSON object's keys are text");
            }
            check(item, where);
          });
      return;
    }
    throw new IllegalArgumentException(
        where
            + ": the store keeps JSON values (text, true/false, numbers, lists, objects), not "
            + value.getClass().getSimpleName()
            + "; give dates as ISO text such as \"1990-05-17\" or \"1990-05\"");
  }
}
