package org.asylex.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** User accounts in the {@code users} table; a disabled account is kept, never deleted. */
final class JdbiUsers implements Users {
  private static final String COLUMNS = "name, role, token_id, token_hash, created_at, disabled_at";

  private final Transactions transactions;
  private final Database database;
  private final Clock clock;
  private final JdbiAuditTrail audit;

  JdbiUsers(Transactions transactions, Clock clock, JdbiAuditTrail audit) {
    this.transactions = transactions;
    this.database = transactions.database();
    this.clock = clock;
    this.audit = audit;
  }

  @Override
  public UserAccount add(String name, String role, String tokenId, String tokenHash, String actor) {
    Checks.userName(name);
    Checks.role(role);
    Checks.tokenId(tokenId);
    Checks.tokenHash(tokenHash);
    Checks.actor(actor);
    return transactions.write(
        h -> {
          if (find(h, name).isPresent()) {
            throw new UserAlreadyExists(name);
          }
          refuseTakenTokenId(h, tokenId);
          var account = new UserAccount(name, role, tokenId, tokenHash, now(), Optional.empty());
          h.createUpdate(
                  "INSERT INTO users ("
                      + COLUMNS
                      + ") VALUES (:name, :role, :tokenId, :tokenHash, :created, NULL)")
              .bind("name", account.name())
              .bind("role", account.role())
              .bind("tokenId", account.tokenId())
              .bind("tokenHash", account.tokenHash())
              .bind("created", database.instant(account.created()))
              .execute();
          audit.appendAbout(h, actor, AuditTrail.USER_ADD, name);
          return account;
        });
  }

  @Override
  public Optional<UserAccount> find(String name) {
    Checks.userName(name);
    return transactions.read(h -> find(h, name));
  }

  @Override
  public Optional<UserAccount> findByTokenId(String tokenId) {
    Checks.tokenId(tokenId);
    return transactions.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM users WHERE token_id = :tokenId")
                .bind("tokenId", tokenId)
                .map((rs, ctx) -> account(rs))
                .findOne());
  }

  @Override
  public List<UserAccount> list() {
    return transactions.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY name")
                .map((rs, ctx) -> account(rs))
                .list());
  }

  @Override
  public long count() {
    return transactions.read(
        h -> h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one());
  }

  @Override
  public UserAccount replaceToken(String name, String tokenId, String tokenHash, String actor) {
    return newToken(name, tokenId, tokenHash, actor, false);
  }

  @Override
  public UserAccount disable(String name, String actor) {
    Checks.userName(name);
    Checks.actor(actor);
    return transactions.write(
        h -> {
          UserAccount current = existing(h, name);
          if (!current.active()) {
            return current;
          }
          Instant now = now();
          h.createUpdate(
                  "UPDATE users SET disabled_at = :now WHERE name = :name AND disabled_at IS NULL")
              .bind("now", database.instant(now))
              .bind("name", name)
              .execute();
          audit.appendAbout(h, actor, AuditTrail.USER_DISABLE, name);
          return new UserAccount(
              name,
              current.role(),
              current.tokenId(),
              current.tokenHash(),
              current.created(),
              Optional.of(now));
        });
  }

  @Override
  public UserAccount enable(String name, String tokenId, String tokenHash, String actor) {
    return newToken(name, tokenId, tokenHash, actor, true);
  }

  /**
   * Gives the account a new token. With {@code enable}, a disabled account is made active afresh
   * (its password cleared too) and an active one is returned as it is.
   */
  private UserAccount newToken(
      String name, String tokenId, String tokenHash, String actor, boolean enable) {
    Checks.userName(name);
    Checks.tokenId(tokenId);
    Checks.tokenHash(tokenHash);
    Checks.actor(actor);
    return transactions.write(
        h -> {
          UserAccount current = existing(h, name);
          if (enable && current.active()) {
            return current;
          }
          refuseTakenTokenId(h, tokenId);
          h.createUpdate(
                  "UPDATE users SET token_id = :tokenId, token_hash = :tokenHash"
                      + (enable ? ", disabled_at = NULL, password_hash = NULL" : "")
                      + " WHERE name = :name")
              .bind("tokenId", tokenId)
              .bind("tokenHash", tokenHash)
              .bind("name", name)
              .execute();
          audit.appendAbout(
              h, actor, enable ? AuditTrail.USER_ENABLE : AuditTrail.USER_TOKEN, name);
          return new UserAccount(
              name,
              current.role(),
              tokenId,
              tokenHash,
              current.created(),
              enable ? Optional.empty() : current.disabled());
        });
  }

  @Override
  public void setPasswordHash(String name, String passwordHash, String actor) {
    Checks.userName(name);
    Checks.tokenHash(passwordHash);
    Checks.actor(actor);
    transactions.write(
        h -> {
          int updated =
              h.createUpdate("UPDATE users SET password_hash = :hash WHERE name = :name")
                  .bind("hash", passwordHash)
                  .bind("name", name)
                  .execute();
          if (updated == 0) {
            throw new UserNotFound(name);
          }
          audit.appendAbout(h, actor, AuditTrail.USER_PASSWORD, name);
          return null;
        });
  }

  @Override
  public Optional<String> passwordHash(String name) {
    Checks.userName(name);
    return transactions.read(
        h ->
            h.createQuery("SELECT password_hash FROM users WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne()
                .filter(java.util.Objects::nonNull));
  }

  private UserAccount existing(Handle h, String name) {
    return find(h, name).orElseThrow(() -> new UserNotFound(name));
  }

  private Optional<UserAccount> find(Handle h, String name) {
    return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE name = :name")
        .bind("name", name)
        .map((rs, ctx) -> account(rs))
        .findOne();
  }

  /**
   * A token id finds one account, and a new token needs a new id: with the account's own id, the
   * old token id would still find the account after {@link #replaceToken}.
   */
  private static void refuseTakenTokenId(Handle h, String tokenId) {
    long taken =
        h.createQuery("SELECT count(*) FROM users WHERE token_id = :tokenId")
            .bind("tokenId", tokenId)
            .mapTo(Long.class)
            .one();
    if (taken > 0) {
      throw new StoreException("the token id is already in use; make a new token");
    }
  }

  private UserAccount account(ResultSet rs) throws SQLException {
    return new UserAccount(
        rs.getString("name"),
        rs.getString("role"),
        rs.getString("token_id"),
        rs.getString("token_hash"),
        database.instant(rs, "created_at"),
        database.optionalInstant(rs, "disabled_at"));
  }

  private Instant now() {
    return Times.micros(clock.instant());
  }
}
