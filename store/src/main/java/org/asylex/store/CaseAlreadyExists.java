package org.asylex.store;

/** A case was created with an id that is already taken. Nothing was stored. */
public final class CaseAlreadyExists extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String caseId;

  public CaseAlreadyExists(String caseId) {
    super("case '" + caseId + "' already exists");
    this.caseId = caseId;
  }

  public String caseId() {
    return caseId;
  }
}
