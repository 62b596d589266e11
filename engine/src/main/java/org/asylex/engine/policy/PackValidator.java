package org.asylex.engine.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.expr.ExprProblem;
import org.asylex.engine.expr.TypeChecker;
import org.asylex.engine.text.NearestName;

/**
 * The semantic check of a loaded pack: names resolve, types agree, validity intervals are ordered
 * and do not overlap within a rule, exceptions name rules of their own element, and no two rules
 * decide the same thing at once. Structure (keys, value shapes, quotes found in their documents) is
 * checked while loading; this check sees the whole pack.
 */
public final class PackValidator {
  private static final Pattern FACT_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> RESERVED =
      Set.of("and", "or", "not", "in", "true", "false", "assessmentDate", "age");

  private final PolicyPack pack;
  private final AssumptionValues defaults;
  private final PackVocabulary vocabulary;
  private final Diagnostics out = new Diagnostics();
  private final Set<String> usedAssumptions = new HashSet<>();
  private final Map<String, Set<String>> definitionUses = new LinkedHashMap<>();
  private final Map<String, Set<String>> definitionFacts = new LinkedHashMap<>();
  private final Map<Rule.Version, TypeChecker.Result> versionFacts = new HashMap<>();

  private PackValidator(PolicyPack pack) {
    this.pack = pack;
    this.defaults = AssumptionValues.defaults(pack);
    this.vocabulary = new PackVocabulary(pack);
  }

  /** Every problem of the pack, errors and warnings, sorted by position. */
  public static List<Diagnostic> check(PolicyPack pack) {
    var v = new PackValidator(pack);
    v.facts();
    v.elements();
    v.assumptions();
    v.definitions();
    v.rules();
    v.conflicts();
    v.sharedFacts();
    v.unused();
    return v.out.sorted();
  }

  private void facts() {
    var seen = new HashMap<String, FactDefinition>();
    for (FactDefinition f : pack.facts().facts()) {
      SourcePosition at = f.origin().of("name");
      FactDefinition earlier = seen.putIfAbsent(f.name(), f);
      if (earlier != null) {
        out.add(
            Diagnostic.error("duplicate-fact", at, "fact '" + f.name() + "' is declared twice")
                .withRelated(earlier.origin().at(), "first declared here"));
      }
      if (!FACT_NAME.matcher(f.name()).matches() || RESERVED.contains(f.name())) {
        out.error(
            "bad-name",
            at,
            "fact name '" + f.name() + "' must be camelCase (e.g. placeOfBirth) and not a keyword");
      }
      if (f.type() == FactType.ENUM && f.values().isEmpty()) {
        out.error("enum-without-values", f.origin().of("type"), "an enum fact needs 'values'");
      }
      if (f.type() != FactType.ENUM && !f.values().isEmpty()) {
        out.error(
            "values-on-non-enum",
            f.origin().of("values"),
            "only an enum fact takes 'values'; '" + f.name() + "' is " + f.type().id());
      }
    }
  }

  private void elements() {
    var seen = new HashMap<String, Element>();
    for (Element e : pack.elements()) {
      Element earlier = seen.putIfAbsent(e.id(), e);
      if (earlier != null) {
        out.add(
            Diagnostic.error(
                    "duplicate-element",
                    e.origin().of("id"),
                    "element '" + e.id() + "' is declared twice")
                .withRelated(earlier.origin().at(), "first declared here"));
      }
      kebab(e.id(), e.origin().of("id"), "element id");
      var groups = new HashSet<String>();
      for (Element.Group g : e.groups()) {
        kebab(g.id(), g.origin().at(), "group id");
        if (!groups.add(g.id())) {
          out.error(
              "duplicate-group",
              g.origin().at(),
              "group '" + g.id() + "' is declared twice in element '" + e.id() + "'");
        }
      }
      if (pack.rulesOf(e.id()).isEmpty()) {
        out.warning(
            "element-without-rules", e.origin().at(), "element '" + e.id() + "' has no rules");
      }
    }
  }

