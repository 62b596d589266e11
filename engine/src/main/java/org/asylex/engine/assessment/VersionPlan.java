package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.Validity;
import org.asylex.engine.text.LocalizedText;

/** One version of a rule, compiled: its validity under the assumption values and its condition. */
final class VersionPlan {
  final Rule.Version version;

  /** 1-based, in the rule's order. */
  final int number;

  final Validity.Interval interval;
  final Node condition;

  /** Every fact the condition reads, as a bit mask over the fact schema. */
  final long facts;

  /** The assumptions the condition reads (also through definitions). */
  final Set<String> assumptions;

  /**
   * What a finding rests on while this version is in force: the assumptions its condition and its
   * reason variants read, and those it names in its own {@code rests-on}.
   */
  final Set<String> restsOn;

  final Reasons reasons;

  /** The interval as epoch days, [from, to): selecting a version is two comparisons. */
  private final long from;

  private final long to;

  VersionPlan(
      Rule.Version version, int number, ConditionCompiler compiler, AssumptionValues values) {
    this.version = version;
    this.number = number;
    this.interval = version.validity().resolve(values);
    this.from = interval.from().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
    this.to = interval.to().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
    ConditionCompiler.Compiled compiled = compiler.compile(version.when());
    this.condition = compiled.root();
    this.facts = ConditionCompiler.facts(condition);
    this.assumptions = compiled.assumptions();
    this.reasons = new Reasons(version.reason(), version.reasonVariants(), compiler);
    var all = new TreeSet<>(assumptions);
    all.addAll(version.restsOn());
    all.addAll(reasons.assumptions());
    this.restsOn = Set.copyOf(all);
  }

  /** The reason in the wording whose condition holds for this case, else the plain one. */
  LocalizedText reason(Evaluation e) {
    return reasons.pick(e);
  }

  boolean contains(LocalDate date) {
    return contains(date.toEpochDay());
  }

  boolean contains(long day) {
    return day >= from && day < to;
  }

  /** The first day of the validity as an epoch day, or {@link Long#MIN_VALUE} when open. */
  long fromDay() {
    return from;
  }

  /** The first day after the validity as an epoch day, or {@link Long#MAX_VALUE} when open. */
  long toDay() {
    return to;
  }

  /** The outcome this version gives when it decides. */
  Outcome outcome() {
    return version.outcome();
  }
}
