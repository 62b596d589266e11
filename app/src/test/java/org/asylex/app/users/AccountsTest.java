package org.asylex.app.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.asylex.app.Application;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.TestApp;
import org.asylex.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts: the last active admin stays, and checking a token tells nothing by its time. */
class AccountsTest {
  @TempDir Path data;

  private static Refusal refusal(Runnable call) {
    return catchThrowableOfType(Refused.class, call::run).refusal();
  }

  @Test
  void theLastActiveAdminCannotBeDisabled() {
    try (Application app = TestApp.open(data)) {
      app.accounts().add("ada", "admin", "root");
      app.accounts().add("bea", "admin", "root");
      app.accounts().add("olga", "officer", "root");

      app.accounts().disable("bea", "ada");
      Refusal r = refusal(() -> app.accounts().disable("ada", "ada"));

      assertThat(r).isEqualTo(new Refusal.LastAdmin("ada"));
      assertThat(r.message()).contains("last active admin");
      assertThat(app.accounts().list())
          .filteredOn(a -> a.name().equals("ada"))
          .singleElement()
          .satisfies(a -> assertThat(a.active()).isTrue());
      // other accounts, and an admin already disabled, are not affected
      assertThat(app.accounts().disable("olga", "ada").active()).isFalse();
      assertThat(app.accounts().disable("bea", "ada").active()).isFalse();
    }
  }

  /**
   * An unknown token id and a disabled account take as long as a known id with a wrong secret: each
   * is one BCrypt check (before, an unknown id answered in about a millisecond, a known one in tens
   * of them).
   */
  @Test
  void aTokenCheckTakesAsLongWhateverItFinds() {
    // Not timed (a timed test is noise on a shared machine): what costs the time is one BCrypt
    // check of the configured cost, and every kind of token gets exactly one.
    var tokens = new ApiTokens(8);
    try (Application app =
        Application.open(
            StoreConfig.dataDirectory(data), TestApp.policies(), TestApp.TODAY, tokens)) {
      String known = app.accounts().add("olga", "officer", "root").token().token();
      String disabled = app.accounts().add("piet", "officer", "root").token().token();
      app.accounts().add("ada", "admin", "root");
      app.accounts().disable("piet", "ada");
      String wrongSecret = known.substring(0, 21) + "A".repeat(43);
      String unknownId = "asx_0123456789abcdef_" + "A".repeat(43);

      for (String token : List.of(known, wrongSecret, unknownId, disabled)) {
        long before = tokens.checksRun();
        boolean accepted = app.accounts().verify(token).isPresent();
        assertThat(tokens.checksRun() - before).as(token.substring(0, 21)).isEqualTo(1);
        assertThat(accepted).isEqualTo(token.equals(known));
      }
      // The stand-in hash an unknown or disabled token is checked against costs what a real one
      // does.
      assertThat(tokens.standInHash()).startsWith("$2a$08$");
      assertThat(tokens.generate().hash()).startsWith("$2a$08$");
    }
  }
}
