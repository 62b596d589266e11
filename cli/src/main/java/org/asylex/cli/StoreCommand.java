package org.asylex.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.asylex.app.Application;
import org.asylex.app.Refused;
import org.asylex.app.Today;
import org.asylex.app.cases.ReceiptConversion;
import org.asylex.app.policy.AssumptionSettings;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.users.ApiTokens;
import org.asylex.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * A command on the case store: opens the application over the store the options name, runs, closes
 * it. Every failure is one line on standard error, never a stack trace: a refusal (a missing case,
 * a version conflict, bad input) exits with {@value Main#INVALID}, a store that cannot be reached
 * or fails with {@value Main#STORE_FAILED}.
 */
abstract class StoreCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  Today today() {
    return ((Main) spec.root().userObject()).today();
  }

  /** The packs this command checks or assesses with; by default those of ./policies, unused. */
  PolicyCatalog catalog() {
    return PolicyCatalog.of(new PackOptions().root(), AssumptionSettings.none());
  }

  @Override
  public Integer call() {
    try {
      String actor = storeOptions.actor();
      try (Application app =
          Application.open(storeOptions.config(), catalog(), today(), new ApiTokens())) {
        noteReceipts(app.receiptConversion());
        return run(app, actor);
      }
    } catch (UsageError e) {
      err().println("asylex: " + e.getMessage());
      return Main.INVALID;
    } catch (Refused e) {
      err().println("asylex: " + Terminal.safe(e.getMessage()));
      return Main.INVALID;
    } catch (StoreException e) {
      err().println("asylex: " + e.getMessage());
      return Main.STORE_FAILED;
    } catch (IllegalArgumentException e) {
      // the store's checks of ids, actors and notes
      err().println("asylex: " + Terminal.safe(e.getMessage()));
      return Main.INVALID;
    }
  }

  /**
   * What opening the store did to the receipts made before compact receipts (ADR 0021), one line
   * each on standard error (standard output is the command's, which scripts read): nothing when no
   * receipt was converted and none is kept in full form. Counts and pack hashes only.
   */
  void noteReceipts(ReceiptConversion.Result receipts) {
    receipts.convertedNote().ifPresent(note -> err().println("asylex: " + note));
    receipts.keptFullNote().ifPresent(note -> err().println("asylex: note: " + note));
  }

  /**
   * Runs the command.
   *
   * @param actor who is acting, for the audit trail
   * @return the exit code
   */
  abstract int run(Application app, String actor);
}
