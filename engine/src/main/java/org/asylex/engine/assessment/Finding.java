package org.asylex.engine.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.text.LocalizedText;

/**
 * What the policy says about one element for one case on one date, with everything needed to check
 * it: reason, deciding rule, the rule versions in force, the verbatim sources, the facts used, the
 * facts still missing and the assumptions it rests on.
 *
 * @param groups the risk groups or grounds that certainly hold (plus an exception's group when the
 *     exception decides)
 * @param missingFacts the unknown facts (or imprecise dates) whose value could change the outcome
 * @param imprecise the missing facts that are known, but not precisely enough (a partial date)
 * @param rule the rule that decided the outcome; empty when an element default decided it
 * @param decidingRules every rule that decided it (several when several groups hold)
 * @param factsUsed the known facts the rules in force read, by name
 * @param trace each rule version's sub-conditions with their values; empty unless requested
 */
public record Finding(
    String element,
    Outcome outcome,
    List<String> groups,
    List<String> missingFacts,
    List<String> imprecise,
    LocalizedText reason,
    Optional<String> rule,
    List<String> decidingRules,
    List<RuleInForce> rulesInForce,
    List<SourceQuote> sources,
    Map<String, Object> factsUsed,
    List<AssumptionUse> assumptions,
    List<RuleTrace> trace) {

  public Finding {
    groups = List.copyOf(groups);
    missingFacts = List.copyOf(missingFacts);
    imprecise = List.copyOf(imprecise);
    decidingRules = List.copyOf(decidingRules);
    rulesInForce = List.copyOf(rulesInForce);
    sources = List.copyOf(sources);
    factsUsed =
        factsUsed instanceof FactsUsed // already immutable, in schema order
            ? factsUsed
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(factsUsed));
    assumptions = List.copyOf(assumptions);
    trace = List.copyOf(trace);
  }
}
