package org.asylex.app.users;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an authenticated user may do. Roles do not nest: an admin manages users but does not read
 * cases, so that holding one privilege never silently grants another.
 */
public enum Role {
  /** Works on cases: creates, reads and changes them, and assesses them. */
  OFFICER("officer"),
  /** Reads policy packs and assesses hypothetical facts; never reads stored case facts. */
  POLICY_ANALYST("policy-analyst"),
  /** Reads and verifies the audit trail; nothing else. */
  AUDITOR("auditor"),
  /** Manages user accounts and their tokens. */
  ADMIN("admin");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  /** The name used in the API, the store and the command line, e.g. {@code policy-analyst}. */
  public String id() {
    return id;
  }

  public static Optional<Role> fromId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
