package org.asylex.store;

import java.time.Instant;

/** A case's facts were asked for as they were at a time before the case was created. */
public final class CaseNotYetCreated extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String caseId;
  private final Instant created;
  private final Instant asked;

  public CaseNotYetCreated(String caseId, Instant created, Instant asked) {
    super("case '" + caseId + "' was created at " + created + ", after " + asked);
    this.caseId = caseId;
    this.created = created;
    this.asked = asked;
  }

  public String caseId() {
    return caseId;
  }

  /** When the case was created. */
  public Instant created() {
    return created;
  }

  /** The time asked for. */
  public Instant asked() {
    return asked;
  }
}
