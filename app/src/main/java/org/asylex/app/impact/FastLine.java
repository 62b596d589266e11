package org.asylex.app.impact;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.asylex.app.cases.CaseIds;
import org.asylex.app.policy.FactCheck;
import org.asylex.app.policy.Lookup;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.assessment.CaseFacts;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.assessment.FactReader;
import org.asylex.json.CaseLineReader;

/**
 * One worker's fast path from a line's bytes to checked facts, without a map per case (ADR 0028):
 * {@link CaseLineReader#readFlat} reads a line of the plainest shape, {@link FactReader} checks its
 * facts against the pack of its country. It only takes a line that the general path ({@link
 * CaseLineReader#read}, the checks of the id and the keys, {@link CaseComparison#check}) takes
 * without a problem, with the same facts; for any other line {@link #read} returns false and the
 * worker goes the general path, which reports its problems exactly as it always has.
 *
 * <p>Not thread-safe: one per worker.
 */
final class FastLine {
  /** A country without a usable pack: the general path says why. */
  private static final Object NO_PACK = new Object();

  final CaseLineReader reader = new CaseLineReader();
  final CaseComparison.Buffers buffers = new CaseComparison.Buffers();
  private final CaseLineReader.Flat flat = new CaseLineReader.Flat();
  private final PolicyCatalog policies;
  private final LocalDate date;
  private final Map<String, Object> byCountry = new HashMap<>();
  private String lastCountry;
  private Object lastReader;
  private FactReader current;
  private String countryName;
  private CaseFacts facts;

  /**
   * @param policies the catalog of both points, or null when they differ (no fast path then)
   * @param date the date facts are checked on: no date fact may lie after it
   */
  FastLine(PolicyCatalog policies, LocalDate date) {
    this.policies = policies;
    this.date = date;
  }

  /**
   * Reads line {@code bytes[start, end)}: whether it is taken, with {@link #id} and {@link #facts}.
   */
  boolean read(byte[] bytes, int start, int end) {
    if (policies == null
        || !reader.readFlat(bytes, start, end, flat)
        || !CaseIds.valid(flat.id())) {
      return false;
    }
    Object country = country();
    if (!(country instanceof String code)) {
      return false;
    }
    Object found = code == lastCountry ? lastReader : readerFor(code);
    if (!(found instanceof FactReader r)) {
      return false;
    }
    current = r;
    r.start();
    for (int i = 0; i < flat.size(); i++) {
      if (!r.fact(flat.name(i), flat.value(i))) {
        return false;
      }
    }
    facts = r.finish();
    return facts != null;
  }

  /** The id of the line last taken. */
  String id() {
    return flat.id();
  }

  /** The checked facts of the line last taken; their pack is {@code facts().schema()}'s. */
  CaseFacts facts() {
    return facts;
  }

  /** The pack of the facts last taken. */
  org.asylex.engine.policy.PolicyPack pack() {
    return current.pack();
  }

  /** The value of the country fact in the line's facts, if any. */
  private Object country() {
    for (int i = 0; i < flat.size(); i++) {
      String name = flat.name(i);
      if (name == countryName || name.equals(CaseInput.COUNTRY_FACT)) {
        countryName = name;
        return flat.value(i);
      }
    }
    return null;
  }

  /** The fact reader of the pack of {@code code}, or {@link #NO_PACK}; kept for the next line. */
  private Object readerFor(String code) {
    if (!FactCheck.capitalPair(code)) {
      return NO_PACK; // not kept: at most 26 × 26 codes are
    }
    Object r =
        byCountry.computeIfAbsent(
            code,
            c ->
                policies.byCountry(c) instanceof Lookup.Found f
                    ? new FactReader(f.pack(), date)
                    : NO_PACK);
    lastCountry = code;
    lastReader = r;
    return r;
  }
}
