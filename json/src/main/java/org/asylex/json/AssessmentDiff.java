package org.asylex.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What differs between two assessments in their JSON form ({@code AssessmentJson}): the pack, the
 * assumptions, and per element the outcome, groups, missing facts, rules, reasons and sources; and
 * why, as far as the two documents tell. The result is data ({@link Difference}, {@link
 * RerunReason}); {@link DiffText} words it. Facts used are named, never shown with their values.
 */
public final class AssessmentDiff {
  private static final Set<String> TEXT_FIELDS = Set.of("title", "appliesMeans", "reason");
  private static final Set<String> LIST_FIELDS =
      Set.of("groups", "missingFacts", "imprecise", "decidingRules", "assumptions");

  private final List<Difference> differences = new ArrayList<>();
  private final List<RerunReason> reasons = new ArrayList<>();

  private AssessmentDiff() {}

  /** Compares a stored assessment ({@code before}) with its re-run ({@code after}). */
  public static AssessmentDiff of(JsonNode before, JsonNode after) {
    var diff = new AssessmentDiff();
    diff.compare(before, after);
    return diff;
  }

  /** What differs, in the order of the assessment's JSON form. */
  public List<Difference> differences() {
    return List.copyOf(differences);
  }

  /** Why the assessments differ, as far as the documents tell. */
  public List<RerunReason> reasons() {
    return List.copyOf(reasons);
  }

  public boolean isEmpty() {
    return differences.isEmpty();
  }

  private void compare(JsonNode before, JsonNode after) {
    for (String key : keys(before, after)) {
      switch (key) {
        case "policy", "assumptions", "findings", "nextQuestions", "language" -> {}
        default ->
            scalar(
                differences,
                Difference.Subject.of(Difference.Scope.ASSESSMENT, key),
                before.get(key),
                after.get(key));
      }
    }
    JsonNode policyBefore = before.path("policy");
    JsonNode policyAfter = after.path("policy");
    boolean packChanged =
        !Objects.equals(policyBefore.get("contentHash"), policyAfter.get("contentHash"));
    for (String key : keys(policyBefore, policyAfter)) {
      var subject = Difference.Subject.of(Difference.Scope.PACK, key);
      if (key.equals("title")) {
        text(differences, subject, policyBefore.get(key), policyAfter.get(key));
      } else {
        scalar(differences, subject, policyBefore.get(key), policyAfter.get(key));
      }
    }
    assumptions(before.path("assumptions"), after.path("assumptions"));
    int beforeFindings = differences.size();
    boolean anyFinding = findings(before.path("findings"), after.path("findings"), packChanged);
    nextQuestions(before.path("nextQuestions"), after.path("nextQuestions"));

    if (packChanged) {
      reasons.add(
          new RerunReason.PackChanged(
              Objects.requireNonNullElse(render(policyBefore.get("version")), "(none)"),
              Objects.requireNonNullElse(render(policyAfter.get("version")), "(none)"),
              policyBefore.path("contentHash").asText(),
              policyAfter.path("contentHash").asText()));
    }
    if (!anyFinding && beforeFindings == differences.size() && !differences.isEmpty()) {
      reasons.add(new RerunReason.FindingsSame());
    }
  }

