package org.asylex.engine.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the policy says about one element for one case on one date. */
public enum Outcome {
  APPLIES("applies"),
  DOES_NOT_APPLY("does_not_apply"),
  /** The policy gives no group answer: the officer must assess the individual risk. */
  INDIVIDUAL_ASSESSMENT("individual_assessment"),
  /** Facts are missing; only the engine yields this, never a pack. */
  UNDETERMINED("undetermined");

  private final String id;

  Outcome(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The outcomes a pack may name. */
  public static List<Outcome> declarable() {
    return List.of(APPLIES, DOES_NOT_APPLY, INDIVIDUAL_ASSESSMENT);
  }

  public static Optional<Outcome> fromId(String id) {
    return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
  }
}
