package org.asylex.store;

/**
 * The checks on ids, actors, actions and accounts that every port applies before touching the
 * database.
 */
final class Checks {
  static final int MAX_LENGTH = 200;

  private Checks() {}

  static String caseId(String id) {
    return text(id, "a case id");
  }

  static String actor(String actor) {
    return text(actor, "the actor");
  }

  static String assessmentId(String id) {
    return text(id, "an assessment id");
  }

  /** A user's name: lower case, so one person cannot hold two accounts that differ in case. */
  static String userName(String name) {
    if (name == null || !name.matches("[a-z][a-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException(
          "a user name is a lower-case letter followed by up to 63 lower-case letters, digits,"
              + " dots, underscores or hyphens, such as officer.a, not '"
              + name
              + "'");
    }
    return name;
  }

  static String role(String role) {
    if (role == null || !UserAccount.ROLES.contains(role)) {
      throw new IllegalArgumentException(
          "a role is one of " + String.join(", ", UserAccount.ROLES) + ", not '" + role + "'");
    }
    return role;
  }

  static String tokenId(String tokenId) {
    return text(tokenId, "a token id");
  }

  /** The hash of a token; the message never shows it. */
  static String tokenHash(String tokenHash) {
    return text(tokenHash, "a token hash");
  }

  static String action(String action) {
    if (action == null || !action.matches("[a-z][a-z-]*(\\.[a-z][a-z-]*)*")) {
      throw new IllegalArgumentException(
          "an audit action is lower-case words joined by dots, such as case.read, not '"
              + action
              + "'");
    }
    return action;
  }

  /** Optional text (a reference, a note): null stays null, but blank is not allowed. */
  static String optional(String text, String what) {
    return text == null ? null : text(text, what);
  }

  /** A note in the history: null, or up to 2,000 characters; line breaks allowed. */
  static String note(String note) {
    if (note == null) {
      return null;
    }
    if (note.isBlank()) {
      throw new IllegalArgumentException("a note must not be empty; leave it out instead");
    }
    if (note.length() > 2000) {
      throw new IllegalArgumentException(
          "a note is longer than 2000 characters (" + note.length() + ")");
    }
    if (note.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw new IllegalArgumentException("a note must not contain control characters");
    }
    return note;
  }

  private static String text(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          what + " is longer than " + MAX_LENGTH + " characters (" + text.length() + ")");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(what + " must not contain control characters");
    }
    return text;
  }
}
