package org.asylex.engine.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.expr.ExprProblem;
import org.asylex.engine.expr.TypeChecker;
import org.asylex.engine.text.NearestName;

/**
 * What the parts of one {@link PackValidator} run share: the pack, its default assumption values,
 * the diagnostics found so far and what the type checks learnt (which assumptions are used, what
 * each definition and rule version reads). Used by one check, on one thread.
 */
final class PackCheck {
  private static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  final PolicyPack pack;
  final AssumptionValues defaults;
  final Diagnostics out = new Diagnostics();
  final Set<String> usedAssumptions = new HashSet<>();
  final Map<String, Set<String>> definitionUses = new LinkedHashMap<>();
  final Map<String, Set<String>> definitionFacts = new LinkedHashMap<>();
  final Map<Rule.Version, TypeChecker.Result> versionFacts = new HashMap<>();
  private final PackVocabulary vocabulary;

  PackCheck(PolicyPack pack) {
    this.pack = pack;
    this.defaults = AssumptionValues.defaults(pack);
    this.vocabulary = new PackVocabulary(pack);
  }

  /** Type-checks a condition, reporting its problems at their place in the file. */
  TypeChecker.Result condition(Condition c) {
    TypeChecker.Result result = TypeChecker.checkCondition(c.expr(), vocabulary);
    for (ExprProblem p : result.problems()) {
      out.error(p.code(), c.positions().at(p.start()), p.message());
    }
    usedAssumptions.addAll(result.assumptions());
    return result;
  }

  /** The interval under the defaults, or empty when a boundary's assumption has no date. */
  Optional<Validity.Interval> resolved(Validity validity) {
    for (Optional<DateRef> end : List.of(validity.from(), validity.to())) {
      if (end.orElse(null) instanceof DateRef.FromAssumption ref
          && !(defaults.get(ref.assumptionId()).orElse(null)
              instanceof org.asylex.engine.expr.Value.Date)) {
        return Optional.empty();
      }
    }
    return Optional.of(validity.resolve(defaults));
  }

  /** Every fact a rule version reads, also through definitions. */
  Set<String> factsOf(Rule.Version v) {
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

  void kebab(String id, SourcePosition at, String what) {
    if (!KEBAB_ID.matcher(id).matches()) {
      out.error(
          "bad-name",
          at,
          what + " '" + id + "' must be kebab-case (lower-case words joined by '-')");
    }
  }

  static String didYouMean(String name, List<String> candidates, List<String> all) {
    String suggestion = NearestName.didYouMean(name, candidates);
    if (!suggestion.isEmpty() || all.isEmpty()) {
      return suggestion;
    }
    return all.size() <= 8 ? " (known: " + String.join(", ", all) + ")" : "";
  }
}
