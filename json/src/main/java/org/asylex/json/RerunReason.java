package org.asylex.json;

/**
 * Why a re-run of a stored assessment differs from it, or what to know about the re-run: a closed
 * set, so that a front end can act on a reason without reading its words ({@link DiffText} words
 * them).
 */
public sealed interface RerunReason {

  /** The pack's content changed since the assessment. */
  record PackChanged(String versionBefore, String versionAfter, String hashBefore, String hashAfter)
      implements RerunReason {}

  /** The pack has an assumption the stored assessment did not. */
  record NewAssumption(String id) implements RerunReason {}

  /** Something outside the findings differs; every element's finding is the same. */
  record FindingsSame() implements RerunReason {}

  /** The pack's content is the same; the engine is the same version or not. */
  record PackUnchanged(String engineBefore, String engineAfter) implements RerunReason {
    public boolean engineChanged() {
      return !engineBefore.equals(engineAfter);
    }
  }

  /** Besides the pack, the engine changed. */
  record EngineChanged(String before, String after) implements RerunReason {}

  /** An assumption of the stored assessment is no longer in the pack; the re-run leaves it out. */
  record AssumptionGone(String id, String storedValue) implements RerunReason {}

  /** The stored value of an assumption no longer fits its type; the pack's default was used. */
  record AssumptionValueUnusable(String id, String expected, String storedValue, String used)
      implements RerunReason {}

  /** The pack's default changed; the re-run used the value stored with the assessment. */
  record DefaultChanged(String id, String newDefault, String storedValue) implements RerunReason {}

  /** The stored facts are no longer valid input for the pack: its facts changed. */
  record PackFactsChanged() implements RerunReason {}
}
