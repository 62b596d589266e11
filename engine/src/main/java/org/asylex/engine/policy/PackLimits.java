package org.asylex.engine.policy;

/**
 * The sizes a pack may not exceed, checked by {@link PackValidator} (each a positioned error) and
 * relied on by the engine. See docs/pack-format-reference.md, "Limits".
 */
public final class PackLimits {
  private PackLimits() {}

  /** The engine keeps a case's facts as bits of a {@code long}: at most 64 facts per pack. */
  public static final int MAX_FACTS = Long.SIZE;

  /**
   * At most 12 rules and exceptions per element. An undetermined element's missing facts are found
   * by trying, for each of its n unknown rule and exception conditions, every true/false assignment
   * of the other n - 1: n × 2^(n-1) × 2 combinations. At 12 that is at most 49,152 combinations (a
   * few milliseconds for one pathological case), which keeps an assessment within the API's latency
   * aim; at 16 it would be about a million (about a tenth of a second).
   */
  public static final int MAX_CONDITIONS_PER_ELEMENT = 12;
}
