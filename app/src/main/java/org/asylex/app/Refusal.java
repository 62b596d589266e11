package org.asylex.app;

import java.util.List;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.diagnostic.SourcePosition;

/**
 * Why a use case refused, as data: one record per kind, each worded once ({@link #message}) for
 * every front end. A front end maps the kind to its own signal (an exit code, an HTTP status)
 * without reading the words.
 */
public sealed interface Refusal {
  /** A stable code, e.g. {@code case-not-found}. */
  String code();

  /** The refusal in words, for the person who asked (never a fact value of a case). */
  String message();

  /** There is no case with this id. */
  record CaseNotFound(String caseId) implements Refusal {
    @Override
    public String code() {
      return "case-not-found";
    }

    @Override
    public String message() {
      return "there is no case '" + caseId + "'";
    }
  }

  /** There is no stored assessment with this id. */
  record AssessmentNotFound(String assessmentId) implements Refusal {
    @Override
    public String code() {
      return "assessment-not-found";
    }

    @Override
    public String message() {
      return "there is no stored assessment '" + assessmentId + "'";
    }
  }

  /** A case with this id exists already. */
  record CaseExists(String caseId) implements Refusal {
    @Override
    public String code() {
      return "already-exists";
    }

    @Override
    public String message() {
      return "there is already a case '" + caseId + "'";
    }
  }

  /** A change was made to a version of the case that is no longer current. */
  record StaleVersion(String caseId, long expected, long actual) implements Refusal {
    @Override
    public String code() {
      return "stale-version";
    }

    @Override
    public String message() {
      return "case '"
          + caseId
          + "' was changed by someone else: the change was made to version "
          + expected
          + ", but the case is now at version "
          + actual
          + "; show the case again and reapply the change";
    }
  }

  /**
   * The case was changed by others while it was being assessed, each time it was read again: no
   * receipt is stored. Not a stale {@code If-Match}: the request named no version.
   */
  record CaseKeptChanging(String caseId) implements Refusal {
    @Override
    public String code() {
      return "stale-version";
    }

    @Override
    public String message() {
      return "case '"
          + caseId
          + "' was changed by someone else while it was being assessed, three times in a row;"
          + " nothing was stored: assess it again";
    }
  }

  /** A case id that may not be used: it is not one the store and every front end can hold. */
  record BadCaseId(String problem) implements Refusal {
    @Override
    public String code() {
      return "bad-id";
    }

    @Override
    public String message() {
      return problem;
    }
  }

  /**
   * Case facts that are not valid input for the pack of their country.
   *
   * @param stored whether they are the facts stored with a case (not the request's own)
   */
  record InvalidFacts(List<InputError> errors, boolean stored) implements Refusal {
    public InvalidFacts {
      errors = List.copyOf(errors);
    }

    @Override
    public String code() {
      return "invalid-facts";
    }

    @Override
    public String message() {
      return errors.size()
          + (errors.size() == 1 ? " error" : " errors")
          + (stored ? " in the stored facts of the case" : " in the facts");
    }
  }

  /** Assumption values that do not fit the pack. */
  record InvalidAssumptions(String packId, List<AssumptionProblem> problems) implements Refusal {
    public InvalidAssumptions {
      problems = List.copyOf(problems);
    }

    @Override
    public String code() {
      return "invalid-assumptions";
    }

    @Override
    public String message() {
      return String.join("; ", problems.stream().map(AssumptionProblem::message).toList());
    }
  }

  /**
   * Under these assumption values two rules would decide the same thing on the same date.
   *
   * @param first where the first rule is, {@code second} the second
   */
  record PolicyConflict(
      String packId,
      String firstRule,
      String secondRule,
      SourcePosition first,
      SourcePosition second,
      String detail)
      implements Refusal {
    @Override
    public String code() {
      return "policy-conflict";
    }

    @Override
    public String message() {
      return "pack " + packId + " cannot be used with these assumption values: " + detail;
    }
  }

  /** The pack asked for (by id or country) has errors, or two packs claim it. */
  record PackUnusable(String pack, List<String> problems) implements Refusal {
    public PackUnusable {
      problems = List.copyOf(problems);
    }

    @Override
    public String code() {
      return "invalid-pack";
    }

    @Override
    public String message() {
      return "policy pack "
          + pack
          + " cannot be used ("
          + problems.size()
          + (problems.size() == 1 ? " problem" : " problems")
          + "); run 'asylex policy validate'";
    }
  }

  /** A path given for a pack directory that is missing, or that is a file. */
  record NoPackDirectory(String path, boolean exists) implements Refusal {
    @Override
    public String code() {
      return "no-pack-directory";
    }

    @Override
    public String message() {
      return exists
          ? path + " is not a directory: a pack is a directory holding pack.yaml"
          : "no such directory: " + path;
    }
  }

  /**
   * There is no pack with this id.
   *
   * @param where where the packs are, for the message; null when it goes without saying
   */
  record PackNotFound(String packId, String where, List<String> known) implements Refusal {
    public PackNotFound {
      known = List.copyOf(known);
    }

    public PackNotFound(String packId, List<String> known) {
      this(packId, null, known);
    }

    @Override
    public String code() {
      return "pack-not-found";
    }

    @Override
    public String message() {
      return "there is no policy pack '"
          + packId
          + "'"
          + (where == null ? "" : " in " + where)
          + (known.isEmpty()
              ? ""
              : (where == null ? " (packs: " : " (packs there: ") + String.join(", ", known) + ")");
    }
  }

  /** A user account name that is taken. */
  record UserExists(String name) implements Refusal {
    @Override
    public String code() {
      return "already-exists";
    }

    @Override
    public String message() {
      return "there is already an account named " + name;
    }
  }

  /** There is no account with this name. */
  record UserNotFound(String name) implements Refusal {
    @Override
    public String code() {
      return "user-not-found";
    }

    @Override
    public String message() {
      return name == null
          ? "there is no account with this name"
          : "there is no account named " + name;
    }
  }

  /** The account is disabled (until it is enabled again, afresh). */
  record AccountDisabled(String name) implements Refusal {
    @Override
    public String code() {
      return "account-disabled";
    }

    @Override
    public String message() {
      return "the account "
          + name
          + " is disabled: a new token could never be used; enable it (asylex user enable), which"
          + " gives it a new token";
    }
  }

  /** Disabling this account would leave no active admin, and so no one to manage accounts. */
  record LastAdmin(String name) implements Refusal {
    @Override
    public String code() {
      return "last-admin";
    }

    @Override
    public String message() {
      return name
          + " is the last active admin: disabling it would leave no one to manage accounts; add"
          + " another admin first";
    }
  }

  /** A value given to a use case that it cannot take: a user name, a role, a filter. */
  record InvalidValue(String field, String code, String problem) implements Refusal {
    @Override
    public String message() {
      return field + ": " + problem;
    }
  }
}
