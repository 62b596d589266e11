package org.asylex.app.users;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.store.Store;
import org.asylex.store.Transaction;
import org.asylex.store.UserAccount;
import org.asylex.store.UserAlreadyExists;
import org.asylex.store.UserNotFound;

/**
 * The accounts that may use the HTTP API and the web UI: each has one role and one API token, of
 * which only a BCrypt hash is stored; the token is shown once, when it is made. Every change is
 * recorded in the audit trail with who made it.
 */
public final class Accounts {
  /** An account name: lower case, as the store keeps it. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

  private final Store store;
  private final ApiTokens tokens;

  public Accounts(Store store, ApiTokens tokens) {
    this.store = Objects.requireNonNull(store, "store");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /** An account with the token it was just given: show the token once. */
  public record WithToken(UserAccount account, ApiTokens.NewToken token) {}

  /** The roles, as their ids, for messages. */
  public static String roles() {
    return String.join(", ", Arrays.stream(Role.values()).map(Role::id).toList());
  }

  /**
   * What is wrong with the name and role of a new account, every problem at once (a form shows them
   * together); empty when both are good.
   */
  public static List<Refusal.InvalidValue> problems(String name, String role) {
    var problems = new ArrayList<Refusal.InvalidValue>();
    if (name == null || !NAME.matcher(name).matches()) {
      problems.add(
          new Refusal.InvalidValue(
              "name",
              "invalid-name",
              "a name is 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter"));
    }
    if (role == null || Role.fromId(role).isEmpty()) {
      problems.add(
          new Refusal.InvalidValue(
              "role",
              "invalid-role",
              (role == null ? "a role is required" : "not a role") + "; the roles are " + roles()));
    }
    return problems;
  }

  /**
   * Adds an account with a new token.
   *
   * @throws Refused {@link Refusal.InvalidValue} for a bad name or role, {@link Refusal.UserExists}
   *     when the name is taken
   */
  public WithToken add(String name, String role, String actor) {
    List<Refusal.InvalidValue> problems = problems(name, role);
    if (!problems.isEmpty()) {
      throw new Refused(problems.get(0));
    }
    Role r = Role.fromId(role).orElseThrow();
    ApiTokens.NewToken token = tokens.generate();
    try {
      return new WithToken(store.users().add(name, r.id(), token.id(), token.hash(), actor), token);
    } catch (UserAlreadyExists e) {
      throw new Refused(new Refusal.UserExists(name));
    }
  }

  /** Every account, ordered by name. */
  public List<UserAccount> list() {
    return store.users().list();
  }

  /** How many accounts there are. */
  public long count() {
    return store.users().count();
  }

  /**
   * Gives an active account a new token; the old one stops working. Checked and replaced in one
   * transaction, so that an account disabled meanwhile gets no token.
   *
   * @throws Refused {@link Refusal.UserNotFound}, {@link Refusal.AccountDisabled}
   */
  public WithToken newToken(String name, String actor) {
    requireExisting(name);
    ApiTokens.NewToken token = tokens.generate();
    UserAccount account =
        store.inTransaction(
            tx -> {
              UserAccount found = existing(tx, name);
              if (!found.active()) {
                throw new Refused(new Refusal.AccountDisabled(name));
              }
              return tx.users().replaceToken(name, token.id(), token.hash(), actor);
            });
    return new WithToken(account, token);
  }

  /**
   * Disables an account (it is kept, so the audit trail's actors stay known; {@link #enable} starts
   * it afresh). The last active admin is not disabled: nobody could manage accounts through the API
   * after it. Checked and disabled in one transaction, which writers take one at a time, so two
   * admins disabling each other cannot both succeed.
   *
   * @throws Refused {@link Refusal.UserNotFound}, {@link Refusal.LastAdmin}
   */
  public UserAccount disable(String name, String actor) {
    requireExisting(name);
    try {
      return store.inTransaction(
          tx -> {
            UserAccount found = existing(tx, name);
            if (found.active() && isAdmin(found) && activeAdmins(tx.users().list()) == 1) {
              throw new Refused(new Refusal.LastAdmin(name));
            }
            return tx.users().disable(name, actor);
          });
    } catch (UserNotFound e) {
      throw new Refused(new Refusal.UserNotFound(name));
    }
  }

