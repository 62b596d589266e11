package org.asylex.engine.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.text.NearestName;

/**
 * The checks of each rule: its id, element and group, the rules it is an exception to, the
 * assumptions it rests on, and its versions (conditions, sources, validity, no overlap).
 */
final class RuleChecks {
  private final PackCheck check;
  private final PolicyPack pack;

  RuleChecks(PackCheck check) {
    this.check = check;
    this.pack = check.pack;
  }

  void rules() {
    var seen = new HashMap<String, Rule>();
    var elementIds = pack.elements().stream().map(Element::id).toList();
    for (Rule r : pack.rules()) {
      Rule earlier = seen.putIfAbsent(r.id(), r);
      if (earlier != null) {
        check.out.add(
            Diagnostic.error(
                    "duplicate-rule",
                    r.origin().of("id"),
                    "rule '" + r.id() + "' is declared twice")
                .withRelated(earlier.origin().at(), "first declared here"));
      }
      check.kebab(r.id(), r.origin().of("id"), "rule id");
      Optional<Element> element = pack.element(r.element());
      if (element.isEmpty()) {
        check.out.error(
            "unknown-element",
            r.origin().of("element"),
            "rule '"
                + r.id()
                + "' decides unknown element '"
                + r.element()
                + "'"
                + PackCheck.didYouMean(r.element(), elementIds, elementIds));
      } else {
        group(r, element.get());
      }
      exceptionTargets(r);
      restsOn(r.id(), r.restsOn(), r.origin());
      versions(r);
    }
    exceptionCycles();
    for (Element e : pack.elements()) {
      reasonVariants(e.otherwise().reasonVariants());
      reasonVariants(e.notInForce().reasonVariants());
    }
  }

  /** A reason variant's condition is checked like a rule's: it may read facts and assumptions. */
  private void reasonVariants(List<ReasonVariant> variants) {
    for (ReasonVariant v : variants) {
      check.condition(v.when());
    }
  }

  private void exceptionTargets(Rule r) {
    var ruleIds = pack.rules().stream().map(Rule::id).toList();
    for (String target : r.exceptionTo()) {
      Optional<Rule> lifted = pack.rule(target);
      if (lifted.isEmpty()) {
        check.out.error(
            "unknown-rule",
            r.origin().of("exception-to"),
            "rule '"
                + r.id()
                + "' is an exception to unknown rule '"
                + target
                + "'"
                + PackCheck.didYouMean(target, ruleIds, ruleIds));
      } else if (!lifted.get().element().equals(r.element())) {
        check.out.add(
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
        check.out.error(
            "exception-to-itself",
            r.origin().of("exception-to"),
            "rule '" + r.id() + "' cannot be an exception to itself");
      }
    }
  }

  private void restsOn(String rule, List<String> restsOn, Origin origin) {
    var assumptionIds = pack.assumptions().stream().map(Assumption::id).toList();
    for (String a : restsOn) {
      if (pack.assumption(a).isEmpty()) {
        check.out.error(
            "undefined-assumption",
            origin.of("rests-on"),
            "rule '"
                + rule
                + "' rests on undefined assumption '"
                + a
                + "'"
                + PackCheck.didYouMean(a, assumptionIds, assumptionIds));
      }
      check.usedAssumptions.add(a);
    }
  }

  private void group(Rule r, Element element) {
    var groupIds = element.groups().stream().map(Element.Group::id).toList();
    if (r.group().isEmpty()) {
      if (!groupIds.isEmpty()) {
        check.out.error(
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
      check.out.error(
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
                  + PackCheck.didYouMean(g, groupIds, groupIds));
    }
  }

  private void versions(Rule r) {
    if (r.versions().isEmpty()) {
      check.out.error(
          "rule-without-versions", r.origin().at(), "rule '" + r.id() + "' has no versions");
    }
    for (Rule.Version v : r.versions()) {
      validity(v.validity());
      check.versionFacts.put(v, check.condition(v.when()));
      restsOn(r.id(), v.restsOn(), v.origin());
      reasonVariants(v.reasonVariants());
      if (v.sources().isEmpty()) {
        check.out.error(
            "rule-without-source",
            v.origin().of("sources"),
            "rule '"
                + r.id()
                + "' cites no source: every rule version needs at least one verbatim quote");
      }
    }
    overlappingVersions(r);
  }

  private void overlappingVersions(Rule r) {
    var versions = r.versions();
    for (int i = 0; i < versions.size(); i++) {
      for (int j = i + 1; j < versions.size(); j++) {
        Optional<Validity.Interval> a = check.resolved(versions.get(i).validity());
        Optional<Validity.Interval> b = check.resolved(versions.get(j).validity());
        if (a.isEmpty() || b.isEmpty()) {
          continue;
        }
        Optional<Validity.Interval> both = a.get().intersection(b.get());
        if (both.isPresent()) {
          check.out.add(
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
        resolvable &= boundary(validity, entry.getKey(), ref);
      }
    }
    if (resolvable) {
      Validity.Interval i = validity.resolve(check.defaults);
      if (i.isEmpty()) {
        check.out.error(
            "empty-validity",
            validity.origin().at(),
            "validity " + i + " is empty: 'from' must be before 'to'");
      }
    }
  }

  /** Checks a boundary that names an assumption; whether it resolves under the defaults. */
  private boolean boundary(Validity validity, String field, DateRef.FromAssumption ref) {
    check.usedAssumptions.add(ref.assumptionId());
    Optional<Assumption> a = pack.assumption(ref.assumptionId());
    if (a.isEmpty()) {
      var ids = pack.assumptions().stream().map(Assumption::id).toList();
      check.out.error(
          "undefined-assumption",
          validity.origin().of(field),
          "undefined assumption '@"
              + ref.assumptionId()
              + "'"
              + NearestName.suggest(ref.assumptionId(), ids)
                  .map(x -> "; did you mean '@" + x + "'?")
                  .orElse(""));
      return false;
    }
    if (a.get().type() != Assumption.Type.DATE) {
      check.out.error(
          "type-mismatch",
          validity.origin().of(field),
          "a validity boundary needs a date, but assumption '"
              + ref.assumptionId()
              + "' is "
              + a.get().type().id());
      return false;
    }
    return check.defaults.get(ref.assumptionId()).isPresent();
  }

  private void exceptionCycles() {
    for (Rule r : pack.rules()) {
      if (liftsTransitively(r.id(), r.id(), new HashSet<>())) {
        check.out.error(
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
}
