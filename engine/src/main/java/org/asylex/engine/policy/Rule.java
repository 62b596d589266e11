package org.asylex.engine.policy;

import java.util.List;
import java.util.Optional;
import org.asylex.engine.text.LocalizedText;

/**
 * A rule decides one element (or one group of it) while its condition holds. Its versions follow
 * each other in time; each version cites the sentences of the source it rests on.
 *
 * @param group the group or ground this rule decides, when the element has groups
 * @param exceptionTo the rules this rule lifts when its condition holds
 * @param restsOn assumptions the rule rests on beyond those its conditions read
 */
public record Rule(
    String id,
    String element,
    Optional<String> group,
    List<String> exceptionTo,
    List<String> restsOn,
    List<Version> versions,
    Origin origin) {

  public Rule {
    exceptionTo = List.copyOf(exceptionTo);
    restsOn = List.copyOf(restsOn);
    versions = List.copyOf(versions);
  }

  public boolean isException() {
    return !exceptionTo.isEmpty();
  }

  /**
   * The rule as it reads during one validity interval.
   *
   * @param reason the plain reason: used when no variant's condition is certainly true
   * @param reasonVariants other wordings of the reason, each with its condition, tried in order
   * @param restsOn assumptions that findings rest on only while this version is in force
   */
  public record Version(
      Validity validity,
      Condition when,
      Outcome outcome,
      LocalizedText reason,
      List<ReasonVariant> reasonVariants,
      List<String> restsOn,
      List<SourceQuote> sources,
      Origin origin) {
    public Version {
      reasonVariants = List.copyOf(reasonVariants);
      restsOn = List.copyOf(restsOn);
      sources = List.copyOf(sources);
    }

    /** A version with one reason and no assumptions of its own. */
    public Version(
        Validity validity,
        Condition when,
        Outcome outcome,
        LocalizedText reason,
        List<SourceQuote> sources,
        Origin origin) {
      this(validity, when, outcome, reason, List.of(), List.of(), sources, origin);
    }
  }
}
