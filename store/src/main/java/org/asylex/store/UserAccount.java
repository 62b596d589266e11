package org.asylex.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account that may use the API: its name (the actor in the audit trail), its role, and the id
 * and hash of its API token. The store never sees the token itself, only the hash the caller made
 * of it.
 *
 * <p>{@link #toString()} leaves the token hash out: it must not reach a log, where it would help
 * anyone guessing tokens offline.
 *
 * @param name lower case, {@code [a-z][a-z0-9._-]{0,63}}
 * @param role one of {@link #ROLES}
 * @param tokenId finds the account when a token is presented; not secret
 * @param tokenHash what the presented token is checked against
 * @param disabled when the account was disabled; empty while it is active
 */
public record UserAccount(
    String name,
    String role,
    String tokenId,
    String tokenHash,
    Instant created,
    Optional<Instant> disabled) {

  /** The roles an account can have (the {@code users.role} column allows no others). */
  public static final List<String> ROLES = List.of("officer", "policy-analyst", "auditor", "admin");

  public UserAccount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(disabled, "disabled");
  }

  /** Whether the account may still be used: it has not been disabled. */
  public boolean active() {
    return disabled.isEmpty();
  }

  /** Leaves the token hash out. */
  @Override
  public String toString() {
    return "UserAccount[name="
        + name
        + ", role="
        + role
        + ", tokenId="
        + tokenId
        + ", created="
        + created
        + ", disabled="
        + disabled.map(Instant::toString).orElse("no")
        + "]";
  }
}
