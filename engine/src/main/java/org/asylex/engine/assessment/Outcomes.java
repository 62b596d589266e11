package org.asylex.engine.assessment;

import java.util.List;
import org.asylex.engine.policy.Outcome;

/**
 * The outcomes of one case, one per element, with the missing facts as bit masks over the fact
 * schema: the compact form for impact analysis over a caseload and for benchmarks. Immutable,
 * except a buffer from {@link CompiledPolicy#newOutcomes}, which each call of {@link
 * CompiledPolicy#outcomes(CaseFacts, java.time.LocalDate, Outcomes)} overwrites.
 */
public final class Outcomes {
  private final List<String> elements;
  private final Outcome[] outcomes;
  private final long[] missing;
  private final List<String>[] groups;

  /**
   * The scratch of a reusable buffer ({@link CompiledPolicy#newOutcomes}); null for the outcomes of
   * one case.
   */
  final Frame frame;

  @SuppressWarnings({"unchecked", "rawtypes"})
  Outcomes(List<String> elements, Outcome[] outcomes, long[] missing, List<List<String>> groups) {
    this(elements, outcomes, missing, groups.toArray(new List[0]));
  }

  /** Takes the arrays as they are: the caller hands them over. */
  Outcomes(List<String> elements, Outcome[] outcomes, long[] missing, List<String>[] groups) {
    this.elements = elements;
    this.outcomes = outcomes;
    this.missing = missing;
    this.groups = groups;
    this.frame = null;
  }

  /** A buffer for {@link CompiledPolicy#outcomes(CaseFacts, java.time.LocalDate, Outcomes)}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Outcomes(List<String> elements, int conditions) {
    this.elements = elements;
    this.outcomes = new Outcome[elements.size()];
    this.missing = new long[elements.size()];
    this.groups = new List[elements.size()];
    this.frame = new Frame(conditions);
  }

  /** Whether this is a buffer made for the policy with these elements. */
  boolean bufferFor(List<String> elements) {
    return frame != null && this.elements == elements;
  }

  Outcome[] outcomeArray() {
    return outcomes;
  }

  long[] missingArray() {
    return missing;
  }

  List<String>[] groupArray() {
    return groups;
  }

  public int size() {
    return outcomes.length;
  }

  public String element(int i) {
    return elements.get(i);
  }

  public Outcome outcome(int i) {
    return outcomes[i];
  }

  /** Bit {@code f} is set when fact {@code f} of the schema is missing for element {@code i}. */
  public long missingMask(int i) {
    return missing[i];
  }

  /**
   * The groups (or grounds) that certainly hold for element {@code i}, as the full finding names
   * them: an impact analysis sees a risk group gained while the outcome stays {@code applies}.
   */
  public List<String> groups(int i) {
    return groups[i];
  }
}
