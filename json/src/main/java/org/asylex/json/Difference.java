package org.asylex.json;

import java.util.List;

/**
 * One difference between a stored assessment and its re-run, as data ({@link AssessmentDiff} finds
 * them, {@link DiffText} words them). A subject names the place in the assessment's JSON form the
 * way a reader says it: {@code as of}, {@code pack version}, {@code assumption x value}, {@code
 * outcome}. Fact values never appear: facts used are named only.
 */
public sealed interface Difference {

  /** A value that changed. */
  record Changed(String subject, String before, String after) implements Difference {}

  /** A text that changed, in one language. */
  record TextChanged(String subject, String language, String before, String after)
      implements Difference {}

  /**
   * Items removed from and added to a list; {@code together}: short items, said on one line each
   * way.
   */
  record ListChanged(String subject, List<String> removed, List<String> added, boolean together)
      implements Difference {
    public ListChanged {
      removed = List.copyOf(removed);
      added = List.copyOf(added);
    }
  }

  /** The same items in another order. */
  record Reordered(String subject, List<String> before, List<String> after) implements Difference {
    public Reordered {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }
  }

  /** What an assumption or element is. */
  enum Part {
    ASSUMPTION,
    ELEMENT
  }

  /**
   * An assumption or element the stored assessment had and the re-run does not; {@code was} is its
   * value or outcome then.
   */
  record Removed(Part part, String id, String was) implements Difference {}

  /** An assumption or element new in the re-run, with its value or outcome now. */
  record Added(Part part, String id, String now) implements Difference {}

  /** The elements both have, in another order. */
  record ElementsReordered(List<String> before, List<String> after) implements Difference {
    public ElementsReordered {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }
  }

  /** A fact used by both, read differently (its value is not shown). */
  record FactReadDifferently(String fact) implements Difference {}

  /** A next question the re-run no longer asks. */
  record QuestionRemoved(String fact) implements Difference {}

  /** A next question the re-run asks, for these elements. */
  record QuestionAdded(String fact, List<String> elements) implements Difference {
    public QuestionAdded {
      elements = List.copyOf(elements);
    }
  }

  /** The finding of one element differs: how, and why as far as the two assessments tell. */
  record ElementChanged(String element, List<Difference> changes, Why why) implements Difference {
    public ElementChanged {
      changes = List.copyOf(changes);
    }
  }

  /** Why one element's finding differs. */
  enum WhyKind {
    /** Other rule versions, or other validity dates, are in force on the assessment date. */
    OTHER_RULES_IN_FORCE,
    /** The same versions are in force, but the pack changed their conditions or exceptions. */
    RULES_CHANGED_IN_PACK,
    /** The pack is the same, but the engine evaluated its rules differently. */
    ENGINE_EVALUATED_DIFFERENTLY,
    /** The same rules decide the same way; only what {@link Why#fields} names differs. */
    ONLY_FIELDS_DIFFER
  }

  /**
   * @param fields for {@link WhyKind#ONLY_FIELDS_DIFFER}: the fields that differ
   * @param packChanged whether the pack's content changed
   */
  record Why(WhyKind kind, List<String> fields, boolean packChanged) {
    public Why {
      fields = List.copyOf(fields);
    }
  }
}
