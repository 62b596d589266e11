package org.asylex.app.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.asylex.app.Application;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.TestApp;
import org.asylex.store.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web sign-in passwords: what is refused, what is stored, and what signing in costs. */
class PasswordsTest {
  @TempDir Path data;

  @Test
  void shortCommonRepeatedAndNameBearingPasswordsAreRefusedWithTheReason() {
    assertThat(Passwords.problem("olga", "short pw"))
        .hasValueSatisfying(p -> assertThat(p).contains("at least 12"));
    assertThat(Passwords.problem("olga", "Password1234"))
        .hasValueSatisfying(p -> assertThat(p).contains("common"));
    assertThat(Passwords.problem("olga", "aaaaaaaaaaaaaaaa")).isPresent();
    assertThat(Passwords.problem("olga", "olga-is-the-best-officer"))
        .hasValueSatisfying(p -> assertThat(p).contains("name"));
    assertThat(Passwords.problem("olga", "é".repeat(40)))
        .hasValueSatisfying(p -> assertThat(p).contains("72 bytes"));
    assertThat(Passwords.problem("olga", "tulips in the rain at dawn")).isEmpty();
  }

  @Test
  void eachRefusalIsAlsoGivenAsDataForAFrontEndToWordInItsLanguage() {
    assertThat(Passwords.check("olga", "short pw")).hasValue(Passwords.Problem.TOO_SHORT);
    assertThat(Passwords.check("olga", "é".repeat(40))).hasValue(Passwords.Problem.TOO_LONG);
    assertThat(Passwords.check("olga", "Password1234")).hasValue(Passwords.Problem.COMMON);
    assertThat(Passwords.check("olga", "olga-is-the-best-officer"))
        .hasValue(Passwords.Problem.CONTAINS_NAME);
    assertThat(Passwords.check("olga", "aaaaaaaaaaaaaaaa"))
        .hasValue(Passwords.Problem.ONE_CHARACTER);
    assertThat(Passwords.check("olga", "tulips in the rain at dawn")).isEmpty();
    assertThat(Passwords.problem("olga", "short pw"))
        .hasValue(Passwords.Problem.TOO_SHORT.message());
  }

  @Test
  void aPasswordIsStoredOnlyAsAHashAuditedAndSignsInAnActiveAccountOnly() {
    try (Application app = TestApp.open(data)) {
      app.accounts().add("olga", "officer", "root");
      app.accounts().setPassword("olga", "tulips in the rain at dawn", "root");

      assertThat(app.accounts().signIn("olga", "tulips in the rain at dawn")).isPresent();
      assertThat(app.accounts().signIn("olga", "tulips in the rain at dusk")).isEmpty();
      assertThat(app.accounts().signIn("nobody", "tulips in the rain at dawn")).isEmpty();
      assertThat(app.audit().events(1, 100).events())
          .anyMatch(
              e ->
                  e.action().equals(AuditTrail.USER_PASSWORD)
                      && e.subject().orElse("").equals("olga"));

      app.accounts().add("ada", "admin", "root");
      app.accounts().disable("olga", "ada");
      assertThat(app.accounts().signIn("olga", "tulips in the rain at dawn")).isEmpty();
    }
  }

  @Test
  void aWeakPasswordIsRefusedAndNothingIsStored() {
    try (Application app = TestApp.open(data)) {
      app.accounts().add("olga", "officer", "root");
      Refusal r =
          catchThrowableOfType(
                  Refused.class, () -> app.accounts().setPassword("olga", "qwerty123456", "root"))
              .refusal();

      assertThat(r).isInstanceOf(Refusal.InvalidValue.class);
      assertThat(r.code()).isEqualTo("weak-password");
      assertThat(app.accounts().signIn("olga", "qwerty123456")).isEmpty();
    }
  }

  @Test
  void signingInCostsOneBcryptCheckWhetherOrNotTheAccountExistsOrHasAPassword() {
    ApiTokens tokens = new ApiTokens(4);
    try (Application app = TestApp.open(data, tokens)) {
      app.accounts().add("olga", "officer", "root");
      app.accounts().add("pia", "officer", "root");
      app.accounts().setPassword("olga", "tulips in the rain at dawn", "root");
      for (String name : new String[] {"olga", "pia", "nobody", "NOT A NAME"}) {
        long before = tokens.checksRun();
        app.accounts().signIn(name, "a wrong password here");
        assertThat(tokens.checksRun() - before).as(name).isEqualTo(1);
      }
    }
  }
}
