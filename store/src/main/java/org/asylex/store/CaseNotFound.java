package org.asylex.store;

/** There is no case with the given id. */
public final class CaseNotFound extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String caseId;

  public CaseNotFound(String caseId) {
    super("there is no case '" + caseId + "'");
    this.caseId = caseId;
  }

  public String caseId() {
    return caseId;
  }
}