  private void assumptions(JsonNode before, JsonNode after) {
    Map<String, JsonNode> b = byKey(before, "id");
    Map<String, JsonNode> a = byKey(after, "id");
    for (String id : union(b.keySet(), a.keySet())) {
      JsonNode x = b.get(id);
      JsonNode y = a.get(id);
      if (y == null) {
        differences.add(
            new Difference.Removed(Difference.Part.ASSUMPTION, id, render(x.get("value"))));
      } else if (x == null) {
        differences.add(
            new Difference.Added(Difference.Part.ASSUMPTION, id, render(y.get("value"))));
        reasons.add(new RerunReason.NewAssumption(id));
      } else {
        for (String key : keys(x, y)) {
          if (!key.equals("id")) {
            scalar(
                differences,
                new Difference.Subject(Difference.Scope.ASSUMPTION, key, id),
                x.get(key),
                y.get(key));
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
      differences.add(new Difference.ElementsReordered(commonBefore, commonAfter));
      any = true;
    }
    for (String element : union(b.keySet(), a.keySet())) {
      JsonNode x = b.get(element);
      JsonNode y = a.get(element);
      if (y == null) {
        differences.add(new Difference.Removed(Difference.Part.ELEMENT, element, outcome(x)));
        any = true;
      } else if (x == null) {
        differences.add(new Difference.Added(Difference.Part.ELEMENT, element, outcome(y)));
        any = true;
      } else {
        List<Difference> changes = finding(x, y);
        if (!changes.isEmpty()) {
          any = true;
          differences.add(new Difference.ElementChanged(element, changes, why(x, y, packChanged)));
        }
      }
    }
    return any;
  }

  private List<Difference> finding(JsonNode x, JsonNode y) {
    var lines = new ArrayList<Difference>();
    for (String key : keys(x, y)) {
      JsonNode u = x.get(key);
      JsonNode v = y.get(key);
      if (Objects.equals(u, v) || key.equals("element")) {
        continue;
      }
      switch (key) {
        case "outcome" -> lines.add(new Difference.Changed(finding(key), outcome(x), outcome(y)));
        case "rule" -> lines.add(new Difference.Changed(finding(key), orNone(u), orNone(v)));
        case "rulesInForce" ->
            list(
                lines,
                finding(key),
                rendered(u, AssessmentDiff::ruleInForce),
                rendered(v, AssessmentDiff::ruleInForce),
                false);
        case "sources" ->
            list(
                lines,
                finding(key),
                rendered(u, AssessmentDiff::source),
                rendered(v, AssessmentDiff::source),
                false);
        case "factsUsed" -> factsUsed(lines, u, v);
        case "groupLabels", "assumptionValues" -> named(lines, key, u, v);
        default -> field(lines, key, u, v);
      }
    }
    return lines;
  }

  private static Difference.Subject finding(String key) {
    return Difference.Subject.of(Difference.Scope.FINDING, key);
  }

  private static void field(List<Difference> lines, String key, JsonNode u, JsonNode v) {
    if (TEXT_FIELDS.contains(key)) {
      text(lines, finding(key), u, v);
    } else if (LIST_FIELDS.contains(key)) {
      list(lines, finding(key), Difference.plain(strings(u)), Difference.plain(strings(v)), true);
    } else {
      scalar(lines, finding(key), u, v);
    }
  }

  /** An object of named texts or values: group labels, assumption values. */
  private static void named(List<Difference> lines, String key, JsonNode u, JsonNode v) {
    for (String name : keys(u, v)) {
      JsonNode p = u == null ? null : u.get(name);
      JsonNode q = v == null ? null : v.get(name);
      var subject = new Difference.Subject(Difference.Scope.FINDING, key, name);
      if (p != null && p.isObject() || q != null && q.isObject()) {
        text(lines, subject, p, q);
      } else {
        scalar(lines, subject, p, q);
      }
    }
  }

  private static Difference.Why why(JsonNode x, JsonNode y, boolean packChanged) {
    boolean rules = !Objects.equals(x.get("rulesInForce"), y.get("rulesInForce"));
    boolean decision =
        !Objects.equals(x.get("outcome"), y.get("outcome"))
            || !Objects.equals(x.get("groups"), y.get("groups"))
            || !Objects.equals(x.get("rule"), y.get("rule"))
            || !Objects.equals(x.get("decidingRules"), y.get("decidingRules"))
            || !Objects.equals(x.get("missingFacts"), y.get("missingFacts"));
    if (rules) {
      return new Difference.Why(Difference.WhyKind.OTHER_RULES_IN_FORCE, List.of(), packChanged);
    }
    if (decision) {
      return new Difference.Why(
          packChanged
              ? Difference.WhyKind.RULES_CHANGED_IN_PACK
              : Difference.WhyKind.ENGINE_EVALUATED_DIFFERENTLY,
          List.of(),
          packChanged);
    }
    var changed = new ArrayList<String>();
    for (String key : keys(x, y)) {
      if (!Objects.equals(x.get(key), y.get(key))) {
        changed.add(key);
      }
    }
    return new Difference.Why(Difference.WhyKind.ONLY_FIELDS_DIFFER, changed, packChanged);
  }

  private void nextQuestions(JsonNode before, JsonNode after) {
    Map<String, JsonNode> b = byKey(before, "fact");
    Map<String, JsonNode> a = byKey(after, "fact");
    for (String fact : union(b.keySet(), a.keySet())) {
      JsonNode x = b.get(fact);
      JsonNode y = a.get(fact);
      if (y == null) {
        differences.add(new Difference.QuestionRemoved(fact));
      } else if (x == null) {
        differences.add(new Difference.QuestionAdded(fact, strings(y.get("elements"))));
      } else if (!x.equals(y)) {
        question(fact, x, y);
      }
    }
  }

  private void question(String fact, JsonNode x, JsonNode y) {
    for (String key : keys(x, y)) {
      var what = new Difference.Subject(Difference.Scope.QUESTION, key, fact);
      if (key.equals("label") || key.equals("question")) {
        text(differences, what, x.get(key), y.get(key));
      } else if (key.equals("elements")) {
        list(
            differences,
            what,
            Difference.plain(strings(x.get(key))),
            Difference.plain(strings(y.get(key))),
            true);
      } else {
        scalar(differences, what, x.get(key), y.get(key));
      }
    }
  }

  /** Facts used: by name only, never with values. */
  private static void factsUsed(List<Difference> lines, JsonNode u, JsonNode v) {
    var before = names(u);
    var after = names(v);
    list(lines, finding("factsUsed"), Difference.plain(before), Difference.plain(after), true);
    for (String name : before) {
      if (after.contains(name) && !Objects.equals(u.get(name), v.get(name))) {
        lines.add(new Difference.FactReadDifferently(name));
      }
    }
  }

  private static void list(
      List<Difference> lines,
      Difference.Subject what,
      List<Difference.Item> before,
      List<Difference.Item> after,
      boolean together) {
    if (before.equals(after)) {
      return;
    }
    var removed = new ArrayList<>(before);
    removed.removeAll(after);
    var added = new ArrayList<>(after);
    added.removeAll(before);
    if (removed.isEmpty() && added.isEmpty()) {
      lines.add(new Difference.Reordered(what, before, after));
    } else {
      lines.add(new Difference.ListChanged(what, removed, added, together));
    }
  }

  private static void text(
      List<Difference> lines, Difference.Subject what, JsonNode before, JsonNode after) {
    if (Objects.equals(before, after)) {
      return;
    }
    for (String lang : List.of("en", "nl")) {
      JsonNode x = before == null ? null : before.get(lang);
      JsonNode y = after == null ? null : after.get(lang);
      if (!Objects.equals(x, y)) {
        lines.add(new Difference.TextChanged(what, lang, textOf(x), textOf(y)));
      }
    }
  }

  private static void scalar(
      List<Difference> lines, Difference.Subject what, JsonNode before, JsonNode after) {
    if (!Objects.equals(before, after)) {
      lines.add(new Difference.Changed(what, render(before), render(after)));
    }
  }

  /** A text, or null when there is none. */
  private static String textOf(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /** A value as text; null when it is absent. */
  private static String render(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return null;
    }
    return n.isTextual() ? n.asText() : n.toString();
  }

  /** A deciding rule's id; null when there is none. */
  private static String orNone(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /** An outcome's code, as in the JSON form ({@code applies}, {@code does_not_apply}, ...). */
  private static String outcome(JsonNode finding) {
    return finding.path("outcome").asText("?");
  }

  private static Difference.Item ruleInForce(JsonNode r) {
    return new Difference.RuleInForce(
        r.path("rule").asText(),
        r.path("version").asText(),
        r.path("versions").asText(),
        r.path("validFrom").isNull() ? null : r.path("validFrom").asText(),
        r.path("validTo").isNull() ? null : r.path("validTo").asText());
  }

  private static Difference.Item source(JsonNode s) {
    return new Difference.Source(
        s.path("quote").asText(), s.path("document").asText(), s.path("line").asText());
  }

  private static List<Difference.Item> rendered(
      JsonNode list, Function<JsonNode, Difference.Item> f) {
    var out = new ArrayList<Difference.Item>();
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
