package org.asylex.store;

/**
 * An update was made to a version of a case that is no longer current: someone else changed the
 * case in between. Nothing of the update was stored; show the case again and reapply the change.
 */
public final class VersionConflict extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String caseId;
  private final long expectedVersion;
  private final long actualVersion;

  public VersionConflict(String caseId, long expectedVersion, long actualVersion) {
    super(
        "case '"
            + caseId
            + "' was changed by someone else: the change was made to version "
            + expectedVersion
            + ", but the case is now at version "
            + actualVersion
            + "; show the case again and reapply the change");
    this.caseId = caseId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  public String caseId() {
    return caseId;
  }

  /** The version the change was made to. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The version the case is at now. */
  public long actualVersion() {
    return actualVersion;
  }
}
