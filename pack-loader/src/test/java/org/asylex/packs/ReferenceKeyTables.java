package org.asylex.packs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key tables of {@code docs/pack-format-reference.md}: a heading {@code #### `rule` keys}
 * followed by a table whose first column holds one key per row, as {@code `id`}.
 */
final class ReferenceKeyTables {
  private static final Pattern HEADING = Pattern.compile("^#{2,6} `([^`]+)` keys\\s*$");
  private static final Pattern KEY_CELL = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");

  private ReferenceKeyTables() {}

  /**
   * The documented keys of every mapping, by mapping name, in document order.
   *
   * @throws IllegalArgumentException when a table is missing, malformed or given twice
   */
  static Map<String, List<String>> parse(String markdown) {
    var tables = new LinkedHashMap<String, List<String>>();
    List<String> lines = markdown.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher heading = HEADING.matcher(lines.get(i));
      if (heading.matches()) {
        String mapping = heading.group(1);
        if (tables.put(mapping, table(mapping, lines, i + 1)) != null) {
          throw new IllegalArgumentException("the keys of '" + mapping + "' are listed twice");
        }
      }
    }
    return tables;
  }

  /** The keys of the first table after line {@code from}: header, separator, one row per key. */
  private static List<String> table(String mapping, List<String> lines, int from) {
    int i = from;
    while (i < lines.size() && !lines.get(i).startsWith("|")) {
      if (lines.get(i).startsWith("#")) {
        break;
      }
      i++;
    }
    if (i + 1 >= lines.size() || !lines.get(i + 1).matches("^\\|(\\s*-+\\s*\\|)+\\s*$")) {
      throw new IllegalArgumentException("no key table after the heading of '" + mapping + "'");
    }
    var keys = new ArrayList<String>();
    for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      Matcher key = KEY_CELL.matcher(lines.get(i));
      if (!key.find()) {
        throw new IllegalArgumentException(
            "'" + mapping + "': a row must start with one `key`: " + lines.get(i));
      }
      keys.add(key.group(1));
    }
    return keys;
  }

  /**
   * Every difference between the keys the loader accepts and the keys the reference documents, one
   * message each, naming the mapping and the key; empty when they agree.
   */
  static List<String> differences(
      Map<String, List<String>> accepted, Map<String, List<String>> documented) {
    var problems = new ArrayList<String>();
    Set<String> mappings = new LinkedHashSet<>(accepted.keySet());
    mappings.addAll(documented.keySet());
    for (String mapping : mappings) {
      List<String> a = accepted.get(mapping);
      List<String> d = documented.get(mapping);
      if (d == null) {
        problems.add("'" + mapping + "' is read by the loader but has no key table");
      } else if (a == null) {
        problems.add("'" + mapping + "' has a key table but the loader reads no such mapping");
      } else {
        onlyIn(a, d, mapping, "accepted by the loader but not documented", problems);
        onlyIn(d, a, mapping, "documented but not accepted by the loader", problems);
      }
    }
    return problems;
  }

  private static void onlyIn(
      List<String> these, List<String> other, String mapping, String what, List<String> into) {
    for (String key : these) {
      if (!other.contains(key)) {
        into.add(mapping + ": key '" + key + "' is " + what);
      }
    }
  }
}
