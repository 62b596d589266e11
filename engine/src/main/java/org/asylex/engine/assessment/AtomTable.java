package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.Outcome;

/**
 * One element on one date segment ({@link ElementSegment}) decided by one table lookup over the
 * atoms its conditions in force read: each boolean fact (unknown, false, true), each enum fact
 * (unknown or one of its values) and each other test (an age, a region, any comparison: its Kleene
 * value, computed once per case for the whole segment). The conditions' values and unknown-fact
 * masks depend on nothing else, so the entry and the missing facts are a function of the atoms: the
 * table holds them for every combination, filled by evaluating the segment's own condition program
 * on a frame set to that combination ({@link #build}). Assessing a case is then a mixed-radix index
 * and two array reads instead of walking a program per condition (ADR 0025). Immutable and shared.
 */
final class AtomTable {
  /**
   * The most index bits a table may have (2^16 entries); a segment whose atoms need more keeps the
   * program walk. The RU pack's widest table (risk-group: seven boolean facts) has 14.
   */
  static final int MAX_BITS = 16;

  /*
   * The index is the atoms' states as bit fields: per run of consecutive boolean facts its known
   * bits and then its true bits; per enum fact 0 (unknown) or 1 + its code; per test its Kleene
   * code in two bits. Combinations that no case has (true but unknown, a fourth Kleene code) are
   * left empty.
   */
  private final int[] runShift;
  private final long[] runMask;
  private final int[] runAt;
  private final int[] runLength;
  private final int[] enumFacts;
  private final int[] enumAt;
  private final int[] nodeSlots;
  private final int[] nodeAt;

  /** The test nodes read, by id. */
  private final List<Integer> tests;

  /** Per index: the outcome's ordinal and the groups' number in {@link #groupLists}. */
  private final int[] decided;

  /** Per index, the missing-fact mask. */
  private final long[] missing;

  /** Per index, the segment's entry (for a finding's shared parts); null where no case falls. */
  private final ElementSegment.Entry[] entries;

  private final List<List<String>> groupLists = new ArrayList<>();

  private static final Outcome[] OUTCOMES = Outcome.values();

  private AtomTable(Atoms atoms, Map<Integer, Integer> slots, int bits) {
    int at = 0;
    var bools = atoms.bools.stream().sorted().mapToInt(Integer::intValue).toArray();
    var shifts = new ArrayList<Integer>();
    var lengths = new ArrayList<Integer>();
    for (int j = 0; j < bools.length; ) {
      int k = j;
      while (k + 1 < bools.length && bools[k + 1] == bools[k] + 1) {
        k++;
      }
      shifts.add(bools[j]);
      lengths.add(k - j + 1);
      j = k + 1;
    }
    runShift = shifts.stream().mapToInt(Integer::intValue).toArray();
    runLength = lengths.stream().mapToInt(Integer::intValue).toArray();
    runMask = new long[runShift.length];
    runAt = new int[runShift.length];
    for (int r = 0; r < runShift.length; r++) {
      runMask[r] = (1L << runLength[r]) - 1;
      runAt[r] = at;
      at += 2 * runLength[r];
    }
    enumFacts = atoms.enums.stream().mapToInt(Integer::intValue).toArray();
    enumAt = new int[enumFacts.length];
    for (int j = 0; j < enumFacts.length; j++) {
      enumAt[j] = at;
      at += bitsFor(atoms.enumStates.get(j));
    }
    tests = List.copyOf(atoms.nodes);
    nodeSlots = atoms.nodes.stream().mapToInt(slots::get).toArray();
    nodeAt = new int[nodeSlots.length];
    for (int j = 0; j < nodeSlots.length; j++) {
      nodeAt[j] = at;
      at += 2;
    }
    assert at == bits;
    decided = new int[1 << bits];
    missing = new long[1 << bits];
    entries = new ElementSegment.Entry[1 << bits];
  }

  /** The bits that hold {@code 0 .. states - 1}. */
  private static int bitsFor(int states) {
    return 32 - Integer.numberOfLeadingZeros(states - 1);
  }

  /**
   * The table of segment {@code g}, or null when its conditions read too many atoms (or it has no
   * combination table of its own). Test nodes get a slot in {@code slots} (shared by every table of
   * the policy), under which {@link #index} reads their value from {@link Frame#nodeValues}.
   */
  static AtomTable build(
      ElementSegment g,
      ConditionProgram program,
      List<FactDefinition> facts,
      Map<Integer, Integer> slots,
      Frame scratch) {
    if (g.entries == null) {
      return null;
    }
    var atoms = new Atoms();
    for (Node condition : g.conditionNodes) {
      atoms.collect(condition, program, facts, scratch);
    }
    int bits = 2 * atoms.bools.size() + 2 * atoms.nodes.size();
    for (int states : atoms.enumStates) {
      bits += bitsFor(states);
    }
    if (bits > MAX_BITS) {
      return null;
    }
    for (int node : atoms.nodes) {
      slots.putIfAbsent(node, slots.size());
    }
    var t = new AtomTable(atoms, slots, bits);
    t.fill(g, program, atoms, scratch);
    return t;
  }

