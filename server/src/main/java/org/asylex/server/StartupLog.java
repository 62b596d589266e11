package org.asylex.server;

import org.asylex.app.cases.ReceiptConversion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server says once at start-up on {@value #LOGGER}: counts and pack content hashes only,
 * never a case id, a name or a fact value.
 */
public final class StartupLog {
  /**
   * The logger of the start-up lines (under {@code asylex}, on at INFO in {@code asylex serve}).
   */
  public static final String LOGGER = "asylex.startup";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private StartupLog() {}

  /**
   * The receipt conversion (ADR 0021): INFO with the count when some were converted, WARN with the
   * count and the missing packs' hashes when some are kept in full form; nothing otherwise.
   */
  static void receipts(ReceiptConversion.Result result) {
    result
        .convertedNote()
        .ifPresent(
            note ->
                LOG.atInfo().setMessage(note).addKeyValue("converted", result.converted()).log());
    result
        .keptFullNote()
        .ifPresent(
            note ->
                LOG.atWarn()
                    .setMessage(note)
                    .addKeyValue("keptFull", result.keptFull())
                    .addKeyValue("packsMissing", String.join(",", result.packsMissing()))
                    .log());
  }
}
