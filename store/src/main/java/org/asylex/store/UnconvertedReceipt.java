package org.asylex.store;

/**
 * A receipt made before migration V6 whose findings the store still keeps as JSON text: its id, its
 * case, the content hash of its pack, its assumption values and findings as stored (JSON text).
 * {@link #toString()} leaves the findings out.
 */
public record UnconvertedReceipt(
    String id, String caseId, String contentHash, String assumptionsJson, String findingsJson) {
  @Override
  public String toString() {
    return "UnconvertedReceipt[id=" + id + ", case=" + caseId + ", pack=" + contentHash + "]";
  }
}
