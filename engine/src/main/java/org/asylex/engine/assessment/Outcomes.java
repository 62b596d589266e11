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

  /**
   * In a buffer: per element the atom table that decided it (null: the arrays hold its values) and
   * the case's index in it. An outcome, its missing facts and groups are read from the table when
   * asked, so that a run over a caseload writes one number per element and reads only what it uses.
   */
  private AtomTable[] tables;

  private final int[] index;

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
    this.index = null;
  }

  /** A buffer for {@link CompiledPolicy#outcomes(CaseFacts, java.time.LocalDate, Outcomes)}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Outcomes(List<String> elements, int conditions) {
    this.elements = elements;
    this.outcomes = new Outcome[elements.size()];
    this.missing = new long[elements.size()];
    this.groups = new List[elements.size()];
    this.frame = new Frame(conditions);
    this.index = new int[elements.size()];
  }

  /** Makes the tables of {@code row} decide the elements that have one (a buffer only). */
  int[] decidedBy(AtomTable[] row) {
    tables = row;
    return index;
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
    AtomTable t = tables == null ? null : tables[i];
    return t != null ? t.outcome(index[i]) : outcomes[i];
  }

  /** Bit {@code f} is set when fact {@code f} of the schema is missing for element {@code i}. */
  public long missingMask(int i) {
    AtomTable t = tables == null ? null : tables[i];
    return t != null ? t.missing(index[i]) : missing[i];
  }

  /**
   * The groups (or grounds) that certainly hold for element {@code i}, as the full finding names
   * them: an impact analysis sees a risk group gained while the outcome stays {@code applies}.
   */
  public List<String> groups(int i) {
    AtomTable t = tables == null ? null : tables[i];
    return t != null ? t.groups(index[i]) : groups[i];
  }
}
