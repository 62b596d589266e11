package org.asylex.server.auth;

import java.util.Objects;
import org.asylex.app.users.Role;

/**
 * Who made a request, once authenticated: the name recorded as the actor in the audit trail, the
 * role the route table checks, and how the credential was presented.
 */
public record Principal(String name, Role role, Via via) {
  /** The kind of credential. */
  public enum Via {
    API_TOKEN,
    JWT,
    /** A signed-in browser of the web UI (never accepted by the API's routes). */
    BROWSER_SESSION
  }

  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(via, "via");
  }
}
