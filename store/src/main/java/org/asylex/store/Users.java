package org.asylex.store;

import java.util.List;
import java.util.Optional;

/**
 * The accounts that may use the API, each with a role and the hash of one API token (never the
 * token: the caller makes the hash, and checks a presented token against it).
 *
 * <p>Each method runs in its own transaction, or in the caller's when called inside {@link
 * Store#inTransaction} on the same thread. Every change (add, new token, disable) appends an audit
 * event in that transaction: who did it and what, with no case id. Looking accounts up is not
 * audited: authentication does it on every request, and no case data is involved.
 *
 * @see AuditTrail#USER_ADD
 */
public interface Users {

  /**
   * Adds an active account. Audit: {@code user.add}.
   *
   * @param tokenId finds the account when its token is presented; unique among all accounts
   * @param tokenHash the hash of the token, as the caller checks it
   * @throws UserAlreadyExists when the name is taken
   * @throws IllegalArgumentException for a name that is not {@code [a-z][a-z0-9._-]{0,63}}, a role
   *     not in {@link UserAccount#ROLES}, a blank token id, token hash or actor
   * @throws StoreException when another account has the token id
   */
  UserAccount add(String name, String role, String tokenId, String tokenHash, String actor);

  /**
   * The account, active or disabled, if there is one.
   *
   * @throws IllegalArgumentException for a name that is not {@code [a-z][a-z0-9._-]{0,63}}
   */
  Optional<UserAccount> find(String name);

  /**
   * The account whose current token has this id, active or disabled: the caller checks {@link
   * UserAccount#active()} and the token against its hash.
   *
   * @throws IllegalArgumentException for a blank token id
   */
  Optional<UserAccount> findByTokenId(String tokenId);

  /** Every account, active or disabled, ordered by name. */
  List<UserAccount> list();

  /** How many accounts there are, active or disabled. */
  long count();

  /**
   * Gives an account a new token: from now on only the new token id finds it, and the old token no
   * longer matches. A disabled account stays disabled. Audit: {@code user.token}.
   *
   * @throws UserNotFound when there is no such account
   * @throws IllegalArgumentException for a blank token id, token hash or actor
   * @throws StoreException when any account, this one included, already has the token id
   */
  UserAccount replaceToken(String name, String tokenId, String tokenHash, String actor);

  /**
   * Disables an account ({@link #enable} starts it afresh); it is kept, so the audit trail's actors
   * stay resolvable. Audit: {@code user.disable}. Disabling a disabled account keeps the first time
   * and, since nothing changes, stores no event.
   *
   * @throws UserNotFound when there is no such account
   */
  UserAccount disable(String name, String actor);

  /**
   * Makes a disabled account active again, starting afresh: with a new token (the token it had
   * stays dead) and without a web password (the one it had stays dead; the caller sets a new one).
   * Audit: {@code user.enable}. An active account is left as it is (no new token, no event).
   *
   * @throws UserNotFound when there is no such account
   * @throws IllegalArgumentException for a blank token id, token hash or actor
   * @throws StoreException when any account already has the token id
   */
  UserAccount enable(String name, String tokenId, String tokenHash, String actor);

  /**
   * Sets the hash of the account's web sign-in password (the caller makes the hash). A disabled
   * account keeps its state. Audit: {@code user.password}.
   *
   * @throws UserNotFound when there is no such account
   * @throws IllegalArgumentException for a blank hash or actor
   */
  void setPasswordHash(String name, String passwordHash, String actor);

  /**
   * The hash of the account's password, if it has an account and a password (active or not: the
   * caller checks {@link UserAccount#active()}). Not audited, like {@link #find}.
   */
  Optional<String> passwordHash(String name);
}
