package org.asylex.store;

import java.util.List;

/**
 * The record of who created, read, changed, listed, exported and assessed which case, and when, and
 * of who added, re-tokened and disabled which user account (those events have no case id; the
 * account is their subject, {@link AuditEvent#subject()}). It holds no fact values and no tokens.
 * Events are hash-chained and the chain head (last number and hash) is kept in the same
 * transaction, so {@link #verify()} detects an event that was altered, deleted (including the last
 * ones), inserted or moved. Appends are serialized: concurrent writers never fork the chain.
 */
public interface AuditTrail {
  String CASE_CREATE = "case.create";
  String CASE_IMPORT = "case.import";
  String CASE_READ = "case.read";
  String CASE_LIST = "case.list";
  String CASE_UPDATE = "case.update";
  String CASE_HISTORY = "case.history";
  String CASE_EXPORT = "case.export";
  String CASE_IDS = "case.ids";
  String CASE_ASSESS = "case.assess";
  String ASSESSMENT_READ = "assessment.read";
  String ASSESSMENT_LIST = "assessment.list";

  /**
   * A receipt made before migration V6 was converted to its compact form (one event per receipt,
   * with its case id): its findings were re-encoded, with the same content.
   */
  String ASSESSMENT_CONVERT = "assessment.convert";

  String USER_ADD = "user.add";
  String USER_TOKEN = "user.token";
  String USER_DISABLE = "user.disable";
  String USER_ENABLE = "user.enable";
  String USER_PASSWORD = "user.password";

  /**
   * Appends an event, in the caller's transaction when called inside {@link Store#inTransaction} on
   * the same thread (so it is stored with the change it records, or not at all), otherwise in its
   * own.
   *
   * @param action what was done, such as {@link #CASE_READ}: lower case words joined by dots
   * @param caseId the case, or null for an action on no single case
   * @throws IllegalArgumentException for a blank actor or a malformed action
   */
  AuditEvent append(String actor, String action, String caseId);

  /** Checks the whole chain against its head; names the first broken event. */
  VerifyResult verify();

  /** The events about one case, oldest first. Reading the trail is not itself audited. */
  List<AuditEvent> events(String caseId);

  /** The events with numbers from {@code fromSeq} on, at most {@code limit}, oldest first. */
  List<AuditEvent> events(long fromSeq, int limit);
}