  private void assumptions() {
    var seen = new HashMap<String, Assumption>();
    for (Assumption a : pack.assumptions()) {
      Assumption earlier = seen.putIfAbsent(a.id(), a);
      if (earlier != null) {
        out.add(
            Diagnostic.error(
                    "duplicate-assumption",
                    a.origin().of("id"),
                    "assumption '" + a.id() + "' is declared twice")
                .withRelated(earlier.origin().at(), "first declared here"));
      }
      kebab(a.id(), a.origin().of("id"), "assumption id");
      if (AssumptionValues.parse(a.type(), a.defaultValue()).isEmpty()) {
        out.error(
            "bad-assumption-value",
            a.origin().of("default"),
            "default of '"
                + a.id()
                + "' must be "
                + AssumptionValues.expected(a.type())
                + ", not '"
                + a.defaultValue()
                + "'");
      }
      for (Assumption.Alternative alt : a.alternatives()) {
        alt.value()
            .filter(v -> AssumptionValues.parse(a.type(), v).isEmpty())
            .ifPresent(
                v ->
                    out.error(
                        "bad-assumption-value",
                        alt.origin().of("value"),
                        "alternative value of '"
                            + a.id()
                            + "' must be "
                            + AssumptionValues.expected(a.type())
                            + ", not '"
                            + v
                            + "'"));
      }
    }
  }

  private void definitions() {
    var seen = new HashMap<String, Definition>();
    for (Definition d : pack.definitions()) {
      SourcePosition at = d.origin().of("name");
      Definition earlier = seen.putIfAbsent(d.name(), d);
      if (earlier != null) {
        out.add(
            Diagnostic.error(
                    "duplicate-definition", at, "definition '" + d.name() + "' is declared twice")
                .withRelated(earlier.origin().at(), "first declared here"));
      }
      if (pack.facts().fact(d.name()).isPresent()) {
        out.error(
            "definition-shadows-fact", at, "definition '" + d.name() + "' has the name of a fact");
      }
      if (!FACT_NAME.matcher(d.name()).matches() || RESERVED.contains(d.name())) {
        out.error(
            "bad-name",
            at,
            "definition name '" + d.name() + "' must be camelCase and not a keyword");
      }
      TypeChecker.Result result = condition(d.condition());
      definitionUses.put(d.name(), result.definitions());
      definitionFacts.put(d.name(), result.facts());
    }
    // A definition that (indirectly) uses itself would never finish evaluating.
    for (Definition d : pack.definitions()) {
      if (reaches(d.name(), d.name(), new HashSet<>())) {
        out.error(
            "definition-cycle",
            d.origin().of("name"),
            "definition '"
                + d.name()
                + "' refers to itself (directly or through other definitions)");
      }
    }
  }

  private boolean reaches(String from, String target, Set<String> visited) {
    for (String next : definitionUses.getOrDefault(from, Set.of())) {
      if (next.equals(target)) {
        return true;
      }
      if (visited.add(next) && reaches(next, target, visited)) {
        return true;
      }
    }
    return false;
  }

  private TypeChecker.Result condition(Condition c) {
    TypeChecker.Result result = TypeChecker.checkCondition(c.expr(), vocabulary);
    for (ExprProblem p : result.problems()) {
      out.error(p.code(), c.positions().at(p.start()), p.message());
    }
    usedAssumptions.addAll(result.assumptions());
    return result;
  }

  private void rules() {
    var seen = new HashMap<String, Rule>();
    var elementIds = pack.elements().stream().map(Element::id).toList();
    var ruleIds = pack.rules().stream().map(Rule::id).toList();
    for (Rule r : pack.rules()) {
      Rule earlier = seen.putIfAbsent(r.id(), r);
      if (earlier != null) {
        out.add(
            Diagnostic.error(
                    "duplicate-rule",
                    r.origin().of("id"),
                    "rule '" + r.id() + "' is declared twice")
                .withRelated(earlier.origin().at(), "first declared here"));
      }
      kebab(r.id(), r.origin().of("id"), "rule id");
      Optional<Element> element = pack.element(r.element());
      if (element.isEmpty()) {
        out.error(
            "unknown-element",
            r.origin().of("element"),
            "rule '"
                + r.id()
                + "' decides unknown element '"
                + r.element()
                + "'"
                + didYouMean(r.element(), elementIds, elementIds));
      } else {
        group(r, element.get());
      }
      for (String target : r.exceptionTo()) {
        Optional<Rule> lifted = pack.rule(target);
        if (lifted.isEmpty()) {
          out.error(
              "unknown-rule",
              r.origin().of("exception-to"),
              "rule '"
                  + r.id()
                  + "' is an exception to unknown rule '"
                  + target
                  + "'"
                  + didYouMean(target, ruleIds, ruleIds));
        } else if (!lifted.get().element().equals(r.element())) {
          out.add(
              Diagnostic.error(
                      "exception-across-elements",
                      r.origin().of("exception-to"),
                      "rule '"
                          + r.id()
                          + "' (element '"
                          + r.element()
                          + "') cannot lift rule '"
                          + target
                          + "' of element '"
                          + lifted.get().element()
                          + "'")
                  .withRelated(lifted.get().origin().at(), "the lifted rule"));
        } else if (target.equals(r.id())) {
          out.error(
              "exception-to-itself",
              r.origin().of("exception-to"),
              "rule '" + r.id() + "' cannot be an exception to itself");
        }
      }
      var assumptionIds = pack.assumptions().stream().map(Assumption::id).toList();
      for (String a : r.restsOn()) {
        if (pack.assumption(a).isEmpty()) {
          out.error(
              "undefined-assumption",
              r.origin().of("rests-on"),
              "rule '"
                  + r.id()
                  + "' rests on undefined assumption '"
                  + a
                  + "'"
                  + didYouMean(a, assumptionIds, assumptionIds));
        }
        usedAssumptions.add(a);
      }
      versions(r);
    }
    exceptionCycles();
  }