  /**
   * Makes a disabled account active again, starting afresh: a new token (shown once; the token it
   * had stays dead) and no web password (the one it had stays dead; set a new one). Checked and
   * enabled in one transaction.
   *
   * @throws Refused {@link Refusal.UserNotFound}; {@link Refusal.InvalidValue} (field {@code name},
   *     code {@code account-active}) for an account that is not disabled
   */
  public WithToken enable(String name, String actor) {
    requireExisting(name);
    ApiTokens.NewToken token = tokens.generate();
    try {
      UserAccount account =
          store.inTransaction(
              tx -> {
                UserAccount found = existing(tx, name);
                if (found.active()) {
                  throw new Refused(
                      new Refusal.InvalidValue(
                          "name", "account-active", "the account " + name + " is not disabled"));
                }
                return tx.users().enable(name, token.id(), token.hash(), actor);
              });
      return new WithToken(account, token);
    } catch (UserNotFound e) {
      throw new Refused(new Refusal.UserNotFound(name));
    }
  }

  /** The account, read in {@code tx}: it may have gone since {@link #requireExisting}. */
  private static UserAccount existing(Transaction tx, String name) {
    return tx.users().find(name).orElseThrow(() -> new Refused(new Refusal.UserNotFound(name)));
  }

  private static boolean isAdmin(UserAccount account) {
    return Role.ADMIN.id().equals(account.role());
  }

  private static long activeAdmins(List<UserAccount> accounts) {
    return accounts.stream().filter(UserAccount::active).filter(Accounts::isAdmin).count();
  }

  /**
   * An active account whose token this is, checked against its hash (slow on purpose). A token of
   * the right shape costs one BCrypt check whatever it finds: an unknown id and a disabled account
   * are checked against a stand-in hash of the same cost, so the time taken does not tell an
   * attacker which token ids exist or which accounts are disabled.
   */
  public Optional<UserAccount> verify(String presentedToken) {
    Optional<String> id = ApiTokens.idOf(presentedToken);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<UserAccount> found = store.users().findByTokenId(id.get());
    boolean usable = found.isPresent() && found.get().active();
    boolean matches =
        tokens.matches(presentedToken, usable ? found.get().tokenHash() : tokens.standInHash());
    return usable && matches ? found : Optional.empty();
  }

  /**
   * Whether the account a token was verified for still holds that token and is active: what a cache
   * of verified tokens checks, without BCrypt, to notice a change made elsewhere (the command line,
   * another server on the same store).
   */
  public boolean stillValid(String tokenId, String name) {
    return store
        .users()
        .findByTokenId(tokenId)
        .filter(UserAccount::active)
        .filter(a -> a.name().equals(name))
        .isPresent();
  }

  /**
   * Sets the web sign-in password of an account (only its BCrypt hash is stored).
   *
   * @throws Refused {@link Refusal.InvalidValue} (field {@code password}, code {@code
   *     weak-password}) for a password {@link Passwords} refuses, {@link Refusal.UserNotFound}
   */
  public void setPassword(String name, String password, String actor) {
    requireExisting(name);
    Optional<String> problem = Passwords.problem(name, password);
    if (problem.isPresent()) {
      throw new Refused(new Refusal.InvalidValue("password", "weak-password", problem.get()));
    }
    try {
      store.users().setPasswordHash(name, tokens.hashPassword(password), actor);
    } catch (UserNotFound e) {
      throw new Refused(new Refusal.UserNotFound(name));
    }
  }

  /**
   * The active account with this name and password, if any. One BCrypt check whatever is found: an
   * unknown name, an account without a password and a disabled account are checked against a
   * stand-in hash, so that the time taken does not tell which names exist.
   */
  public Optional<UserAccount> signIn(String name, String password) {
    if (name == null
        || password == null
        || !NAME.matcher(name).matches()
        || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            > Passwords.MAX_BYTES) {
      tokens.passwordMatches("", null);
      return Optional.empty();
    }
    Optional<UserAccount> found = store.users().find(name).filter(UserAccount::active);
    Optional<String> hash = found.isPresent() ? store.users().passwordHash(name) : Optional.empty();
    boolean matches = tokens.passwordMatches(password, hash.orElse(null));
    return matches ? found : Optional.empty();
  }

  /**
   * The account with this name if it is active: what a browser session checks on each request, so
   * that disabling an account ends its sessions.
   */
  public Optional<UserAccount> active(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return store.users().find(name).filter(UserAccount::active);
  }

  /** A name that cannot exist is simply not found (and not echoed: it could be anything). */
  private static void requireExisting(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new Refused(new Refusal.UserNotFound(null));
    }
  }
}
