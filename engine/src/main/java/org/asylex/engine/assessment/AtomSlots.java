package org.asylex.engine.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.asylex.engine.policy.FactDefinition;

/**
 * Where the enum facts' states and the tests' values that a policy's {@link AtomTable}s read sit in
 * a case's {@link Frame#words}: each enum fact a few bits of {@link Frame#ENUMS}, each test two
 * bits of {@link Frame#TESTS}. Built while the tables are, then per segment the lists of what to
 * load for a case ({@link #load}).
 */
final class AtomSlots {
  /** An enum fact's place: its shift, its width, and its largest state (its number of values). */
  private record EnumSlot(int shift, int width, int values) {}

  private final Map<Integer, EnumSlot> enumSlots = new LinkedHashMap<>();
  private int enumBits;
  private final Map<Integer, Integer> testShift = new LinkedHashMap<>();
  private final ConditionProgram program;

  /** Per segment: the enum facts and tests its tables read, and their shifts. */
  private int[][] enumFacts;

  private int[][] enumShifts;
  private int[][] tests;
  private int[][] testShifts;

  AtomSlots(ConditionProgram program, int segments) {
    this.program = program;
    this.enumFacts = new int[segments][];
    this.enumShifts = new int[segments][];
    this.tests = new int[segments][];
    this.testShifts = new int[segments][];
  }

  /** The bits of an enum fact's state: 0 for unknown, else 1 + its value's code. */
  static int width(FactDefinition f) {
    return 32 - Integer.numberOfLeadingZeros(f.values().size());
  }

  /** Whether these enum facts and tests still find room in the words (and take it). */
  boolean fit(List<Integer> enums, List<Integer> nodes, List<FactDefinition> facts) {
    int more = 0;
    for (int fact : enums) {
      more += enumSlots.containsKey(fact) ? 0 : width(facts.get(fact));
    }
    int newTests = (int) nodes.stream().filter(n -> !testShift.containsKey(n)).count();
    if (enumBits + more > Long.SIZE || 2 * (testShift.size() + newTests) > Long.SIZE) {
      return false;
    }
    for (int fact : enums) {
      if (!enumSlots.containsKey(fact)) {
        FactDefinition f = facts.get(fact);
        enumSlots.put(fact, new EnumSlot(enumBits, width(f), f.values().size()));
        enumBits += width(f);
      }
    }
    for (int n : nodes) {
      testShift.putIfAbsent(n, 2 * testShift.size());
    }
    return true;
  }

  int enumShift(int fact) {
    return enumSlots.get(fact).shift();
  }

  int testShift(int node) {
    return testShift.get(node);
  }

  /** Records what segment {@code s}'s tables read: the enum facts and tests to load for a case. */
  void segment(int s, List<Integer> enums, List<Integer> nodes) {
    var e = new TreeSet<>(enums);
    enumFacts[s] = e.stream().mapToInt(Integer::intValue).toArray();
    enumShifts[s] = e.stream().mapToInt(this::enumShift).toArray();
    var t = new TreeSet<>(nodes);
    tests[s] = t.stream().mapToInt(Integer::intValue).toArray();
    testShifts[s] = t.stream().mapToInt(testShift::get).toArray();
  }

  /** Loads the words of the case in {@code f} that segment {@code s}'s tables read. */
  void load(int s, Frame f) {
    long[] w = f.words;
    long known = f.known;
    w[Frame.KNOWN] = known;
    w[Frame.TRUE] = f.truths;
    int[] facts = enumFacts[s];
    int[] shifts = enumShifts[s];
    int[] codes = f.codes;
    long enums = 0;
    for (int k = 0; k < facts.length; k++) {
      int fact = facts[k];
      long state = (known & (1L << fact)) == 0 ? 0 : 1 + codes[fact];
      enums |= state << shifts[k];
    }
    w[Frame.ENUMS] = enums;
    int[] nodes = tests[s];
    int[] at = testShifts[s];
    long values = 0;
    for (int k = 0; k < nodes.length; k++) {
      values |= (long) program.leaf(nodes[k], f) << at[k];
    }
    w[Frame.TESTS] = values;
  }

  /**
   * Sets the scratch frame to the atoms in {@code w}: the given and true facts, each enum fact's
   * code, each test's fixed value; false when no case has them.
   */
  boolean set(long[] w, Frame f) {
    long known = w[Frame.KNOWN];
    for (var e : enumSlots.entrySet()) {
      int fact = e.getKey();
      EnumSlot slot = e.getValue();
      long state = (w[Frame.ENUMS] >>> slot.shift()) & ((1L << slot.width()) - 1);
      if (state > slot.values()) {
        return false;
      }
      known |= state == 0 ? 0 : 1L << fact;
      f.codes[fact] = state == 0 ? 0 : (int) state - 1;
    }
    for (var t : testShift.entrySet()) {
      byte value = (byte) ((w[Frame.TESTS] >>> t.getValue()) & 3);
      if (value > Tri.U) {
        return false;
      }
      f.fixed[t.getKey()] = value;
    }
    f.known = known;
    f.truths = w[Frame.TRUE];
    return true;
  }

  /** Makes the scratch frame's tests read the facts again. */
  void clear(Frame f) {
    for (int node : testShift.keySet()) {
      f.fixed[node] = -1;
    }
  }
}
