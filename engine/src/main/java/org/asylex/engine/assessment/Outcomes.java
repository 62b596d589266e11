package org.asylex.engine.assessment;

import java.util.List;
import org.asylex.engine.policy.Outcome;

/**
 * The outcomes of one case, one per element, with the missing facts as bit masks over the fact
 * schema: the compact form for impact analysis over a caseload and for benchmarks.
 */
public final class Outcomes {
  private final List<String> elements;
  private final Outcome[] outcomes;
  private final long[] missing;
  private final List<String>[] groups;

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
