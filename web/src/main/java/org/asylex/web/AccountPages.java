package org.asylex.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.users.Accounts;
import org.asylex.app.users.Passwords;
import org.asylex.app.users.Role;
import org.asylex.store.UserAccount;

/**
 * The admin's pages over the accounts: list, add with a role, set the web sign-in password, give a
 * new API token (the old one stops working), disable, enable again. Each calls the use case of
 * {@code asylex user ...} ({@link Accounts}), with the signed-in admin as actor, so the audit trail
 * records the same events ({@code user.add}, {@code user.password}, {@code user.token}, {@code
 * user.disable}, {@code user.enable}). A page never shows a password or a hash; a new token is
 * shown once, in the answer to the post that made it ({@code no-store}), never again.
 *
 * <p>Enabling starts an account afresh ({@link Accounts#enable}): a new token, shown once, and no
 * password until one is set; what it had before it was disabled stays dead.
 */
public final class AccountPages {
  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

  private final Site site;

  AccountPages(Site site) {
    this.site = site;
  }

  /** The list of accounts with the form that adds one. */
  public record AccountsPage(
      Frame frame,
      List<UserAccount> accounts,
      List<Role> roles,
      String name,
      String role,
      List<SignInPages.FieldError> errors) {
    public boolean error(String field) {
      return errors.stream().anyMatch(e -> e.field().equals(field));
    }
  }

  /** One account: its state, and the forms that change it. */
  public record AccountPage(
      Frame frame, UserAccount account, String notice, List<SignInPages.FieldError> errors) {
    public boolean error(String field) {
      return errors.stream().anyMatch(e -> e.field().equals(field));
    }
  }

  /**
   * The one time a new API token is shown; {@code kind}: the account was {@code added}, {@code
   * enabled}, or its token {@code renewed}.
   */
  public record TokenPage(Frame frame, String name, String token, String kind) {}

  void mount(JavalinConfig javalin) {
    site.get(javalin, "/accounts", ADMIN, (ctx, v) -> list(ctx, v, "", "", List.of()));
    site.post(javalin, "/accounts", ADMIN, this::add);
    site.get(javalin, "/accounts/{name}", ADMIN, this::show);
    site.post(javalin, "/accounts/{name}/password", ADMIN, this::password);
    site.post(javalin, "/accounts/{name}/token", ADMIN, this::token);
    site.post(javalin, "/accounts/{name}/disable", ADMIN, this::disable);
    site.post(javalin, "/accounts/{name}/enable", ADMIN, this::enable);
  }

  private void list(
      Context ctx, Site.Visit v, String name, String role, List<SignInPages.FieldError> errors) {
    site.pages.render(
        ctx,
        "accounts.jte",
        new AccountsPage(
            v.frame(),
            site.app.accounts().list(),
            Arrays.asList(Role.values()),
            name,
            role,
            errors));
  }

  private void add(Context ctx, Site.Visit v) {
    String name = trimmed(ctx.formParam("name"));
    String role = trimmed(ctx.formParam("role"));
    Texts t = v.t();
    var errors = new ArrayList<SignInPages.FieldError>();
    for (Refusal.InvalidValue problem : Accounts.problems(name, role)) {
      errors.add(
          new SignInPages.FieldError(problem.field(), t.get("accounts.error." + problem.code())));
    }
    if (errors.isEmpty()) {
      try {
        var made = site.app.accounts().add(name, role, v.actor());
        ctx.status(HttpStatus.CREATED);
        site.pages.render(
            ctx,
            "token.jte",
            new TokenPage(v.frame(), made.account().name(), made.token().token(), "added"));
        return;
      } catch (Refused e) {
        if (!(e.refusal() instanceof Refusal.UserExists)) {
          throw e;
        }
        errors.add(new SignInPages.FieldError("name", t.get("accounts.error.already-exists")));
      }
    }
    ctx.status(422);
    list(ctx, v, name, role, errors);
  }

  private Optional<UserAccount> account(Context ctx) {
    String name = ctx.pathParam("name");
    if (!Accounts.NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return site.app.accounts().list().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  private void show(Context ctx, Site.Visit v) {
    String done = ctx.queryParam("done");
    String notice =
        done != null && List.of("password", "disabled").contains(done)
            ? v.t().get("account.done." + done)
            : "";
    render(ctx, v, notice, List.of());
  }

  private void render(
      Context ctx, Site.Visit v, String notice, List<SignInPages.FieldError> errors) {
    Optional<UserAccount> account = account(ctx);
    if (account.isEmpty()) {
      throw new Refused(new Refusal.UserNotFound(null));
    }
    site.pages.render(
        ctx, "account.jte", new AccountPage(v.frame(), account.get(), notice, errors));
  }

  private void password(Context ctx, Site.Visit v) {
    String name = ctx.pathParam("name");
    String password = ctx.formParam("password");
    String repeat = ctx.formParam("repeat");
    Optional<Passwords.Problem> problem = Passwords.check(name, password);
    var errors = new ArrayList<SignInPages.FieldError>();
    if (problem.isPresent()) {
      errors.add(
          new SignInPages.FieldError(
              "password",
              v.t()
                  .get(
                      "account.password." + problem.get().name().toLowerCase(Locale.ROOT),
                      Passwords.MIN_LENGTH,
                      Passwords.MAX_BYTES)));
    } else if (!password.equals(repeat)) {
      errors.add(new SignInPages.FieldError("repeat", v.t().get("account.password.repeatDiffers")));
    }
    if (!errors.isEmpty()) {
      ctx.status(422);
      render(ctx, v, "", errors);
      return;
    }
    site.app.accounts().setPassword(name, password, v.actor());
    ctx.redirect("/accounts/" + name + "?done=password", HttpStatus.SEE_OTHER);
  }

  private void token(Context ctx, Site.Visit v) {
    var made = site.app.accounts().newToken(ctx.pathParam("name"), v.actor());
    site.pages.render(
        ctx,
        "token.jte",
        new TokenPage(v.frame(), made.account().name(), made.token().token(), "renewed"));
  }

  private void enable(Context ctx, Site.Visit v) {
    var made = site.app.accounts().enable(ctx.pathParam("name"), v.actor());
    site.pages.render(
        ctx,
        "token.jte",
        new TokenPage(v.frame(), made.account().name(), made.token().token(), "enabled"));
  }

  private void disable(Context ctx, Site.Visit v) {
    String name = ctx.pathParam("name");
    try {
      site.app.accounts().disable(name, v.actor());
    } catch (Refused e) {
      if (!(e.refusal() instanceof Refusal.LastAdmin)) {
        throw e;
      }
      ctx.status(422);
      render(
          ctx,
          v,
          "",
          List.of(new SignInPages.FieldError("disable", v.t().get("account.disable.lastAdmin"))));
      return;
    }
    ctx.redirect("/accounts/" + name + "?done=disabled", HttpStatus.SEE_OTHER);
  }

  private static String trimmed(String s) {
    return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
  }
}
