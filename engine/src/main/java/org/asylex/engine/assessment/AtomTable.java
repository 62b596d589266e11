package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
 * on a frame set to that combination ({@link #build}). Assessing a case is then a few shifts and
 * masks over the case's {@link Frame#words} and three array reads instead of walking a program per
 * condition (ADR 0025). Immutable and shared.
 */
final class AtomTable {
  /**
   * The most index bits a table may have (2^16 entries); a segment whose atoms need more keeps the
   * program walk. Seven boolean facts take 14 bits.
   */
  static final int MAX_BITS = 16;

  /*
   * The index is made of fields, each `bits` of a word of the case (Frame.words: the given facts,
   * the true ones, the enum facts' states, the tests' values) moved to its place: per run of
   * consecutive boolean facts its given bits and its true bits, per enum fact its state (0:
   * unknown, else 1 + its code), per test its Kleene code. Indices that no case has (true but not
   * given, a state beyond the values, a fourth Kleene code) are left empty.
   */
  private final int[] word;
  private final int[] shift;
  private final long[] mask;
  private final int[] at;

  /**
   * Per index two cells side by side (one cache line serves both): at {@code 2x} the missing-fact
   * mask, at {@code 2x + 1} the outcome's ordinal and the groups' number in {@link #groupLists}.
   */
  private final long[] cells;

  private List<String>[] groupLists;

  /** The enum facts and the tests read: what {@link AtomSlots#load} must load for this table. */
  private final List<Integer> enums = new ArrayList<>();

  private final List<Node> tests = new ArrayList<>();

  private static final Outcome[] OUTCOMES = Outcome.values();

  private AtomTable(List<int[]> fields) {
    word = new int[fields.size()];
    shift = new int[fields.size()];
    mask = new long[fields.size()];
    at = new int[fields.size()];
    int bits = 0;
    for (int j = 0; j < fields.size(); j++) {
      int[] field = fields.get(j); // word, shift, width
      word[j] = field[0];
      shift[j] = field[1];
      mask[j] = (1L << field[2]) - 1;
      at[j] = bits;
      bits += field[2];
    }
    cells = new long[2 << bits];
  }

  /**
   * The table of segment {@code g}, or null when its conditions read too many atoms (or it has no
   * combination table of its own). Enum facts and tests get their place in the case's words from
   * {@code slots}, shared by every table of the policy.
   */
  static AtomTable build(
      ElementSegment g,
      ConditionProgram program,
      List<FactDefinition> facts,
      AtomSlots slots,
      Frame scratch) {
    if (g.entries == null) {
      return null;
    }
    var atoms = new Atoms();
    for (Node condition : g.conditionNodes) {
      atoms.collect(condition, program, scratch);
    }
    var fields = new ArrayList<int[]>();
    int bits = 0;
    int[] bools = atoms.bools.stream().sorted().mapToInt(Integer::intValue).toArray();
    for (int j = 0; j < bools.length; ) {
      int k = j;
      while (k + 1 < bools.length && bools[k + 1] == bools[k] + 1) {
        k++;
      }
      fields.add(new int[] {Frame.KNOWN, bools[j], k - j + 1});
      fields.add(new int[] {Frame.TRUE, bools[j], k - j + 1});
      bits += 2 * (k - j + 1);
      j = k + 1;
    }
    for (int fact : atoms.enums) {
      int width = AtomSlots.width(facts.get(fact));
      fields.add(new int[] {Frame.ENUMS, 0, width});
      bits += width;
    }
    for (int node : atoms.nodes) {
      fields.add(new int[] {Frame.TESTS, 0, 2});
      bits += 2;
    }
    if (bits > MAX_BITS || !slots.fit(atoms.enums, atoms.nodes, facts)) {
      return null;
    }
    int e = 0;
    int t = 0;
    for (int[] field : fields) {
      if (field[0] == Frame.ENUMS) {
        field[1] = slots.enumShift(atoms.enums.get(e++));
      } else if (field[0] == Frame.TESTS) {
        field[1] = slots.testShift(atoms.nodes.get(t++));
      }
    }
    var table = new AtomTable(fields);
    table.enums.addAll(atoms.enums);
    table.tests.addAll(atoms.testNodes);
    table.fill(g, program, slots, scratch);
    return table;
  }

  /**
   * Sets the scratch frame to each combination a case can have and records what the segment
   * decides, by the segment's own program walk.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void fill(ElementSegment g, ConditionProgram program, AtomSlots slots, Frame f) {
    var lists = new ArrayList<List<String>>();
    for (int x = 0; x < cells.length / 2; x++) {
      long[] w = new long[Frame.WORDS];
      for (int j = 0; j < word.length; j++) {
        w[word[j]] |= ((x >>> at[j]) & mask[j]) << shift[j];
      }
      if ((w[Frame.TRUE] & ~w[Frame.KNOWN]) != 0 || !slots.set(w, f)) {
        continue; // no case has these atoms
      }
      program.loadLeaves(f);
      ElementSegment.Entry en = g.entries[g.index(program, f)];
      cells[2 * x] = en.matters == 0 ? 0 : ElementSegment.missing(en.matters, f);
      int groups = lists.indexOf(en.outcomeGroups);
      if (groups < 0) {
        groups = lists.size();
        lists.add(en.outcomeGroups);
      }
      cells[2 * x + 1] = en.outcome.ordinal() | (long) groups << 3;
    }
    slots.clear(f);
    groupLists = lists.toArray(new List[0]);
  }

  /** Whether {@code other} reads the same fields in the same places: a case has the same index. */
  boolean sameIndex(AtomTable other) {
    return java.util.Arrays.equals(word, other.word)
        && java.util.Arrays.equals(shift, other.shift)
        && java.util.Arrays.equals(mask, other.mask)
        && java.util.Arrays.equals(at, other.at);
  }

  /** The index of the case whose words {@link AtomSlots#load} put in {@code f}. */
  int index(Frame f) {
    long[] w = f.words;
    int x = 0;
    for (int j = 0; j < word.length; j++) {
      x |= (int) ((w[word[j]] >>> shift[j]) & mask[j]) << at[j];
    }
    return x;
  }

  List<Integer> enums() {
    return enums;
  }

  List<Node> tests() {
    return tests;
  }

  Outcome outcome(int x) {
    return OUTCOMES[(int) cells[2 * x + 1] & 7];
  }

  List<String> groups(int x) {
    return groupLists[(int) (cells[2 * x + 1] >>> 3)];
  }

  long missing(int x) {
    return cells[2 * x];
  }

  /** The atoms a segment's conditions read, each once, in the order met. */
  private static final class Atoms {
    final Set<Integer> bools = new LinkedHashSet<>();
    final List<Integer> enums = new ArrayList<>();
    final List<Integer> nodes = new ArrayList<>();
    final List<Node> testNodes = new ArrayList<>();

    void collect(Node n, ConditionProgram program, Frame scratch) {
      switch (program.atomKind(n.id)) {
        case ConditionProgram.ATOM_BOOL -> bools.add(program.fact(n.id));
        case ConditionProgram.ATOM_ENUM -> addOnce(enums, program.fact(n.id));
        case ConditionProgram.ATOM_TEST -> {
          if (!nodes.contains(n.id)) {
            nodes.add(n.id);
            testNodes.add(n);
          }
        }
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
            collect(child, program, scratch);
          }
        }
        default -> {} // a constant reads nothing
      }
    }

    private static void addOnce(List<Integer> list, int value) {
      if (!list.contains(value)) {
        list.add(value);
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
