package org.asylex.benchmarks.dmn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asylex.benchmarks.CaseBatch;
import org.asylex.benchmarks.HandWrittenRussianPolicy;

/**
 * Checks that a DMN peer gives the outcomes of {@link HandWrittenRussianPolicy} on every case of a
 * batch: mismatches are counted per element (a case can differ in several), and the first few
 * differing cases are kept with their inputs and both outcomes. Outcomes only: the DMN model gives
 * neither missing facts nor groups.
 */
public final class PeerCheck {
  private static final String[] OUTCOMES = {
    "applies", "does_not_apply", "individual_assessment", "undetermined"
  };

  /** The result of one check. */
  public record Result(
      String peer,
      int cases,
      int differingCases,
      long[] mismatchesPerElement,
      int[][] handWrittenOutcomes,
      List<String> first) {
    public boolean identical() {
      return differingCases == 0;
    }

    /** One line per element with its count, then the first differing cases. */
    public String report() {
      var sb = new StringBuilder();
      sb.append(peer)
          .append(": ")
          .append(differingCases)
          .append(" of ")
          .append(cases)
          .append(" cases differ from the hand-written policy");
      for (int e = 0; e < mismatchesPerElement.length; e++) {
        sb.append("\n  ")
            .append(HandWrittenRussianPolicy.ELEMENTS.get(e))
            .append(": ")
            .append(mismatchesPerElement[e])
            .append(" mismatches (hand-written: ")
            .append(Arrays.toString(handWrittenOutcomes[e]))
            .append(" applies, does_not_apply, individual_assessment, undetermined)");
      }
      for (String s : first) {
        sb.append('\n').append(s);
      }
      return sb.toString();
    }
  }

  private PeerCheck() {}

  /**
   * Compares {@code peer} with {@code handWritten} on every case, keeping the first {@code shown}.
   */
  public static Result check(
      DmnPeer peer, HandWrittenRussianPolicy handWritten, CaseBatch b, DmnCases c, int shown) {
    int elements = HandWrittenRussianPolicy.ELEMENTS.size();
    long[] perElement = new long[elements];
    long[] missing = new long[elements];
    int[] actual = new int[elements];
    int[][] seen = new int[elements][OUTCOMES.length];
    int differing = 0;
    var first = new ArrayList<String>();
    for (int i = 0; i < b.size; i++) {
      int expected =
          handWritten.evaluate(
              b.words[i], b.birthEarliest[i], b.birthLatest[i], b.packedDates[i], missing);
      Arrays.fill(actual, DmnPeer.UNKNOWN);
      peer.outcomes(c, i, actual);
      var diff = new StringBuilder();
      for (int e = 0; e < elements; e++) {
        int want = (expected >>> (2 * e)) & 3;
        seen[e][want]++;
        if (actual[e] != want) {
          perElement[e]++;
          diff.append("\n    ")
              .append(HandWrittenRussianPolicy.ELEMENTS.get(e))
              .append(": ")
              .append(peer.name())
              .append(' ')
              .append(actual[e] == DmnPeer.UNKNOWN ? "no outcome" : OUTCOMES[actual[e]])
              .append(", hand-written ")
              .append(OUTCOMES[want]);
        }
      }
      if (diff.length() > 0) {
        differing++;
        if (first.size() < shown) {
          // generated facts, not a person's: safe to print
          first.add("  case " + i + " " + c.describe(i) + diff);
        }
      }
    }
    return new Result(peer.name(), b.size, differing, perElement, seen, first);
  }
}
