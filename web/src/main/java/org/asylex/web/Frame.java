package org.asylex.web;

import java.util.Optional;
import org.asylex.app.users.Role;

/**
 * What every page's frame shows: its language and texts, the theme, who is signed in (if anyone)
 * with the CSRF token their forms carry, and the page's own path (for the language switch to come
 * back to).
 */
public record Frame(Texts t, String themeClass, Optional<SignedIn> user, String csrf, String path) {

  /** The signed-in user as the frame shows them. */
  public record SignedIn(String name, Role role) {}

  public Lang lang() {
    return t.lang();
  }

  /** Whether the user is signed in with this role. */
  public boolean is(Role role) {
    return user.map(u -> u.role() == role).orElse(false);
  }

  /** The link that switches to the other language and comes back here. */
  public String switchLink() {
    return "/language?to="
        + lang().other().code()
        + "&back="
        + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
  }
}
