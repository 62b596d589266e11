package org.asylex.engine.policy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a rule version holds: from {@code from} (inclusive) to {@code to} (exclusive); an absent end
 * is open.
 */
public record Validity(Optional<DateRef> from, Optional<DateRef> to, Origin origin) {

  public static Validity always(Origin origin) {
    return new Validity(Optional.empty(), Optional.empty(), origin);
  }

  /** This validity with its boundaries resolved under the given assumption values. */
  public Interval resolve(AssumptionValues values) {
    return new Interval(from.map(values::date), to.map(values::date));
  }

  /** A validity interval [from, to) with actual dates; an empty end is open. */
  public record Interval(Optional<LocalDate> from, Optional<LocalDate> to) {

    public boolean contains(LocalDate date) {
      return from.map(f -> !date.isBefore(f)).orElse(true)
          && to.map(t -> date.isBefore(t)).orElse(true);
    }

    public boolean isEmpty() {
      return from.isPresent() && to.isPresent() && !from.get().isBefore(to.get());
    }

    /** The interval both hold on, if any. */
    public Optional<Interval> intersection(Interval other) {
      Optional<LocalDate> start = later(from, other.from);
      Optional<LocalDate> end = earlier(to, other.to);
      var i = new Interval(start, end);
      return i.isEmpty() ? Optional.empty() : Optional.of(i);
    }

    private static Optional<LocalDate> later(Optional<LocalDate> a, Optional<LocalDate> b) {
      if (a.isEmpty()) {
        return b;
      }
      if (b.isEmpty()) {
        return a;
      }
      return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }

    private static Optional<LocalDate> earlier(Optional<LocalDate> a, Optional<LocalDate> b) {
      if (a.isEmpty()) {
        return b;
      }
      if (b.isEmpty()) {
        return a;
      }
      return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    @Override
    public String toString() {
      return "["
          + from.map(LocalDate::toString).orElse("…")
          + ", "
          + to.map(LocalDate::toString).orElse("…")
          + ")";
    }
  }
}
