package org.asylex.packs;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.text.NearestName;
import org.asylex.engine.time.PartialDate;

/** Reads the typed values of pack files (dates, outcomes, names from a fixed list). */
final class Values {
  private final Diagnostics out;

  Values(Diagnostics out) {
    this.out = out;
  }

  Optional<LocalDate> date(String text, SourcePosition at) {
    if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return Optional.of(LocalDate.parse(text));
      } catch (DateTimeException e) {
        out.error("bad-date", at, "the date " + text + " does not exist");
        return Optional.empty();
      }
    }
    out.error(
        "bad-date",
        at,
        "expected a date written YYYY-MM-DD"
            + (text.startsWith("@") ? "" : " or @assumption-id")
            + ", found '"
            + text
            + "'");
    return Optional.empty();
  }

  Optional<PartialDate> partialDate(String text, SourcePosition at) {
    Optional<PartialDate> d = PartialDate.parse(text);
    if (d.isEmpty()) {
      out.error(
          "bad-date",
          at,
          "expected a date YYYY-MM-DD, YYYY-MM or YYYY that exists, found '" + text + "'");
    }
    return d;
  }

  /** An outcome a pack may name (never "undetermined"). */
  Optional<Outcome> outcome(String text, SourcePosition at) {
    return outcome(text, at, Outcome.declarable(), " (a pack names ", out);
  }

  /**
   * One of {@code allowed} outcomes, named by its id; otherwise an {@code unknown-outcome} error
   * listing them after {@code listing}.
   */
  static Optional<Outcome> outcome(
      String text, SourcePosition at, List<Outcome> allowed, String listing, Diagnostics out) {
    var ids = allowed.stream().map(Outcome::id).toList();
    Optional<Outcome> o = Outcome.fromId(text).filter(allowed::contains);
    if (o.isEmpty()) {
      out.error(
          "unknown-outcome",
          at,
          "unknown outcome '"
              + text
              + "'"
              + NearestName.didYouMean(text, ids)
              + listing
              + String.join(", ", ids)
              + ")");
    }
    return o;
  }

  /** {@code value} as parsed from {@code text}; when empty, reports the valid names. */
  <T> Optional<T> oneOf(
      String text, Optional<T> value, List<String> valid, SourcePosition at, String what) {
    if (value.isEmpty()) {
      out.error(
          "unknown-value",
          at,
          "unknown "
              + what
              + " '"
              + text
              + "'"
              + NearestName.didYouMean(text, valid)
              + " (expected one of "
              + String.join(", ", valid)
              + ")");
    }
    return value;
  }
}
