package org.asylex.store;

import java.util.List;

/**
 * A page of cases read for a caseload assessment ({@link Store#readPage}) whose {@code case.list}
 * events are not yet on record: they are appended in the transaction that stores the page's
 * receipts ({@link Store#assessCases(MadePage, String)}), so that reading the next page does not
 * wait for the writer. Nothing of the page may be shown before that: the outcomes of a caseload are
 * told once its page is stored.
 */
public final class ReadPage {
  private final List<CaseRecord> cases;

  ReadPage(List<CaseRecord> cases) {
    this.cases = List.copyOf(cases);
  }

  /** The cases, ordered by id. */
  public List<CaseRecord> cases() {
    return cases;
  }

  public boolean isEmpty() {
    return cases.isEmpty();
  }

  public int size() {
    return cases.size();
  }
}
