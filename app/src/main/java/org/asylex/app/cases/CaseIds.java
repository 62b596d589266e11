package org.asylex.app.cases;

import java.util.regex.Pattern;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;

/**
 * The one rule for case ids, for every way a case comes in (a request, an import line, the web UI):
 * 1 to 200 letters, digits, '.', '_', '~', ':' or '-', starting with a letter or digit. Such an id
 * is safe as a URL path segment, a file name part and a terminal word as it is.
 */
public final class CaseIds {
  public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~:-]{0,199}");

  /** What the rule says, for messages. */
  public static final String RULE =
      "a case id is 1 to 200 letters, digits, '.', '_', '~', ':' or '-', starting with a letter or"
          + " digit";

  private CaseIds() {}

  /** Whether {@code id} follows the rule. */
  public static boolean valid(String id) {
    // PATTERN, by hand: checked for every line of a caseload
    if (id == null || id.isEmpty() || id.length() > 200 || !letterOrDigit(id.charAt(0))) {
      return false;
    }
    for (int i = 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!letterOrDigit(c) && c != '.' && c != '_' && c != '~' && c != ':' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9]}: ASCII only, as in {@link #PATTERN}. */
  private static boolean letterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * {@code id}, when it follows the rule.
   *
   * @throws Refused {@link Refusal.BadCaseId}
   */
  public static String require(String id) {
    if (!valid(id)) {
      throw new Refused(new Refusal.BadCaseId(RULE));
    }
    return id;
  }

  /**
   * Whether a store could hold this id at all (a case stored before the rule may not follow it): 1
   * to 200 characters, not blank, no control characters. Any other id is simply not found.
   */
  public static boolean storable(String id) {
    return id != null
        && !id.isBlank()
        && id.length() <= 200
        && id.chars().noneMatch(Character::isISOControl);
  }
}
