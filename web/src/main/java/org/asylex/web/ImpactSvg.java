package org.asylex.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.impact.DailyCounts;
import org.asylex.app.impact.ImpactReport;
import org.asylex.engine.policy.Outcome;

/**
 * The drawings of the impact page, as geometry: an element's transition matrix (a grid of from → to
 * outcomes, each cell shaded by its count), and the cases under the moratorium per day as a stepped
 * line over a time axis. Each has a table beside it on the page, which is its text alternative;
 * nothing here is read only from the drawing.
 */
public final class ImpactSvg {
  public static final int CELL_W = 190;
  public static final int CELL_H = 46;
  static final int MATRIX_LEFT = 220;
  static final int MATRIX_TOP = 56;

  private ImpactSvg() {}

  /** An outcome at one point: a key of the message bundle's outcomes, or "not in the pack". */
  static String key(Optional<Outcome> o) {
    return o.map(x -> "outcome." + x.id()).orElse("impact.notInPack");
  }

  /** The outcomes an element's transitions name, in the engine's order, "not in pack" last. */
  static List<Optional<Outcome>> outcomes(ImpactReport.ElementImpact e) {
    var seen = new EnumMap<Outcome, Boolean>(Outcome.class);
    boolean absent = false;
    for (ImpactReport.Transition t : e.transitions()) {
      if (t.count() == 0) {
        continue;
      }
      for (Optional<Outcome> o : List.of(t.from(), t.to())) {
        if (o.isPresent()) {
          seen.put(o.get(), true);
        } else {
          absent = true;
        }
      }
    }
    var list = new ArrayList<Optional<Outcome>>();
    for (Outcome o : Outcome.values()) {
      if (seen.containsKey(o)) {
        list.add(Optional.of(o));
      }
    }
    if (absent) {
      list.add(Optional.empty());
    }
    return list;
  }

  /** One cell of the matrix: its place, its count and how dark it is (0 to 1). */
  public record Cell(
      double x, double y, long count, double shade, boolean unchanged, String from, String to) {
    /** The class of its shade: one of five steps, so that the colours come from the CSS. */
    public String shadeClass() {
      if (count == 0) {
        return "asylex-mx-cell--0";
      }
      return "asylex-mx-cell--" + (1 + (int) Math.min(3, Math.floor(shade * 4)));
    }

    /** Whether the count is written in light text (on the two darkest shades). */
    public boolean dark() {
      return count > 0 && shade >= 0.5;
    }
  }

  /** A header of the matrix, a from (row) or to (column) outcome. */
  public record Header(double x, double y, String label) {}

  /** The transition matrix of one element. */
  public record Matrix(
      int width, int height, List<Header> rows, List<Header> columns, List<Cell> cells) {}

  static Matrix matrix(ImpactReport.ElementImpact e, Texts t) {
    List<Optional<Outcome>> outcomes = outcomes(e);
    long max = 1;
    for (ImpactReport.Transition tr : e.transitions()) {
      max = Math.max(max, tr.count());
    }
    var rows = new ArrayList<Header>();
    var columns = new ArrayList<Header>();
    var cells = new ArrayList<Cell>();
    for (int i = 0; i < outcomes.size(); i++) {
      rows.add(
          new Header(8, MATRIX_TOP + i * CELL_H + CELL_H / 2.0 + 4, t.get(key(outcomes.get(i)))));
      columns.add(
          new Header(
              MATRIX_LEFT + i * CELL_W + CELL_W / 2.0,
              MATRIX_TOP - 10,
              t.get(key(outcomes.get(i)))));
    }
    for (int i = 0; i < outcomes.size(); i++) {
      for (int j = 0; j < outcomes.size(); j++) {
        long count = count(e, outcomes.get(i), outcomes.get(j));
        cells.add(
            new Cell(
                MATRIX_LEFT + j * CELL_W,
                MATRIX_TOP + i * CELL_H,
                count,
                (double) count / max,
                i == j,
                t.get(key(outcomes.get(i))),
                t.get(key(outcomes.get(j)))));
      }
    }
    return new Matrix(
        MATRIX_LEFT + outcomes.size() * CELL_W + 10,
        MATRIX_TOP + outcomes.size() * CELL_H + 10,
        rows,
        columns,
        cells);
  }

