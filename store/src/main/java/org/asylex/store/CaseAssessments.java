package org.asylex.store;

import java.util.List;
import java.util.Optional;

/**
 * Stored assessments: immutable receipts of one assessment of one case version, so it can be
 * reproduced later. Transactions and audit events as for {@link Cases}.
 */
public interface CaseAssessments {

  /**
   * Stores an assessment; audit {@code case.assess}.
   *
   * @return the assessment as stored (its time to the microsecond)
   * @throws CaseNotFound when the case does not exist
   * @throws IllegalArgumentException when the case has no such version, or the id is blank
   * @throws StoreException when an assessment with this id is already stored
   */
  StoredAssessment record(StoredAssessment assessment);

  /** The assessment, if stored. Audit: {@code assessment.read}, when it is. */
  Optional<StoredAssessment> find(String id, String actor);

  /**
   * The assessments of a case, oldest first. Audit: one {@code assessment.list} event.
   *
   * @throws CaseNotFound when the case does not exist
   */
  List<StoredAssessment> forCase(String caseId, String actor);
}
