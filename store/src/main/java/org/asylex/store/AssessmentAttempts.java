package org.asylex.store;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The read, assess, store loop of an assessment of a stored case, one definition for the case as it
 * stands and as it was at an earlier time: the engine runs outside the writer thread, and the
 * receipt is stored only if the version it was made of is still the one to assess (else the case is
 * read again, three times at most). A read that fails, or an assessment that is refused, is still a
 * read of the case: it is audited as {@code case.read}.
 */
record AssessmentAttempts(
    String caseId,
    String actor,
    GroupCommit writes,
    JdbiAuditTrail audit,
    JdbiCaseAssessments assessments) {

  /**
   * @param read the case to assess (empty when there is none)
   * @param version the version that is to be assessed now, read inside the writer's transaction
   * @param madeOf whether a receipt is of the case as read; a receipt that is not is a programming
   *     error of the caller
   * @param asRead how the case was read, for that error: {@code as read}, {@code as it was at T}
   */
  Optional<StoredAssessment> run(
      Supplier<Optional<CaseRecord>> read,
      LongSupplier version,
      Function<CaseRecord, Predicate<StoredAssessment>> madeOf,
      String asRead,
      Function<CaseRecord, StoredAssessment> assess) {
    long lastSeen = 0;
    for (int attempt = 1; attempt <= 3; attempt++) {
      Optional<CaseRecord> found;
      StoredAssessment receipt;
      try {
        found = read.get();
        if (found.isEmpty()) {
          return Optional.empty();
        }
        receipt = assess.apply(found.get());
      } catch (RuntimeException e) {
        writes.run(tx -> audit.append(actor, AuditTrail.CASE_READ, caseId));
        throw e;
      }
      CaseRecord c = found.get();
      if (!madeOf.apply(c).test(receipt)) {
        throw new IllegalArgumentException("the receipt is not of case '" + caseId + "' " + asRead);
      }
      Optional<StoredAssessment> stored =
          writes.run(
              tx ->
                  version.getAsLong() == c.version()
                      ? Optional.of(assessments.record(receipt))
                      : Optional.<StoredAssessment>empty());
      if (stored.isPresent()) {
        return stored;
      }
      lastSeen = c.version();
    }
    throw new VersionConflict(caseId, lastSeen, version.getAsLong());
  }
}
