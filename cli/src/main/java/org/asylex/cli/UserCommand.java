package org.asylex.cli;

import java.util.List;
import org.asylex.app.Application;
import org.asylex.app.users.ApiTokens;
import org.asylex.store.UserAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asylex user ...}: the accounts that may use the HTTP API. This is how the first admin is
 * made: whoever can run the command line on the store's machine can already read the store.
 */
@Command(
    name = "user",
    description =
        "Accounts of the HTTP API (asylex serve): each has one role and one API token, of which"
            + " only a hash is stored.",
    mixinStandardHelpOptions = true,
    subcommands = {
      UserCommand.Add.class,
      UserCommand.ListUsers.class,
      UserCommand.Token.class,
      UserCommand.Disable.class,
      UserCommand.Enable.class,
      UserCommand.Password.class
    })
final class UserCommand {
  private UserCommand() {}

  /** Prints a new token the one time it can be seen. */
  private static void printToken(StoreCommand command, String name, ApiTokens.NewToken token) {
    command.out().println(token.token());
    command
        .err()
        .println(
            "asylex: the API token of "
                + name
                + " is shown above, once; only its hash is stored. Send it as"
                + " 'Authorization: Bearer TOKEN'.");
  }

  /** {@code asylex user add NAME --role ROLE}. */
  @Command(
      name = "add",
      description = {
        "Add an account and print its API token, once.",
        "Roles: officer (cases and assessments), policy-analyst (policy packs and hypothetical"
            + " assessments, never case facts), auditor (the audit trail, read-only), admin"
            + " (accounts)."
      },
      mixinStandardHelpOptions = true)
  static final class Add extends StoreCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "[a-z][a-z0-9._-]{0,63}")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "officer, policy-analyst, auditor or admin")
    String role;

    @Override
    int run(Application app, String actor) {
      printToken(this, name, app.accounts().add(name, role, actor).token());
      return 0;
    }
  }

  /** {@code asylex user list}. */
  @Command(
      name = "list",
      description = "List the accounts: name, role, created, disabled (never a token).",
      mixinStandardHelpOptions = true)
  static final class ListUsers extends StoreCommand {
    @Override
    int run(Application app, String actor) {
      List<UserAccount> users = app.accounts().list();
      if (users.isEmpty()) {
        err().println("asylex: no accounts yet; add one with 'asylex user add NAME --role ROLE'");
        return 0;
      }
      out().printf("%-24s %-15s %-28s %s%n", "NAME", "ROLE", "CREATED", "DISABLED");
      for (UserAccount u : users) {
        out()
            .printf(
                "%-24s %-15s %-28s %s%n",
                u.name(), u.role(), u.created(), u.disabled().map(Object::toString).orElse("-"));
      }
      return 0;
    }
  }

  /** A command on one account, named by its first parameter. */
  abstract static class OnAccount extends StoreCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
  }

  /** {@code asylex user token NAME}. */
  @Command(
      name = "token",
      description =
          "Give an account a new API token and print it, once; the old token stops working (a"
              + " running server on the same store refuses it within a second: it looks cached"
              + " tokens up again every second).",
      mixinStandardHelpOptions = true)
  static final class Token extends OnAccount {
    @Override
    int run(Application app, String actor) {
      printToken(this, name, app.accounts().newToken(name, actor).token());
      return 0;
    }
  }

  /** {@code asylex user disable NAME}. */
  @Command(
      name = "disable",
      description =
          "Disable an account (it is kept, so the audit trail's actors stay known; 'asylex user"
              + " enable' makes it active again, afresh); a"
              + " running server on the same store refuses its token within a second. The last"
              + " active admin is not disabled: add another admin first.",
      mixinStandardHelpOptions = true)
  static final class Disable extends OnAccount {
    @Override
    int run(Application app, String actor) {
      UserAccount u = app.accounts().disable(name, actor);
      out().println(u.name() + " disabled at " + u.disabled().orElseThrow());
      return 0;
    }
  }

  /** {@code asylex user enable NAME}. */
  @Command(
      name = "enable",
      description =
          "Make a disabled account active again, afresh: it gets a new API token, printed once (the"
              + " token it had stays dead), and no web password (set one with 'asylex user"
              + " password').",
      mixinStandardHelpOptions = true)
  static final class Enable extends OnAccount {
    @Override
    int run(Application app, String actor) {
      printToken(this, name, app.accounts().enable(name, actor).token());
      return 0;
    }
  }

  /** {@code asylex user password NAME}: the web sign-in password, read from standard input. */
  @Command(
      name = "password",
      description = {
        "Set the password an account signs in to the web UI with, read from standard input (its"
            + " first line; only a BCrypt hash is stored).",
        "At least 12 characters, at most 72 bytes, not a common password, not the account's name."
      },
      mixinStandardHelpOptions = true)
  static final class Password extends OnAccount {
    @Override
    int run(Application app, String actor) {
      String password;
      try {
        var reader =
            new java.io.BufferedReader(
                new java.io.InputStreamReader(
                    ((Main) spec.root().userObject()).stdin(),
                    java.nio.charset.StandardCharsets.UTF_8));
        password = reader.readLine();
      } catch (java.io.IOException e) {
        throw new UsageError("cannot read the password from standard input: " + e.getMessage());
      }
      if (password == null) {
        throw new UsageError(
            "give the password on standard input, e.g. 'asylex user password " + name + " < file'");
      }
      app.accounts().setPassword(name, password, actor);
      err()
          .println(
              "asylex: the web sign-in password of " + name + " is set; only its hash is stored.");
      return 0;
    }
  }
}
