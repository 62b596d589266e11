package org.asylex.cli;

import org.asylex.app.Application;
import org.asylex.store.VerifyResult;
import picocli.CommandLine.Command;

/** {@code asylex audit ...}: the audit trail of the case store. */
@Command(
    name = "audit",
    description =
        "The audit trail: who created, read, changed, listed, exported and assessed which case,"
            + " and when (never fact values), hash-chained so that tampering is detected.",
    mixinStandardHelpOptions = true,
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand {
  private AuditCommand() {}

  /** {@code asylex audit verify}. */
  @Command(
      name = "verify",
      description = {
        "Check the whole hash chain of the audit trail: every event present, unaltered and in its"
            + " place, up to the recorded head.",
        "Exit 0 and 'intact: N events, head SEQ HASH' (write the head down elsewhere: a later"
            + " verify that still finds it shows nothing before it was rewritten); exit 1 naming"
            + " the first broken event and the problem."
      },
      mixinStandardHelpOptions = true)
  static final class Verify extends StoreCommand {
    @Override
    int run(Application app, String actor) {
      VerifyResult result = app.audit().verify();
      out().println(result.describe());
      return result.intact() ? 0 : Main.DIFFERENT;
    }
  }
}
