package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.asylex.engine.policy.FactDefinition;

/**
 * The atom tables of a compiled policy ({@link AtomTable}, ADR 0025): per segment and element the
 * table (null: that element is decided otherwise), where a case's atoms sit in its words, and per
 * segment whether every element has a table. Built once, when the policy first serves a caseload
 * ({@link CompiledPolicy#newOutcomes}); immutable after.
 */
final class AtomTables {
  /** Per segment and element; null where the element is decided by the program walk. */
  final AtomTable[][] tables;

  final AtomSlots slots;

  /** Per segment, whether a table decides every element. */
  final boolean[] complete;

  /**
   * Per segment and element, an earlier element whose table has the same index for every case (the
   * same atoms in the same places), or -1: its index is computed once.
   */
  final int[][] sameIndexAs;

  AtomTables(
      ElementSegment[][] segments,
      ConditionProgram program,
      List<FactDefinition> facts,
      int nodeCount,
      int maxConditions) {
    int elements = segments.length == 0 ? 0 : segments[0].length;
    this.tables = new AtomTable[segments.length][elements];
    this.slots = new AtomSlots(program, segments.length);
    var scratch = Frame.scratch(facts.size(), nodeCount, maxConditions);
    for (int seg = 0; seg < segments.length; seg++) {
      var enums = new ArrayList<Integer>();
      var tests = new ArrayList<Node>();
      for (int i = 0; i < elements; i++) {
        AtomTable t = AtomTable.build(segments[seg][i], program, facts, slots, scratch);
        tables[seg][i] = t;
        if (t != null) {
          enums.addAll(t.enums());
          tests.addAll(t.tests());
        }
      }
      slots.segment(seg, enums, tests);
    }
    this.complete = new boolean[segments.length];
    this.sameIndexAs = new int[segments.length][elements];
    for (int seg = 0; seg < segments.length; seg++) {
      complete[seg] = Arrays.stream(tables[seg]).allMatch(Objects::nonNull);
      for (int i = 0; i < elements; i++) {
        sameIndexAs[seg][i] = -1;
        for (int j = 0; j < i && tables[seg][i] != null; j++) {
          if (tables[seg][j] != null && tables[seg][j].sameIndex(tables[seg][i])) {
            sameIndexAs[seg][i] = j;
            break;
          }
        }
      }
    }
  }
}
