package org.asylex.engine.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.asylex.engine.expr.Expr;
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

  /*
   * Per segment and test: how it is evaluated (an age of at least or below a limit, read from the
   * date of birth directly; else the program's leaf), its fact and its limit.
   */
  private static final byte LEAF = 0;
  private static final byte AGE_AT_LEAST = 1;
  private static final byte AGE_BELOW = 2;
  private byte[][] testKinds;
  private int[][] testFacts;
  private int[][] testLimits;

  AtomSlots(ConditionProgram program, int segments) {
    this.program = program;
    this.enumFacts = new int[segments][];
    this.enumShifts = new int[segments][];
    this.tests = new int[segments][];
    this.testShifts = new int[segments][];
    this.testKinds = new byte[segments][];
    this.testFacts = new int[segments][];
    this.testLimits = new int[segments][];
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
  void segment(int s, List<Integer> enums, List<Node> nodes) {
    var e = new TreeSet<>(enums);
    enumFacts[s] = e.stream().mapToInt(Integer::intValue).toArray();
    enumShifts[s] = e.stream().mapToInt(this::enumShift).toArray();
    var byId = new java.util.TreeMap<Integer, Node>();
    nodes.forEach(n -> byId.put(n.id, n));
    int k = byId.size();
    tests[s] = new int[k];
    testShifts[s] = new int[k];
    testKinds[s] = new byte[k];
    testFacts[s] = new int[k];
    testLimits[s] = new int[k];
    int j = 0;
    for (Node n : byId.values()) {
      tests[s][j] = n.id;
      testShifts[s][j] = testShift.get(n.id);
      if (n instanceof Node.AgeCompare age && age.op.isOrdering()) {
        // age >= L and age > L - 1 read "at least"; age < L and age <= L - 1 read "below"
        boolean atLeast = age.op == Expr.CompareOp.GE || age.op == Expr.CompareOp.GT;
        boolean strict = age.op == Expr.CompareOp.GE || age.op == Expr.CompareOp.LT;
        testKinds[s][j] = atLeast ? AGE_AT_LEAST : AGE_BELOW;
        testFacts[s][j] = age.fact;
        testLimits[s][j] = strict ? age.limit : age.limit + 1;
      }
      j++;
    }
  }

  /** Whether the age on the frame's date is at least {@code limit}, for every birth date given. */
  private static byte ageAtLeast(Frame f, int fact, int limit) {
    if (!f.known(fact)) {
      return Tri.U;
    }
    if (f.minAge(fact) >= limit) {
      return Tri.T;
    }
    return f.maxAge(fact) < limit ? Tri.F : Tri.U;
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
    byte[] kinds = testKinds[s];
    for (int k = 0; k < nodes.length; k++) {
      byte v =
          switch (kinds[k]) {
            case AGE_AT_LEAST -> ageAtLeast(f, testFacts[s][k], testLimits[s][k]);
            case AGE_BELOW -> Tri.not(ageAtLeast(f, testFacts[s][k], testLimits[s][k]));
            default -> program.leaf(nodes[k], f);
          };
      values |= (long) v << at[k];
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
