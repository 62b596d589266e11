package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asylex.app.users.ApiTokens;
import org.asylex.store.AuditEvent;
import org.asylex.store.AuditTrail;
import org.asylex.store.Store;
import org.asylex.store.StoreConfig;
import org.asylex.store.UserAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandTest {
  @TempDir Path data;

  private CliRun cli(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = data.toString();
    all[args.length + 2] = "--actor";
    all[args.length + 3] = "setup";
    return CliRun.of(all);
  }

  private UserAccount stored(String name) {
    try (Store store = Store.open(StoreConfig.dataDirectory(data))) {
      return store.users().find(name).orElseThrow();
    }
  }

  @Test
  void addPrintsATokenOnceThatMatchesOnlyTheStoredHash() throws Exception {
    CliRun run = cli("user", "add", "alice", "--role", "officer");

    assertThat(run.exitCode()).isZero();
    String token = run.out().strip();
    assertThat(ApiTokens.idOf(token)).isPresent();
    UserAccount alice = stored("alice");
    assertThat(alice.role()).isEqualTo("officer");
    assertThat(alice.tokenId()).isEqualTo(ApiTokens.idOf(token).orElseThrow());
    assertThat(new ApiTokens(4).matches(token, alice.tokenHash())).isTrue();
    // The token itself is nowhere in the database file.
    String secret = token.substring(token.lastIndexOf('_') + 1);
    assertThat(
            new String(Files.readAllBytes(data.resolve(StoreConfig.DATABASE_FILE)), "ISO-8859-1"))
        .doesNotContain(secret);
    assertThat(run.err()).contains("once");
  }

  @Test
  void anUnknownRoleIsRefusedNamingTheRoles() {
    CliRun run = cli("user", "add", "bob", "--role", "superuser");

    assertThat(run.exitCode()).isEqualTo(Main.INVALID);
    assertThat(run.err()).contains("role: not a role; the roles are").contains("policy-analyst");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aTakenNameIsRefusedAndTheFirstTokenStillWorks() {
    String first = cli("user", "add", "carol", "--role", "auditor").out().strip();

    CliRun again = cli("user", "add", "carol", "--role", "admin");

    assertThat(again.exitCode()).isEqualTo(Main.INVALID);
    assertThat(again.err()).contains("already an account named carol");
    assertThat(again.out()).isEmpty();
    UserAccount carol = stored("carol");
    assertThat(carol.role()).isEqualTo("auditor");
    assertThat(new ApiTokens(4).matches(first, carol.tokenHash())).isTrue();
  }

  @Test
  void aNewTokenReplacesTheOldOne() {
    String first = cli("user", "add", "dave", "--role", "admin").out().strip();

    CliRun run = cli("user", "token", "dave");

    assertThat(run.exitCode()).isZero();
    String second = run.out().strip();
    assertThat(second).isNotEqualTo(first);
    UserAccount dave = stored("dave");
    assertThat(dave.tokenId()).isEqualTo(ApiTokens.idOf(second).orElseThrow());
    assertThat(new ApiTokens(4).matches(first, dave.tokenHash())).isFalse();
    assertThat(new ApiTokens(4).matches(second, dave.tokenHash())).isTrue();
  }

  @Test
  void disableAndListShowTheAccountsWithoutTokensAndTheTrailRecordsWho() {
    String token = cli("user", "add", "erin", "--role", "policy-analyst").out().strip();
    cli("user", "add", "frank", "--role", "officer");

    CliRun disable = cli("user", "disable", "erin");
    CliRun list = cli("user", "list");

    assertThat(disable.exitCode()).isZero();
    assertThat(stored("erin").active()).isFalse();
    assertThat(list.exitCode()).isZero();
    List<String> lines = list.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("erin").contains("policy-analyst").doesNotEndWith(" -");
    assertThat(lines.get(2)).startsWith("frank").contains("officer").endsWith(" -");
    assertThat(list.out()).doesNotContain(token.substring(4));
    try (Store store = Store.open(StoreConfig.dataDirectory(data))) {
      assertThat(store.audit().events(1, 100))
          .extracting(AuditEvent::action, AuditEvent::actor)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(AuditTrail.USER_ADD, "setup"),
              org.assertj.core.groups.Tuple.tuple(AuditTrail.USER_ADD, "setup"),
              org.assertj.core.groups.Tuple.tuple(AuditTrail.USER_DISABLE, "setup"));
      assertThat(store.audit().verify().intact()).isTrue();
    }
  }

  @Test
  void enableMakesADisabledAccountActiveWithANewTokenPrintedOnceAndIsAudited() {
    String old = cli("user", "add", "gina", "--role", "officer").out().strip();
    cli("user", "disable", "gina");

    CliRun enable = cli("user", "enable", "gina");

    assertThat(enable.exitCode()).isZero();
    String fresh = enable.out().strip();
    assertThat(fresh).startsWith("asx_").isNotEqualTo(old);
    UserAccount gina = stored("gina");
    assertThat(gina.active()).isTrue();
    assertThat(new ApiTokens(4).matches(fresh, gina.tokenHash())).isTrue();
    assertThat(new ApiTokens(4).matches(old, gina.tokenHash())).isFalse();
    CliRun again = cli("user", "enable", "gina");
    assertThat(again.exitCode()).isEqualTo(Main.INVALID);
    assertThat(again.err()).contains("is not disabled");
    try (Store store = Store.open(StoreConfig.dataDirectory(data))) {
      assertThat(store.audit().events(1, 100))
          .extracting(AuditEvent::action)
          .containsExactly(AuditTrail.USER_ADD, AuditTrail.USER_DISABLE, AuditTrail.USER_ENABLE);
    }
  }

  @Test
  void unknownAccountsAreNamed() {
    assertThat(cli("user", "token", "nobody").err()).contains("no account named nobody");
    assertThat(cli("user", "disable", "nobody").exitCode()).isEqualTo(Main.INVALID);
  }

  @Test
  void theLastActiveAdminIsNotDisabled() {
    cli("user", "add", "ada", "--role", "admin");
    cli("user", "add", "olga", "--role", "officer");

    CliRun run = cli("user", "disable", "ada");

    assertThat(run.exitCode()).isEqualTo(Main.INVALID);
    assertThat(run.err())
        .isEqualTo(
            "asylex: ada is the last active admin: disabling it would leave no one to manage"
                + " accounts; add another admin first\n");
    assertThat(stored("ada").active()).isTrue();
    cli("user", "add", "bea", "--role", "admin");
    assertThat(cli("user", "disable", "ada").exitCode()).isZero();
  }

  @Test
  void passwordReadsStandardInputAndStoresOnlyAHash() throws Exception {
    cli("user", "add", "olga", "--role", "officer");
    CliRun run =
        CliRun.withStdin(
            "tulips in the rain at dawn\n",
            "user",
            "password",
            "olga",
            "--data",
            data.toString(),
            "--actor",
            "setup");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("only its hash is stored");
    assertThat(run.out()).doesNotContain("tulips");
    try (Store store = Store.open(StoreConfig.dataDirectory(data))) {
      String hash = store.users().passwordHash("olga").orElseThrow();
      assertThat(hash).startsWith("$2").doesNotContain("tulips");
    }
  }

  @Test
  void aCommonPasswordIsRefusedWithTheReason() {
    cli("user", "add", "olga", "--role", "officer");
    CliRun run =
        CliRun.withStdin(
            "password1234\n",
            "user",
            "password",
            "olga",
            "--data",
            data.toString(),
            "--actor",
            "setup");

    assertThat(run.exitCode()).isEqualTo(Main.INVALID);
    assertThat(run.err()).contains("password:").contains("common");
  }
}
