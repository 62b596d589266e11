package org.asylex.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two assessments in their JSON form ({@code AssessmentJson}): the pack, the
 * assumptions, and per element the outcome, groups, missing facts, rules, reasons and sources; and
 * why, as far as the two documents tell. Facts used are named, never shown with their values.
 */
public final class AssessmentDiff {
  private static final Set<String> TEXT_FIELDS = Set.of("title", "appliesMeans", "reason");
  private static final Set<String> LIST_FIELDS =
      Set.of("groups", "missingFacts", "imprecise", "decidingRules", "assumptions");

  /** How keys of the JSON form read in a difference. */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("contentHash", "content"),
          Map.entry("appliesMeans", "applies means"),
          Map.entry("missingFacts", "missing facts"),
          Map.entry("imprecise", "imprecise facts"),
          Map.entry("decidingRules", "deciding rules"),
          Map.entry("assumptions", "rests on assumptions"),
          Map.entry("groupLabels", "group label"),
          Map.entry("assumptionValues", "assumption value"),
          Map.entry("asOf", "as of"));

  private final List<String> differences = new ArrayList<>();
  private final List<String> reasons = new ArrayList<>();

  private AssessmentDiff() {}

  /** Compares a stored assessment ({@code before}) with its re-run ({@code after}). */
  public static AssessmentDiff of(JsonNode before, JsonNode after) {
    var diff = new AssessmentDiff();
    diff.compare(before, after);
    return diff;
  }

  /** One line per difference; elements' lines are indented under the element. */
  public List<String> differences() {
    return differences;
  }

  /** Why the assessments differ, as far as the documents tell. */
  public List<String> reasons() {
    return reasons;
  }

  public boolean isEmpty() {
    return differences.isEmpty();
  }

  private void compare(JsonNode before, JsonNode after) {
    for (String key : keys(before, after)) {
      switch (key) {
        case "policy", "assumptions", "findings", "nextQuestions", "language" -> {}
        default -> scalar(differences, label(key), before.get(key), after.get(key));
      }
    }
    JsonNode policyBefore = before.path("policy");
    JsonNode policyAfter = after.path("policy");
    boolean packChanged =
        !Objects.equals(policyBefore.get("contentHash"), policyAfter.get("contentHash"));
    for (String key : keys(policyBefore, policyAfter)) {
      if (key.equals("title")) {
        text(differences, "pack title", policyBefore.get(key), policyAfter.get(key));
      } else {
        scalar(differences, "pack " + label(key), policyBefore.get(key), policyAfter.get(key));
      }
    }
    assumptions(before.path("assumptions"), after.path("assumptions"));
    int findingLines = differences.size();
    boolean anyFinding = findings(before.path("findings"), after.path("findings"), packChanged);
    nextQuestions(before.path("nextQuestions"), after.path("nextQuestions"));

    if (packChanged) {
      reasons.add(
          packChange(
              render(policyBefore.get("version")),
              render(policyAfter.get("version")),
              policyBefore.path("contentHash").asText(),
              policyAfter.path("contentHash").asText()));
    }
    if (!anyFinding && findingLines == differences.size() && !differences.isEmpty()) {
      reasons.add("the findings of every element are the same");
    }
  }

  /** "the pack changed since the assessment: …", for the reasons. */
  public static String packChange(
      String versionBefore, String versionAfter, String hashBefore, String hashAfter) {
    return "the pack changed since the assessment: "
        + (versionBefore.equals(versionAfter)
            ? "same version label " + versionBefore + ", but content "
            : "version " + versionBefore + " → " + versionAfter + ", content ")
        + shortHash(hashBefore)
        + " → "
        + shortHash(hashAfter);
  }

  /** The algorithm and the first 12 digits of a content hash: enough to tell packs apart. */
  public static String shortHash(String hash) {
    int colon = hash.indexOf(':');
    int end = Math.min(hash.length(), (colon < 0 ? 0 : colon + 1) + 12);
    return hash.substring(0, end);
  }

  private static String label(String key) {
    return LABELS.getOrDefault(key, key);
  }

  private void assumptions(JsonNode before, JsonNode after) {
    Map<String, JsonNode> b = byKey(before, "id");
    Map<String, JsonNode> a = byKey(after, "id");
    for (String id : union(b.keySet(), a.keySet())) {
      JsonNode x = b.get(id);
      JsonNode y = a.get(id);
      if (y == null) {
        differences.add(
            "assumption " + id + ": no longer in the pack (was " + render(x.get("value")) + ")");
      } else if (x == null) {
        differences.add("assumption " + id + ": new in the pack, value " + render(y.get("value")));
        reasons.add("the pack has a new assumption " + id);
      } else {
        for (String key : keys(x, y)) {
          if (!key.equals("id")) {
            scalar(differences, "assumption " + id + " " + label(key), x.get(key), y.get(key));
          }
        }
      }
    }
  }

  /** Returns whether any finding differs. */
  private boolean findings(JsonNode before, JsonNode after, boolean packChanged) {
    Map<String, JsonNode> b = byKey(before, "element");
    Map<String, JsonNode> a = byKey(after, "element");
    boolean any = false;
    var commonBefore = new ArrayList<>(b.keySet());
    commonBefore.retainAll(a.keySet());
    var commonAfter = new ArrayList<>(a.keySet());
    commonAfter.retainAll(b.keySet());
    if (!commonBefore.equals(commonAfter)) {
      differences.add(
          "order of the elements: "
              + String.join(", ", commonBefore)
              + " → "
              + String.join(", ", commonAfter));
      any = true;
    }
    for (String element : union(b.keySet(), a.keySet())) {
      JsonNode x = b.get(element);
      JsonNode y = a.get(element);
      if (y == null) {
        differences.add("element " + element + ": no longer in the pack (was " + outcome(x) + ")");
        any = true;
        continue;
      }
      if (x == null) {
        differences.add("element " + element + ": new in the pack: " + outcome(y));
        any = true;
        continue;
      }
      List<String> lines = finding(x, y);
      if (!lines.isEmpty()) {
        any = true;
        differences.add("element " + element + ":");
        lines.forEach(l -> differences.add("  " + l));
        differences.add("  why: " + why(x, y, packChanged));
      }
    }
    return any;
  }

  private List<String> finding(JsonNode x, JsonNode y) {
    var lines = new ArrayList<String>();
    for (String key : keys(x, y)) {
      JsonNode u = x.get(key);
      JsonNode v = y.get(key);
      if (Objects.equals(u, v) || key.equals("element")) {
        continue;
      }
      if (key.equals("outcome")) {
        lines.add("outcome: " + outcome(x) + " → " + outcome(y));
      } else if (TEXT_FIELDS.contains(key)) {
        text(lines, label(key), u, v);
      } else if (LIST_FIELDS.contains(key)) {
        list(lines, label(key), strings(u), strings(v), true);
      } else if (key.equals("rule")) {
        lines.add("deciding rule: " + orNone(u) + " → " + orNone(v));
      } else if (key.equals("rulesInForce")) {
        list(
            lines,
            "rules in force",
            rendered(u, AssessmentDiff::ruleInForce),
            rendered(v, AssessmentDiff::ruleInForce),
            false);
      } else if (key.equals("sources")) {
        list(
            lines,
            "sources",
            rendered(u, AssessmentDiff::source),
            rendered(v, AssessmentDiff::source),
            false);
      } else if (key.equals("factsUsed")) {
        factsUsed(lines, u, v);
      } else if (key.equals("groupLabels") || key.equals("assumptionValues")) {
        for (String name : keys(u, v)) {
          JsonNode p = u == null ? null : u.get(name);
          JsonNode q = v == null ? null : v.get(name);
          if (p != null && p.isObject() || q != null && q.isObject()) {
            text(lines, label(key) + " " + name, p, q);
          } else {
            scalar(lines, label(key) + " " + name, p, q);
          }
        }
      } else {
        scalar(lines, label(key), u, v);
      }
    }
    return lines;
  }

  private static String why(JsonNode x, JsonNode y, boolean packChanged) {
    boolean rules = !Objects.equals(x.get("rulesInForce"), y.get("rulesInForce"));
    boolean decision =
        !Objects.equals(x.get("outcome"), y.get("outcome"))
            || !Objects.equals(x.get("groups"), y.get("groups"))
            || !Objects.equals(x.get("rule"), y.get("rule"))
            || !Objects.equals(x.get("decidingRules"), y.get("decidingRules"))
            || !Objects.equals(x.get("missingFacts"), y.get("missingFacts"));
    if (rules) {
      return "other rule versions, or other validity dates, are in force on the assessment date";
    }
    if (decision) {
      return packChanged
          ? "the same rule versions are in force, but their conditions, outcomes or exceptions"
              + " changed in the pack"
          : "the pack is the same, but the engine evaluated its rules differently";
    }
    var changed = new ArrayList<String>();
    for (String key : keys(x, y)) {
      if (!Objects.equals(x.get(key), y.get(key))) {
        changed.add(label(key));
      }
    }
    return "the same rules decide the same way; only "
        + String.join(", ", changed)
        + (changed.size() == 1 ? " differs" : " differ")
        + (packChanged ? " in the pack" : "");
  }

  private void nextQuestions(JsonNode before, JsonNode after) {
    Map<String, JsonNode> b = byKey(before, "fact");
    Map<String, JsonNode> a = byKey(after, "fact");
    for (String fact : union(b.keySet(), a.keySet())) {
      JsonNode x = b.get(fact);
      JsonNode y = a.get(fact);
      if (y == null) {
        differences.add("next questions: - " + fact);
      } else if (x == null) {
        differences.add(
            "next questions: + "
                + fact
                + " (for "
                + String.join(", ", strings(y.get("elements")))
                + ")");
      } else if (!x.equals(y)) {
        for (String key : keys(x, y)) {
          if (key.equals("label") || key.equals("question")) {
            text(differences, "next question " + fact + " " + key, x.get(key), y.get(key));
          } else if (key.equals("elements")) {
            list(
                differences,
                "next question " + fact + " elements",
                strings(x.get(key)),
                strings(y.get(key)),
                true);
          } else {
            scalar(differences, "next question " + fact + " " + key, x.get(key), y.get(key));
          }
        }
      }
    }
  }

  /** Facts used: by name only, never with values. */
  private static void factsUsed(List<String> lines, JsonNode u, JsonNode v) {
    var before = names(u);
    var after = names(v);
    list(lines, "facts used", before, after, true);
    for (String name : before) {
      if (after.contains(name) && !Objects.equals(u.get(name), v.get(name))) {
        lines.add("facts used: " + name + " is read differently");
      }
    }
  }

  /**
   * What was removed from and added to a list; short items ({@code together}) on one line each way,
   * long ones on a line each.
   */
  private static void list(
      List<String> lines, String what, List<String> before, List<String> after, boolean together) {
    if (before.equals(after)) {
      return;
    }
    var removed = new ArrayList<>(before);
    removed.removeAll(after);
    var added = new ArrayList<>(after);
    added.removeAll(before);
    if (removed.isEmpty() && added.isEmpty()) {
      lines.add(what + ": order " + String.join(", ", before) + " → " + String.join(", ", after));
      return;
    }
    if (together) {
      if (!removed.isEmpty()) {
        lines.add(what + ": - " + String.join(", ", removed));
      }
      if (!added.isEmpty()) {
        lines.add(what + ": + " + String.join(", ", added));
      }
    } else {
      removed.forEach(r -> lines.add(what + ": - " + r));
      added.forEach(r -> lines.add(what + ": + " + r));
    }
  }

  private static void text(List<String> lines, String what, JsonNode before, JsonNode after) {
    if (Objects.equals(before, after)) {
      return;
    }
    for (String lang : List.of("en", "nl")) {
      JsonNode x = before == null ? null : before.get(lang);
      JsonNode y = after == null ? null : after.get(lang);
      if (!Objects.equals(x, y)) {
        lines.add(what + " (" + lang + "): " + quoted(x) + " → " + quoted(y));
      }
    }
  }

  private static void scalar(List<String> lines, String what, JsonNode before, JsonNode after) {
    if (!Objects.equals(before, after)) {
      lines.add(what + ": " + render(before) + " → " + render(after));
    }
  }

  private static String quoted(JsonNode n) {
    return n == null || n.isNull() ? "(none)" : "“" + n.asText() + "”";
  }

  private static String render(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "(none)";
    }
    return n.isTextual() ? n.asText() : n.toString();
  }

  private static String orNone(JsonNode n) {
    return n == null || n.isNull() ? "none" : n.asText();
  }

  private static String outcome(JsonNode finding) {
    return finding.path("outcome").asText("?").toUpperCase(Locale.ROOT).replace('_', ' ');
  }

  private static String ruleInForce(JsonNode r) {
    return r.path("rule").asText()
        + " version "
        + r.path("version").asText()
        + " of "
        + r.path("versions").asText()
        + ", valid ["
        + (r.path("validFrom").isNull() ? "…" : r.path("validFrom").asText())
        + ", "
        + (r.path("validTo").isNull() ? "…" : r.path("validTo").asText())
        + ")";
  }

  private static String source(JsonNode s) {
    return "“"
        + s.path("quote").asText()
        + "” — "
        + s.path("document").asText()
        + ", line "
        + s.path("line").asText();
  }

  private static List<String> rendered(
      JsonNode list, java.util.function.Function<JsonNode, String> f) {
    var out = new ArrayList<String>();
    if (list != null) {
      list.forEach(n -> out.add(f.apply(n)));
    }
    return out;
  }

  private static List<String> strings(JsonNode list) {
    var out = new ArrayList<String>();
    if (list != null) {
      list.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static List<String> names(JsonNode object) {
    var out = new ArrayList<String>();
    if (object != null) {
      object.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  private static Map<String, JsonNode> byKey(JsonNode list, String key) {
    var map = new LinkedHashMap<String, JsonNode>();
    if (list != null) {
      list.forEach(n -> map.put(n.path(key).asText(), n));
    }
    return map;
  }

  private static List<String> keys(JsonNode x, JsonNode y) {
    var keys = new LinkedHashSet<String>();
    for (JsonNode n : new JsonNode[] {x, y}) {
      if (n != null && n.isObject()) {
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(keys::add);
      }
    }
    return new ArrayList<>(keys);
  }

  private static List<String> union(Set<String> a, Set<String> b) {
    var all = new LinkedHashSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }
}
