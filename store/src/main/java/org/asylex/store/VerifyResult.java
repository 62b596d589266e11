package org.asylex.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking the audit trail's hash chain.
 *
 * @param checked the number of events read
 * @param headSeq the number of events the chain head records
 * @param headHash the hash the chain head records; write it down elsewhere to detect a rewrite of
 *     the whole trail later
 * @param firstBroken the sequence number of the first event at which the chain does not hold
 * @param problem what is wrong there, for a person
 */
public record VerifyResult(
    long checked,
    long headSeq,
    String headHash,
    Optional<Long> firstBroken,
    Optional<String> problem) {

  public VerifyResult {
    Objects.requireNonNull(headHash, "headHash");
    Objects.requireNonNull(firstBroken, "firstBroken");
    Objects.requireNonNull(problem, "problem");
    if (firstBroken.isPresent() != problem.isPresent()) {
      throw new IllegalArgumentException("a broken chain needs both the event and the problem");
    }
  }

  /** Whether every event is present, unaltered and in its place. */
  public boolean intact() {
    return firstBroken.isEmpty();
  }

  /** One line for a person: "intact: 12 events, head …" or "broken at event 7: …". */
  public String describe() {
    if (intact()) {
      return "intact: " + checked + " events, head " + headSeq + " " + headHash;
    }
    return "broken at event " + firstBroken.get() + ": " + problem.get();
  }
}