  /** The count of one pair (0 when the report has none). */
  static long count(ImpactReport.ElementImpact e, Optional<Outcome> from, Optional<Outcome> to) {
    for (ImpactReport.Transition tr : e.transitions()) {
      if (tr.from().equals(from) && tr.to().equals(to)) {
        return tr.count();
      }
    }
    return 0;
  }

  static final int AXIS_LEFT = 60;
  static final int AXIS_WIDTH = 900;
  static final int AXIS_TOP = 20;
  static final int AXIS_HEIGHT = 200;

  /** A tick on an axis: where, and its label. */
  public record Tick(double at, String label) {}

  /** A stretch of days with one count, as the table beside the drawing lists them. */
  public record Stretch(LocalDate from, LocalDate to, long count) {}

  /** One series drawn: its stepped line (SVG points) and its stretches. */
  public record Line(String name, String points, String cssClass, List<Stretch> stretches) {}

  /** The time axis with one or two series. */
  public record Axis(
      int width, int height, List<Tick> xTicks, List<Tick> yTicks, List<Line> lines, long max) {}

  static Axis axis(Map<String, DailyCounts.Series> series) {
    DailyCounts.Series first = series.values().iterator().next();
    LocalDate from = first.from();
    int days = first.perDay().length;
    long max = 1;
    for (DailyCounts.Series s : series.values()) {
      max = Math.max(max, s.max());
    }
    double dx = (double) AXIS_WIDTH / days;
    double bottom = AXIS_TOP + AXIS_HEIGHT;
    var lines = new ArrayList<Line>();
    int n = 0;
    for (Map.Entry<String, DailyCounts.Series> s : series.entrySet()) {
      long[] perDay = s.getValue().perDay();
      var points = new StringBuilder();
      var stretches = new ArrayList<Stretch>();
      int start = 0;
      for (int d = 0; d < days; d++) {
        if (d == days - 1 || perDay[d + 1] != perDay[d]) {
          stretches.add(new Stretch(from.plusDays(start), from.plusDays(d), perDay[d]));
          double y = bottom - (double) perDay[d] / max * AXIS_HEIGHT;
          points.append(fmt(AXIS_LEFT + start * dx)).append(',').append(fmt(y)).append(' ');
          points.append(fmt(AXIS_LEFT + (d + 1) * dx)).append(',').append(fmt(y)).append(' ');
          start = d + 1;
        }
      }
      lines.add(
          new Line(s.getKey(), points.toString().strip(), "asylex-ax-line--" + n++, stretches));
    }
    var xTicks = new ArrayList<Tick>();
    LocalDate tick = from.withDayOfMonth(1);
    int step = days > 800 ? 12 : days > 200 ? 3 : 1;
    while (!tick.isAfter(first.to())) {
      if (!tick.isBefore(from) && (tick.getMonthValue() - 1) % step == 0) {
        xTicks.add(
            new Tick(
                AXIS_LEFT + ChronoUnit.DAYS.between(from, tick) * dx,
                step == 12 ? String.valueOf(tick.getYear()) : tick.toString().substring(0, 7)));
      }
      tick = tick.plusMonths(1);
    }
    var yTicks = new ArrayList<Tick>();
    yTicks.add(new Tick(bottom, "0"));
    yTicks.add(new Tick(AXIS_TOP, String.valueOf(max)));
    return new Axis(
        AXIS_LEFT + AXIS_WIDTH + 20, AXIS_TOP + AXIS_HEIGHT + 30, xTicks, yTicks, lines, max);
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