  private void group(Rule r, Element element) {
    var groupIds = element.groups().stream().map(Element.Group::id).toList();
    if (r.group().isEmpty()) {
      if (!groupIds.isEmpty()) {
        out.error(
            "missing-group",
            r.origin().at(),
            "rule '"
                + r.id()
                + "' must name the group it decides; element '"
                + element.id()
                + "' has groups "
                + String.join(", ", groupIds));
      }
      return;
    }
    String g = r.group().get();
    if (element.group(g).isEmpty()) {
      out.error(
          "unknown-group",
          r.origin().of("group"),
          groupIds.isEmpty()
              ? "element '"
                  + element.id()
                  + "' has no groups, but rule '"
                  + r.id()
                  + "' names group '"
                  + g
                  + "'"
              : "unknown group '"
                  + g
                  + "' of element '"
                  + element.id()
                  + "'"
                  + didYouMean(g, groupIds, groupIds));
    }
  }

  private void versions(Rule r) {
    if (r.versions().isEmpty()) {
      out.error("rule-without-versions", r.origin().at(), "rule '" + r.id() + "' has no versions");
    }
    for (Rule.Version v : r.versions()) {
      validity(v.validity());
      versionFacts.put(v, condition(v.when()));
      if (v.sources().isEmpty()) {
        out.error(
            "rule-without-source",
            v.origin().of("sources"),
            "rule '"
                + r.id()
                + "' cites no source: every rule version needs at least one verbatim quote");
      }
    }
    var versions = r.versions();
    for (int i = 0; i < versions.size(); i++) {
      for (int j = i + 1; j < versions.size(); j++) {
        Optional<Validity.Interval> a = resolved(versions.get(i).validity());
        Optional<Validity.Interval> b = resolved(versions.get(j).validity());
        if (a.isEmpty() || b.isEmpty()) {
          continue;
        }
        Optional<Validity.Interval> both = a.get().intersection(b.get());
        if (both.isPresent()) {
          out.add(
              Diagnostic.error(
                      "overlapping-versions",
                      versions.get(j).validity().origin().at(),
                      "versions of rule '"
                          + r.id()
                          + "' overlap: "
                          + a.get()
                          + " and "
                          + b.get()
                          + " both hold on "
                          + both.get())
                  .withRelated(
                      versions.get(i).validity().origin().at(), "the other version's validity"));
        }
      }
    }
  }

  private void validity(Validity validity) {
    boolean resolvable = true;
    for (var entry : List.of(Map.entry("from", validity.from()), Map.entry("to", validity.to()))) {
      if (entry.getValue().orElse(null) instanceof DateRef.FromAssumption ref) {
        usedAssumptions.add(ref.assumptionId());
        Optional<Assumption> a = pack.assumption(ref.assumptionId());
        if (a.isEmpty()) {
          var ids = pack.assumptions().stream().map(Assumption::id).toList();
          out.error(
              "undefined-assumption",
              validity.origin().of(entry.getKey()),
              "undefined assumption '@"
                  + ref.assumptionId()
                  + "'"
                  + NearestName.suggest(ref.assumptionId(), ids)
                      .map(x -> "; did you mean '@" + x + "'?")
                      .orElse(""));
          resolvable = false;
        } else if (a.get().type() != Assumption.Type.DATE) {
          out.error(
              "type-mismatch",
              validity.origin().of(entry.getKey()),
              "a validity boundary needs a date, but assumption '"
                  + ref.assumptionId()
                  + "' is "
                  + a.get().type().id());
          resolvable = false;
        } else if (defaults.get(ref.assumptionId()).isEmpty()) {
          resolvable = false;
        }
      }
    }
    if (resolvable) {
      Validity.Interval i = validity.resolve(defaults);
      if (i.isEmpty()) {
        out.error(
            "empty-validity",
            validity.origin().at(),
            "validity " + i + " is empty: 'from' must be before 'to'");
      }
    }
  }

