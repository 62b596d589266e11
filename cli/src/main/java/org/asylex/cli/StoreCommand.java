package org.asylex.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.asylex.store.CaseAlreadyExists;
import org.asylex.store.CaseNotFound;
import org.asylex.store.Store;
import org.asylex.store.StoreException;
import org.asylex.store.VersionConflict;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * A command on the case store: opens the store the options name, runs, closes it. Every failure is
 * one line on standard error, never a stack trace: a missing case, a version conflict or bad input
 * exit with {@value Main#INVALID}, a store that cannot be reached or fails with {@value
 * Main#STORE_FAILED}.
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

  @Override
  public Integer call() {
    try {
      String actor = storeOptions.actor();
      try (Store store = Store.open(storeOptions.config())) {
        return run(store, actor);
      }
    } catch (UsageError e) {
      err().println("asylex: " + e.getMessage());
      return Main.INVALID;
    } catch (CaseNotFound | VersionConflict | CaseAlreadyExists e) {
      err().println("asylex: " + e.getMessage());
      return Main.INVALID;
    } catch (StoreException e) {
      err().println("asylex: " + e.getMessage());
      return Main.STORE_FAILED;
    } catch (IllegalArgumentException e) {
      // the store's checks of ids, actors and notes
      err().println("asylex: " + e.getMessage());
      return Main.INVALID;
    }
  }

  /**
   * Runs the command on an open store.
   *
   * @param actor who is acting, for the audit trail
   * @return the exit code
   */
  abstract int run(Store store, String actor);
}
