package org.asylex.app.cases;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.asylex.store.Store;

/**
 * The writes of a caseload assessment ({@link StoredAssessments#assessAll}), one page at a time on
 * a thread of their own: while a page's receipts are stored (the database's work, one writer), the
 * caller reads and assesses the next page on every core. At most one page is being stored; the
 * pages are stored, and their outcomes told to {@code told} on the caller's thread, in order.
 */
final class CaseloadWrites implements AutoCloseable {
  private final Consumer<Store.Assessed> told;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "asylex-caseload-writes");
            t.setDaemon(true);
            return t;
          });
  private CompletableFuture<List<Store.Assessed>> storing =
      CompletableFuture.completedFuture(List.of());

  CaseloadWrites(Consumer<Store.Assessed> told) {
    this.told = Objects.requireNonNull(told, "told");
  }

  /**
   * Waits until the page before is stored and tells its outcomes, then starts {@code write} (which
   * stores a page and gives its outcomes) and returns.
   */
  void store(Supplier<List<Store.Assessed>> write) {
    tell(await(storing));
    storing = CompletableFuture.supplyAsync(write, writer);
  }

  /** Waits until the last page is stored and tells its outcomes. */
  void finish() {
    List<Store.Assessed> last = await(storing);
    storing = CompletableFuture.completedFuture(List.of());
    tell(last);
  }

  private void tell(List<Store.Assessed> outcomes) {
    outcomes.forEach(told);
  }

  private static List<Store.Assessed> await(CompletableFuture<List<Store.Assessed>> page) {
    try {
      return page.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }

  /** Lets a page still being stored (after a failure of the caller) end before returning. */
  @Override
  public void close() {
    try {
      storing.handle((done, failed) -> null).join();
    } finally {
      writer.shutdown();
    }
  }
}
