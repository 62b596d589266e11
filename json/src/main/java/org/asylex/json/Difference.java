package org.asylex.json;

import java.util.List;

/**
 * One difference between a stored assessment and its re-run, as data ({@link AssessmentDiff} finds
 * them, {@link DiffText} words them in English, a front end in its own language). A {@link Subject}
 * names the place in the assessment's JSON form by its keys and ids, never by words. Fact values
 * never appear: facts used are named only. A value that was or is absent is {@code null}.
 */
public sealed interface Difference {

  /** Where in the assessment's JSON form a difference is. */
  enum Scope {
    /** A top-level field of the assessment: {@code asOf}, {@code format}, ... */
    ASSESSMENT,
    /** A field of its {@code policy}: {@code version}, {@code contentHash}, {@code title}, ... */
    PACK,
    /** A field of the assumption {@link Subject#name()}: {@code value}, ... */
    ASSUMPTION,
    /**
     * A field of an element's finding: {@code outcome}, {@code rule}, ...; for {@code groupLabels}
     * and {@code assumptionValues}, {@link Subject#name()} is the group or assumption.
     */
    FINDING,
    /** A field of the next question about the fact {@link Subject#name()}. */
    QUESTION
  }

  /**
   * The place of a difference: a scope, the JSON key of the field, and the id it belongs to when
   * the scope has one (else null). {@link #toString()} is its English name, as {@link DiffText}
   * says it.
   */
  record Subject(Scope scope, String field, String name) {
    public Subject {
      java.util.Objects.requireNonNull(scope, "scope");
      java.util.Objects.requireNonNull(field, "field");
    }

    public static Subject of(Scope scope, String field) {
      return new Subject(scope, field, null);
    }

    @Override
    public String toString() {
      return DiffText.subject(this);
    }
  }

  /** An item of a list that changed: a plain id or text, a rule in force, a source. */
  sealed interface Item {}

  /** An id or short text, said as it is. */
  record Plain(String value) implements Item {}

  /** A rule version in force on the assessment date; a validity bound may be null (open). */
  record RuleInForce(String rule, String version, String versions, String validFrom, String validTo)
      implements Item {}

  /** A quoted sentence of a policy document. */
  record Source(String quote, String document, String line) implements Item {}

  /** Plain items. */
  static List<Item> plain(List<String> values) {
    return values.stream().<Item>map(Plain::new).toList();
  }

  /** A value that changed; for an outcome the values are the outcomes' codes. */
  record Changed(Subject subject, String before, String after) implements Difference {}

  /** A text that changed, in one language. */
  record TextChanged(Subject subject, String language, String before, String after)
      implements Difference {}

  /**
   * Items removed from and added to a list; {@code together}: short items, said on one line each
   * way.
   */
  record ListChanged(Subject subject, List<Item> removed, List<Item> added, boolean together)
      implements Difference {
    public ListChanged {
      removed = List.copyOf(removed);
      added = List.copyOf(added);
    }
  }

  /** The same items in another order. */
  record Reordered(Subject subject, List<Item> before, List<Item> after) implements Difference {
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
   * value or outcome code then.
   */
  record Removed(Part part, String id, String was) implements Difference {}

  /** An assumption or element new in the re-run, with its value or outcome code now. */
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
   * @param fields for {@link WhyKind#ONLY_FIELDS_DIFFER}: the JSON keys of the finding's fields
   *     that differ
   * @param packChanged whether the pack's content changed
   */
  record Why(WhyKind kind, List<String> fields, boolean packChanged) {
    public Why {
      fields = List.copyOf(fields);
    }
  }
}
