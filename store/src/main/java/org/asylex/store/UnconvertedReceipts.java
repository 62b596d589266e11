package org.asylex.store;

import java.util.List;

/**
 * The receipts made before migration V6 whose assumption values and findings the store still keeps
 * as JSON text, for the application's conversion at start-up to the compact form. Listing them
 * reads no case facts, so it is not audited; converting one is ({@code assessment.convert}).
 */
public final class UnconvertedReceipts {
  private final JdbiCaseAssessments assessments;

  UnconvertedReceipts(JdbiCaseAssessments assessments) {
    this.assessments = assessments;
  }

  /**
   * Those whose pack is one of {@code contentHashes}, ordered by id, after {@code afterId} (null:
   * from the first), at most {@code limit}.
   */
  public List<UnconvertedReceipt> page(List<String> contentHashes, String afterId, int limit) {
    return assessments.unconverted(List.copyOf(contentHashes), afterId, limit);
  }

  /** How many there are. */
  public long count() {
    return assessments.countUnconverted();
  }

  /** The content hashes of their packs. */
  public List<String> packs() {
    return assessments.unconvertedPacks();
  }

  /**
   * Converts some in one transaction: each whose findings are still exactly those read gets {@code
   * findings} (the same content in its compact form, which the caller has checked renders back to
   * exactly the old text), kept packed with its assumption values, and one {@code
   * assessment.convert} event. One converted meanwhile (by another process) is left alone.
   *
   * @param findings per receipt, in order, the findings to keep instead
   * @return how many were converted
   */
  public int convert(List<UnconvertedReceipt> receipts, List<String> findings, String actor) {
    return assessments.convert(receipts, findings, actor);
  }
}
