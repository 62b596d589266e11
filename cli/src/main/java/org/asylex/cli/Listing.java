package org.asylex.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * Problems found in input from outside, printed one a line: the first {@value #MAX}, then how many
 * more, so that a case of a hundred thousand unknown facts does not print a hundred thousand lines.
 * The count of all of them is in the summary line that follows.
 */
final class Listing {
  /** The most problems printed for one input. */
  static final int MAX = 20;

  private Listing() {}

  /** Prints the first {@link #MAX} items as {@code line} words them, then "PREFIX and N more". */
  static <T> void print(PrintWriter out, List<T> items, Function<T, String> line, String prefix) {
    items.stream().limit(MAX).forEach(item -> out.println(line.apply(item)));
    if (items.size() > MAX) {
      out.println(prefix + "and " + (items.size() - MAX) + " more");
    }
  }
}