  private Optional<Validity.Interval> resolved(Validity validity) {
    for (Optional<DateRef> end : List.of(validity.from(), validity.to())) {
      if (end.orElse(null) instanceof DateRef.FromAssumption ref
          && !(defaults.get(ref.assumptionId()).orElse(null)
              instanceof org.asylex.engine.expr.Value.Date)) {
        return Optional.empty();
      }
    }
    return Optional.of(validity.resolve(defaults));
  }

  private void exceptionCycles() {
    for (Rule r : pack.rules()) {
      if (liftsTransitively(r.id(), r.id(), new HashSet<>())) {
        out.error(
            "exception-cycle",
            r.origin().of("exception-to"),
            "rule '" + r.id() + "' is, through its exceptions, an exception to itself");
      }
    }
  }

  private boolean liftsTransitively(String from, String target, Set<String> visited) {
    Optional<Rule> rule = pack.rule(from);
    if (rule.isEmpty()) {
      return false;
    }
    for (String next : rule.get().exceptionTo()) {
      if (next.equals(target) && !from.equals(target)) {
        return true;
      }
      if (!next.equals(from) && visited.add(next) && liftsTransitively(next, target, visited)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Two rules of one element that decide the same group (or the element as a whole) on the same
   * day, neither being an exception to the other, would make the outcome depend on which one is
   * read first: the pack must say which prevails.
   */
  private void conflicts() {
    for (Overlaps.Conflict c : Overlaps.conflicts(pack, this::resolved)) {
      out.add(
          Diagnostic.error("conflicting-rules", c.secondVersion().origin().at(), c.message())
              .withRelated(c.firstVersion().origin().at(), "rule '" + c.first().id() + "'"));
    }
  }

  /**
   * The engine finds an element's missing facts by treating its rules' conditions as independent of
   * each other. Two rules of one element in force together that read the same fact break that: the
   * pack still works, but the missing facts of such a case may be imprecise, so say so.
   */
  private void sharedFacts() {
    List<Rule> rules = pack.rules();
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        Rule a = rules.get(i);
        Rule b = rules.get(j);
        if (!a.element().equals(b.element())) {
          continue;
        }
        for (Rule.Version va : a.versions()) {
          for (Rule.Version vb : b.versions()) {
            Optional<Validity.Interval> ia = resolved(va.validity());
            Optional<Validity.Interval> ib = resolved(vb.validity());
            if (ia.isEmpty() || ib.isEmpty() || ia.get().intersection(ib.get()).isEmpty()) {
              continue;
            }
            Set<String> shared = new java.util.TreeSet<>(factsOf(va));
            shared.retainAll(factsOf(vb));
            if (!shared.isEmpty()) {
              out.add(
                  Diagnostic.warning(
                          "shared-fact",
                          vb.origin().at(),
                          "rules '"
                              + a.id()
                              + "' and '"
                              + b.id()
                              + "' of element '"
                              + a.element()
                              + "' both read "
                              + String.join(", ", shared)
                              + "; the missing facts the engine lists for this element may be imprecise")
                      .withRelated(va.origin().at(), "rule '" + a.id() + "'"));
            }
          }
        }
      }
    }
  }

  private Set<String> factsOf(Rule.Version v) {
    TypeChecker.Result r = versionFacts.get(v);
    if (r == null) {
      return Set.of();
    }
    var facts = new HashSet<>(r.facts());
    var pending = new java.util.ArrayDeque<>(r.definitions());
    var seen = new HashSet<String>();
    while (!pending.isEmpty()) {
      String d = pending.pop();
      if (seen.add(d)) {
        facts.addAll(definitionFacts.getOrDefault(d, Set.of()));
        pending.addAll(definitionUses.getOrDefault(d, Set.of()));
      }
    }
    return facts;
  }

  private void unused() {
    for (Assumption a : pack.assumptions()) {
      if (!usedAssumptions.contains(a.id())) {
        out.warning(
            "unused-assumption",
            a.origin().at(),
            "no rule rests on assumption '"
                + a.id()
                + "'; name it in a rule's rests-on or remove it");
      }
    }
  }

  private void kebab(String id, SourcePosition at, String what) {
    if (!KEBAB_ID.matcher(id).matches()) {
      out.error(
          "bad-name",
          at,
          what + " '" + id + "' must be kebab-case (lower-case words joined by '-')");
    }
  }

  private static String didYouMean(String name, List<String> candidates, List<String> all) {
    String suggestion = NearestName.didYouMean(name, candidates);
    if (!suggestion.isEmpty() || all.isEmpty()) {
      return suggestion;
    }
    return all.size() <= 8 ? " (known: " + String.join(", ", all) + ")" : "";
  }
}
