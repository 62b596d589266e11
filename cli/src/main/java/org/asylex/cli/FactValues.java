package org.asylex.cli;

import java.util.AbstractMap;
import java.util.Map;
import org.asylex.json.CaseJson;
import org.asylex.json.Json;
import org.asylex.json.JsonInputException;

/** {@code FACT=VALUE} on the command line, and fact values written back as JSON. */
final class FactValues {
  private FactValues() {}

  /**
   * Reads {@code FACT=VALUE}. The value is read as JSON when it is JSON ({@code true}, {@code 12},
   * {@code "text"}), else taken as text; {@code FACT=} and {@code FACT=null} stand for "not set" (a
   * null value).
   *
   * @param option names the option in messages, e.g. {@code --filter}
   */
  static Map.Entry<String, Object> assignment(String text, String option) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new UsageError(
          option + " takes FACT=VALUE, e.g. countryOfOrigin=NL; got '" + shortened(text) + "'");
    }
    String name = text.substring(0, eq).strip();
    if (name.isEmpty()) {
      throw new UsageError(option + " takes FACT=VALUE; the fact name is missing");
    }
    return new AbstractMap.SimpleEntry<>(name, value(text.substring(eq + 1)));
  }

  /** A value given as text: JSON when it reads as one JSON value, else the text itself. */
  static Object value(String text) {
    if (text.isEmpty() || text.equals("null")) {
      return null;
    }
    try {
      Map<String, Object> wrapped = CaseJson.read("{\"v\":" + text + "}", "value");
      if (wrapped.size() == 1 && wrapped.containsKey("v")) {
        return wrapped.get("v");
      }
    } catch (JsonInputException e) {
      // not JSON: the text itself
    }
    return text;
  }

  /** A value as compact JSON. */
  static String json(Object value) {
    return Json.compact(value);
  }

  /** The first characters of an argument, for a message that must not echo a whole value. */
  private static String shortened(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
