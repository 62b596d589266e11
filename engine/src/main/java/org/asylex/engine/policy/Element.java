package org.asylex.engine.policy;

import java.util.List;
import java.util.Optional;
import org.asylex.engine.text.LocalizedText;

/**
 * One element of a country policy: what a rule decides, in one slot of the country policy.
 *
 * @param letterRef where the source settles it, for the reader (e.g. "E6, E7, E8")
 * @param otherwise the outcome when rules are in force but none holds
 * @param notInForce the outcome when no rule of this element is valid on the date
 */
public record Element(
    String id,
    Slot slot,
    String letterRef,
    LocalizedText title,
    LocalizedText appliesMeans,
    List<Group> groups,
    DefaultOutcome otherwise,
    DefaultOutcome notInForce,
    List<ReportFinding> reportFindings,
    List<Milestone> milestones,
    Origin origin) {

  public Element {
    groups = List.copyOf(groups);
    reportFindings = List.copyOf(reportFindings);
    milestones = List.copyOf(milestones);
  }

  public Optional<Group> group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /** A risk group, or a ground of an element, that a rule can name. */
  public record Group(String id, LocalizedText label, Origin origin) {}

  /**
   * An outcome an element falls back on, with its reason.
   *
   * @param reasonVariants other wordings of the reason, each with its condition, tried in order
   */
  public record DefaultOutcome(
      Outcome outcome, LocalizedText reason, List<ReasonVariant> reasonVariants, Origin origin) {
    public DefaultOutcome {
      reasonVariants = List.copyOf(reasonVariants);
    }

    /** A default outcome with one reason. */
    public DefaultOutcome(Outcome outcome, LocalizedText reason, Origin origin) {
      this(outcome, reason, List.of(), origin);
    }
  }

  /**
   * A finding of the country report that motivates the element: context for the reader, never a
   * rule.
   */
  public record ReportFinding(
      String id, LocalizedText summary, List<SourceQuote> sources, Origin origin) {
    public ReportFinding {
      sources = List.copyOf(sources);
    }
  }

  /** A dated event of the element that the sources record, such as an extension. */
  public record Milestone(
      org.asylex.engine.time.PartialDate date,
      LocalizedText what,
      List<SourceQuote> sources,
      Origin origin) {
    public Milestone {
      sources = List.copyOf(sources);
    }
  }
}