  /**
   * Sets the scratch frame to each combination a case can have and records what the segment
   * decides, by the segment's own program walk.
   */
  private void fill(ElementSegment g, ConditionProgram program, Atoms atoms, Frame f) {
    int[] nodes = atoms.nodes.stream().mapToInt(Integer::intValue).toArray();
    next:
    for (int x = 0; x < entries.length; x++) {
      long known = 0;
      long truths = 0;
      for (int r = 0; r < runShift.length; r++) {
        long k = (x >>> runAt[r]) & runMask[r];
        long t = (x >>> (runAt[r] + runLength[r])) & runMask[r];
        if ((t & ~k) != 0) {
          continue next; // true but not given
        }
        known |= k << runShift[r];
        truths |= t << runShift[r];
      }
      for (int j = 0; j < enumFacts.length; j++) {
        int state = (x >>> enumAt[j]) & ((1 << bitsFor(atoms.enumStates.get(j))) - 1);
        if (state >= atoms.enumStates.get(j)) {
          continue next;
        }
        known |= state == 0 ? 0 : 1L << enumFacts[j];
        f.codes[enumFacts[j]] = Math.max(state - 1, 0);
      }
      for (int j = 0; j < nodes.length; j++) {
        int value = (x >>> nodeAt[j]) & 3;
        if (value > Tri.U) {
          continue next;
        }
        f.fixed[nodes[j]] = (byte) value;
      }
      f.known = known;
      f.truths = truths;
      program.loadLeaves(f);
      ElementSegment.Entry en = g.entries[g.index(program, f)];
      entries[x] = en;
      missing[x] = en.matters == 0 ? 0 : ElementSegment.missing(en.matters, f);
      int groupsAt = groupLists.indexOf(en.outcomeGroups);
      if (groupsAt < 0) {
        groupsAt = groupLists.size();
        groupLists.add(en.outcomeGroups);
      }
      decided[x] = en.outcome.ordinal() | groupsAt << 3;
    }
    for (int node : nodes) {
      f.fixed[node] = -1;
    }
  }

  /** The test nodes whose values {@link #index} reads, by id. */
  List<Integer> tests() {
    return tests;
  }

  /** The index of the case in {@code f}, whose test nodes' values are in its node values. */
  int index(Frame f) {
    long known = f.known;
    long truths = f.truths;
    int x = 0;
    for (int r = 0; r < runShift.length; r++) {
      int shift = runShift[r];
      long mask = runMask[r];
      long bits = ((known >>> shift) & mask) | (((truths >>> shift) & mask) << runLength[r]);
      x |= (int) bits << runAt[r];
    }
    int[] codes = f.codes;
    for (int j = 0; j < enumFacts.length; j++) {
      int fact = enumFacts[j];
      x |= ((known & (1L << fact)) == 0 ? 0 : 1 + codes[fact]) << enumAt[j];
    }
    byte[] values = f.nodeValues;
    for (int j = 0; j < nodeSlots.length; j++) {
      x |= values[nodeSlots[j]] << nodeAt[j];
    }
    return x;
  }

  Outcome outcome(int x) {
    return OUTCOMES[decided[x] & 7];
  }

  List<String> groups(int x) {
    return groupLists.get(decided[x] >>> 3);
  }

  long missing(int x) {
    return missing[x];
  }

  ElementSegment.Entry entry(int x) {
    return entries[x];
  }

  /** The atoms a segment's conditions read, each once, in the order met. */
  private static final class Atoms {
    final Set<Integer> bools = new LinkedHashSet<>();
    final Set<Integer> enums = new LinkedHashSet<>();
    final List<Integer> enumStates = new ArrayList<>();
    final Set<Integer> nodes = new LinkedHashSet<>();

    void collect(Node n, ConditionProgram program, List<FactDefinition> facts, Frame scratch) {
      switch (program.atomKind(n.id)) {
        case ConditionProgram.ATOM_BOOL -> bools.add(program.fact(n.id));
        case ConditionProgram.ATOM_ENUM -> {
          int fact = program.fact(n.id);
          if (enums.add(fact)) {
            enumStates.add(facts.get(fact).values().size() + 1);
          }
        }
        case ConditionProgram.ATOM_TEST -> nodes.add(n.id);
        case ConditionProgram.ATOM_INNER -> {
          // an 'and' with a constant false operand (an 'or' with a true one) reads nothing else:
          // its value is that constant, its unknown facts none, whatever the case
          byte decisive = n instanceof Node.And ? Tri.F : n instanceof Node.Or ? Tri.T : -1;
          for (Node child : n.children()) {
            if (decisive >= 0
                && fixed(child, program)
                && program.eval(child.id, scratch) == decisive) {
              return;
            }
          }
          for (Node child : n.children()) {
            collect(child, program, facts, scratch);
          }
        }
        default -> {} // a constant reads nothing
      }
    }

    /** Whether {@code n} reads no fact and not the date: its value is the same for every case. */
    private static boolean fixed(Node n, ConditionProgram program) {
      return switch (program.atomKind(n.id)) {
        case ConditionProgram.ATOM_NONE -> true;
        case ConditionProgram.ATOM_INNER -> n.children().stream().allMatch(c -> fixed(c, program));
        default -> false;
      };
    }
  }
}
