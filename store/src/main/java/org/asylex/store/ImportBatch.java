package org.asylex.store;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cases checked and written as JSON for {@link Cases#importCases(ImportBatch, String)} by {@link
 * Cases#prepareImport}, ahead of the transaction that stores them: an import prepares the next
 * batch on its reading thread while the one before is being stored.
 */
public final class ImportBatch {
  final List<CaseImport> cases;

  /** The facts' JSON text of each case, by identity. */
  final Map<CaseImport, String> json;

  ImportBatch(List<CaseImport> cases, IdentityHashMap<CaseImport, String> json) {
    this.cases = List.copyOf(cases);
    this.json = json;
  }

  /** How many cases the batch holds. */
  public int size() {
    return cases.size();
  }

  @Override
  public String toString() {
    return "ImportBatch[" + cases.size() + " cases]";
  }
}
