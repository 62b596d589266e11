package org.asylex.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file that appears whole or not at all: written to a temporary file beside it and moved
 * into place when complete. A shutdown hook (Ctrl-C) and {@link #close} without {@link #commit}
 * delete the temporary file, so an interrupted run never leaves a half-written file behind.
 */
final class ChangedFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final BufferedWriter out;
  private final Thread cleanup;
  private boolean committed;
  private volatile boolean aborted;

  ChangedFile(Path target) {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    if (Files.isDirectory(this.target)) {
      throw new UsageError("--changed " + Terminal.safe(target.toString()) + " is a directory");
    }
    try {
      this.temp = Files.createTempFile(dir, "." + this.target.getFileName(), ".partial");
      this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageError(
          "cannot write " + Terminal.safe(target.toString()) + ": " + e.getMessage());
    }
    Thread writer = Thread.currentThread();
    this.cleanup =
        new Thread(
            () -> {
              // Ctrl-C: stop the run and take the partial file away; the file is never moved now
              aborted = true;
              writer.interrupt();
              deleteTemp();
            },
            "asylex-changed-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** Adds one line. */
  void line(String json) {
    if (aborted) {
      return; // the run is being stopped: the file is gone
    }
    try {
      out.write(json);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Moves the complete file into place. */
  void commit() throws IOException {
    if (aborted) {
      throw new IOException("stopped");
    }
    out.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public void close() {
    if (!committed) {
      deleteTemp();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: it deletes the temporary file itself
    }
  }

  private void deleteTemp() {
    try {
      out.close();
    } catch (IOException ignored) {
      // deleting is what matters
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // nothing more can be done on the way out
    }
  }
}
