package org.asylex.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.asylex.app.policy.PolicyQueries;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.Timeline;
import org.asylex.engine.policy.Validity;

/**
 * A pack's timeline drawn as a time axis: one bar per rule version for the time it is in force (a
 * moratorium's window shows as its rule's bar), a mark for every date of the timeline, dashed when
 * the date rests on an assumption. Geometry only; the page draws it as SVG beside the timeline as
 * text, which is its text alternative.
 */
public final class TimelineSvg {
  public static final int LEFT = 230;
  public static final int WIDTH = 960;
  public static final int ROW = 22;
  public static final int TOP = 40;

  private TimelineSvg() {}

  /** A rule version's bar. */
  public record Bar(String rule, int version, double x, double width, double y, boolean open) {}

  /** A date of the timeline. */
  public record Mark(String date, double x, boolean assumed) {}

  /** The whole drawing. */
  public record Drawing(
      int width,
      int height,
      List<Bar> bars,
      List<Mark> marks,
      List<String> rows,
      List<Axis> axis) {}

  /** A year on the axis. */
  public record Axis(String label, double x) {}

  static Drawing of(PolicyQueries.TimelineView view) {
    List<Timeline.Entry> entries = view.entries();
    LocalDate first =
        entries.isEmpty() ? LocalDate.of(2022, 1, 1) : entries.get(0).date().earliest();
    LocalDate last =
        entries.isEmpty() ? first.plusYears(1) : entries.get(entries.size() - 1).date().latest();
    LocalDate start = first.minusMonths(3).withDayOfMonth(1);
    LocalDate end = last.plusMonths(6).withDayOfMonth(1);
    double days = Math.max(1, ChronoUnit.DAYS.between(start, end));
    double scale = (WIDTH - LEFT - 20) / days;
    var rows = new ArrayList<String>();
    var bars = new ArrayList<Bar>();
    for (Rule rule : view.pack().rules()) {
      int row = rows.size();
      rows.add(rule.id());
      for (int i = 0; i < rule.versions().size(); i++) {
        Validity.Interval in = rule.versions().get(i).validity().resolve(view.values());
        LocalDate from = in.from().filter(d -> d.isAfter(start)).orElse(start);
        LocalDate to = in.to().filter(d -> d.isBefore(end)).orElse(end);
        if (to.isAfter(from)) {
          double x = LEFT + ChronoUnit.DAYS.between(start, from) * scale;
          double w = Math.max(2, ChronoUnit.DAYS.between(from, to) * scale);
          bars.add(new Bar(rule.id(), i + 1, x, w, TOP + row * ROW, in.to().isEmpty()));
        }
      }
    }
    var marks = new ArrayList<Mark>();
    for (Timeline.Entry e : entries) {
      boolean assumed = e.changes().stream().anyMatch(c -> c.assumption().isPresent());
      double x = LEFT + ChronoUnit.DAYS.between(start, e.date().earliest()) * scale;
      marks.add(new Mark(e.date().toString(), x, assumed));
    }
    var axis = new ArrayList<Axis>();
    for (int year = start.getYear() + 1; year <= end.getYear(); year++) {
      axis.add(
          new Axis(
              String.valueOf(year),
              LEFT + ChronoUnit.DAYS.between(start, LocalDate.of(year, 1, 1)) * scale));
    }
    return new Drawing(WIDTH, TOP + rows.size() * ROW + 20, bars, marks, rows, axis);
  }
}
