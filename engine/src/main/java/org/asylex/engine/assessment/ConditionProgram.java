package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.asylex.engine.expr.Expr;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactType;

/**
 * Every compiled condition of a policy as flat arrays indexed by node id, evaluated by one static
 * switch instead of virtual calls on {@link Node} trees (which the trace and the reference
 * evaluation still use). Evaluating a node gives its Kleene value and leaves in {@link Frame#mask}
 * the unknown facts on paths of unknown sub-conditions below it: exactly what the missing-fact
 * analysis reads from the node values ({@code MissingFacts.unknownFacts}), without storing them.
 * Immutable, shared by all threads.
 */
final class ConditionProgram {
  private static final byte CONST = 0;
  private static final byte BOOL = 1;
  private static final byte NOT = 2;
  private static final byte AND = 3;
  private static final byte OR = 4;
  private static final byte DEFINITION = 5;
  private static final byte AGE = 6;
  private static final byte FACT_EQUALS = 7;
  private static final byte FACT_IN = 8;
  private static final byte COMPARE = 9;
  private static final byte IN = 10;
  private static final byte ENUM_EQUALS = 11;
  private static final byte ENUM_IN = 12;
  private static final byte TEXT_IN = 13;

  /** What an {@link AtomTable} reads of a node: see {@link #atomKind}. */
  static final int ATOM_NONE = 0;

  static final int ATOM_BOOL = 1;
  static final int ATOM_ENUM = 2;
  static final int ATOM_TEST = 3;
  static final int ATOM_INNER = 4;

  private final byte[] kind;
  private final int[] a;
  private final int[] b;
  private final int[] c;
  private final long[] options;
  private final Object[] ref;
  private final int[] childStart;
  private final int[] childEnd;
  private final int[] children;
  private final long[] leafFacts;

  /**
   * Per {@code and}/{@code or}: the boolean facts among its operands ({@code positive}) and those
   * negated ({@code negative}), evaluated together with bit operations; its other operands stay its
   * children.
   */
  private final long[] positive;

  private final long[] negative;

  /*
   * Enum tests that are operands (or negated operands) of an and/or: read once per case into
   * Frame.leafKnown and Frame.leafTruth (loadLeaves), by leaf index, so that the junction decides
   * them with its bit masks. Such a test is unknown exactly when its fact is, and its unknown-fact
   * mask is then that fact's bit: the junction's leafFacts.
   */
  private final int[] leafIndex;
  private final int[] leafFact;
  private final long[] leafOptions;
  private int leafCount;
  private final long[] positiveLeaves;
  private final long[] negativeLeaves;
  private final long[] junctionLeafFacts;

  private final List<FactDefinition> facts;

  ConditionProgram(Collection<Node> roots, int nodeCount, List<FactDefinition> facts) {
    this.facts = facts;
    this.kind = new byte[nodeCount];
    this.a = new int[nodeCount];
    this.b = new int[nodeCount];
    this.c = new int[nodeCount];
    this.options = new long[nodeCount];
    this.positive = new long[nodeCount];
    this.negative = new long[nodeCount];
    this.ref = new Object[nodeCount];
    this.childStart = new int[nodeCount];
    this.childEnd = new int[nodeCount];
    this.leafFacts = new long[nodeCount];
    var nodes = new Node[nodeCount];
    for (Node root : roots) {
      collect(root, nodes);
    }
    this.leafIndex = new int[nodeCount];
    java.util.Arrays.fill(leafIndex, -1);
    this.leafFact = new int[Long.SIZE];
    this.leafOptions = new long[Long.SIZE];
    this.positiveLeaves = new long[nodeCount];
    this.negativeLeaves = new long[nodeCount];
    this.junctionLeafFacts = new long[nodeCount];
    for (Node n : nodes) {
      if (n instanceof Node.And || n instanceof Node.Or) {
        for (Node child : n.children()) {
          Node c = inline(child);
          leaf(c instanceof Node.Not not ? inline(not.operand) : c);
        }
      }
    }
    var childList = new ArrayList<Integer>();
    for (Node n : nodes) {
      if (n != null) {
        encode(n, childList);
      }
    }
    this.children = childList.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Gives {@code n} a leaf index when it is an enum test of a fact and indices are left. */
  private void leaf(Node n) {
    if (leafIndex[n.id] >= 0 || leafCount == Long.SIZE) {
      return;
    }
    long opts;
    int fact;
    if (n instanceof Node.Compare cmp
        && (cmp.op == Expr.CompareOp.EQ || cmp.op == Expr.CompareOp.NE)
        && cmp.left.kind == Node.Operand.Kind.FACT
        && cmp.right.kind == Node.Operand.Kind.CONSTANT) {
      fact = cmp.left.fact;
      FactDefinition f = facts.get(fact);
      if (f.type() != FactType.ENUM || f.values().size() >= Long.SIZE) {
        return;
      }
      int ordinal = f.values().indexOf(cmp.right.constant);
      opts = ordinal < 0 ? 0 : 1L << ordinal;
      opts = cmp.op == Expr.CompareOp.NE ? ~opts : opts;
    } else if (n instanceof Node.In in && in.value.kind == Node.Operand.Kind.FACT) {
      fact = in.value.fact;
      FactDefinition f = facts.get(fact);
      if (f.type() != FactType.ENUM || f.values().size() >= Long.SIZE) {
        return;
      }
      opts = 0;
      for (Object o : in.options) {
        int ordinal = f.values().indexOf(o);
        opts |= ordinal < 0 ? 0 : 1L << ordinal;
      }
    } else {
      return;
    }
    leafIndex[n.id] = leafCount;
    leafFact[leafCount] = fact;
    leafOptions[leafCount] = opts;
    leafCount++;
  }

  /** Reads the case's enum tests of the junctions ({@link #leaf}) into the frame. */
  Frame loadLeaves(Frame f) {
    long known = 0;
    long truth = 0;
    long given = f.known;
    int[] codes = f.codes;
    for (int j = 0; j < leafCount; j++) {
      int fact = leafFact[j];
      if ((given & (1L << fact)) != 0) {
        known |= 1L << j;
        truth |= ((leafOptions[j] >>> codes[fact]) & 1) << j;
      }
    }
    f.leafKnown = known;
    f.leafTruth = truth;
    return f;
  }

  private static void collect(Node n, Node[] into) {
    if (into[n.id] != null) {
      return;
    }
    into[n.id] = n;
    for (Node c : n.children()) {
      collect(c, into);
    }
  }

  private void encode(Node n, List<Integer> childList) {
    int id = n.id;
    leafFacts[id] = n.leafFacts();
    childStart[id] = childList.size();
    boolean junction = n instanceof Node.And || n instanceof Node.Or;
    for (Node child : n.children()) {
      // a definition gives its body's value and mask: its operands read the body directly
      Node c = inline(child);
      if (junction && c instanceof Node.FactBool f) {
        positive[id] |= 1L << f.fact; // a literal: read with masks, not as a child
      } else if (junction
          && c instanceof Node.Not not
          && inline(not.operand) instanceof Node.FactBool f) {
        negative[id] |= 1L << f.fact;
      } else if (junction && leafIndex[c.id] >= 0) {
        positiveLeaves[id] |= 1L << leafIndex[c.id];
        junctionLeafFacts[id] |= 1L << leafFact[leafIndex[c.id]];
      } else if (junction && c instanceof Node.Not not && leafIndex[inline(not.operand).id] >= 0) {
        int j = leafIndex[inline(not.operand).id];
        negativeLeaves[id] |= 1L << j;
        junctionLeafFacts[id] |= 1L << leafFact[j];
      } else {
        childList.add(c.id);
      }
    }
    childEnd[id] = childList.size();
    if (n instanceof Node.Const c) {
      kind[id] = CONST;
      a[id] = c.value;
    } else if (n instanceof Node.FactBool f) {
      kind[id] = BOOL;
      a[id] = f.fact;
    } else if (n instanceof Node.Not) {
      kind[id] = NOT;
    } else if (n instanceof Node.And) {
      kind[id] = AND;
    } else if (n instanceof Node.Or) {
      kind[id] = OR;
    } else if (n instanceof Node.Definition) {
      kind[id] = DEFINITION;
    } else if (n instanceof Node.AgeCompare age) {
      kind[id] = AGE;
      a[id] = age.fact;
      b[id] = age.limit;
      ref[id] = age.op;
    } else if (n instanceof Node.Compare cmp) {
      encodeCompare(id, cmp);
    } else if (n instanceof Node.In in) {
      encodeIn(id, in);
    } else {
      throw new IllegalStateException("no flat form for " + n.getClass().getSimpleName());
    }
  }

  /** The node a definition stands for (itself when it is none). */
  private static Node inline(Node n) {
    Node body = n;
    while (body instanceof Node.Definition d) {
      body = d.body;
    }
    return body;
  }

  /** {@code fact = constant} reads the fact's code; anything else its value. */
  private void encodeCompare(int id, Node.Compare cmp) {
    if ((cmp.op != Expr.CompareOp.EQ && cmp.op != Expr.CompareOp.NE)
        || cmp.left.kind != Node.Operand.Kind.FACT
        || cmp.right.kind != Node.Operand.Kind.CONSTANT) {
      kind[id] = COMPARE;
      ref[id] = cmp;
      return;
    }
    int fact = cmp.left.fact;
    Object constant = cmp.right.constant;
    a[id] = fact;
    c[id] = cmp.op == Expr.CompareOp.NE ? 1 : 0;
    ref[id] = constant;
    FactType type = facts.get(fact).type();
    if (type == FactType.ENUM) {
      kind[id] = ENUM_EQUALS;
      b[id] = facts.get(fact).values().indexOf(constant); // -1: no value equals it
    } else if (type == FactType.REGION || type == FactType.COUNTRY) {
      kind[id] = TEXT_IN;
      ref[id] = new TextCode.Test(new Object[] {constant}, c[id] == 1);
    } else {
      kind[id] = FACT_EQUALS;
    }
  }

  /** {@code fact in [...]} reads the fact's code; anything else its value. */
  private void encodeIn(int id, Node.In in) {
    if (in.value.kind != Node.Operand.Kind.FACT) {
      kind[id] = IN;
      ref[id] = in;
      return;
    }
    int fact = in.value.fact;
    a[id] = fact;
    ref[id] = in.options;
    FactDefinition f = facts.get(fact);
    if (f.type() == FactType.ENUM && f.values().size() < Long.SIZE) {
      kind[id] = ENUM_IN;
      for (Object o : in.options) {
        int ordinal = f.values().indexOf(o);
        options[id] |= ordinal < 0 ? 0 : 1L << ordinal;
      }
    } else if (f.type() == FactType.REGION || f.type() == FactType.COUNTRY) {
      kind[id] = TEXT_IN;
      ref[id] = new TextCode.Test(in.options, false);
    } else {
      kind[id] = FACT_IN;
    }
  }

  /** The value of node {@code n}; its unknown-fact mask is left in {@code f.mask}. */
  byte eval(int n, Frame f) {
    switch (kind[n]) {
      case CONST:
        f.mask = 0;
        return (byte) a[n];
      case NOT:
        {
          byte v = eval(children[childStart[n]], f);
          return v == Tri.U ? Tri.U : (byte) (1 - v);
        }
      case DEFINITION:
        return eval(children[childStart[n]], f);
      case AND:
        {
          if (literalFalse(n, f)) {
            f.mask = 0;
            return Tri.F;
          }
          long mask = (positive[n] | negative[n] | junctionLeafFacts[n]) & ~f.known;
          for (int i = childStart[n], end = childEnd[n]; i < end; i++) {
            byte v = eval(children[i], f);
            if (v == Tri.F) {
              f.mask = 0;
              return Tri.F;
            }
            mask |= f.mask; // 0 for a true operand
          }
          f.mask = mask;
          return mask == 0 ? Tri.T : Tri.U;
        }
      case OR:
        {
          if (literalTrue(n, f)) {
            f.mask = 0;
            return Tri.T;
          }
          long mask = (positive[n] | negative[n] | junctionLeafFacts[n]) & ~f.known;
          for (int i = childStart[n], end = childEnd[n]; i < end; i++) {
            byte v = eval(children[i], f);
            if (v == Tri.T) {
              f.mask = 0;
              return Tri.T;
            }
            mask |= f.mask;
          }
          f.mask = mask;
          return mask == 0 ? Tri.F : Tri.U;
        }
      default:
        return leaf(n, f);
    }
  }

  /** Whether a fact or test operand of {@code n} is known false, or known true under a 'not'. */
  private boolean literalFalse(int n, Frame f) {
    long lt = f.leafTruth;
    return (f.known & ((~f.truths & positive[n]) | (f.truths & negative[n]))) != 0
        || (f.leafKnown & ((~lt & positiveLeaves[n]) | (lt & negativeLeaves[n]))) != 0;
  }

  /** Whether a fact or test operand of {@code n} is known true, or known false under a 'not'. */
  private boolean literalTrue(int n, Frame f) {
    long lt = f.leafTruth;
    return (f.known & ((f.truths & positive[n]) | (~f.truths & negative[n]))) != 0
        || (f.leafKnown & ((lt & positiveLeaves[n]) | (~lt & negativeLeaves[n]))) != 0;
  }

  /**
   * Node {@code n} as an atom: a boolean fact, a test of an enum fact's code, another test (read as
   * its own value), an inner node (its children are read), or a constant (nothing).
   */
  int atomKind(int n) {
    return switch (kind[n]) {
      case CONST -> ATOM_NONE;
      case COMPARE -> ((Node.Compare) ref[n]).readsNothing() ? ATOM_NONE : ATOM_TEST;
      case IN ->
          ((Node.In) ref[n]).value.kind == Node.Operand.Kind.CONSTANT ? ATOM_NONE : ATOM_TEST;
      case BOOL -> ATOM_BOOL;
      case ENUM_EQUALS, ENUM_IN -> ATOM_ENUM;
      case NOT, AND, OR, DEFINITION -> ATOM_INNER;
      default -> ATOM_TEST;
    };
  }

  /** The fact a boolean or enum test reads. */
  int fact(int n) {
    return a[n];
  }

  /** A comparison: a leaf reading facts, or the value {@link Frame#fixed} gives it. */
  byte leaf(int n, Frame f) {
    byte[] fixed = f.fixed;
    if (fixed != null && fixed[n] >= 0) {
      f.mask = fixed[n] == Tri.U ? leafFacts[n] : 0;
      return fixed[n];
    }
    switch (kind[n]) {
      case BOOL:
        {
          long bit = 1L << a[n];
          if ((f.known & bit) == 0) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          return (f.truths & bit) != 0 ? Tri.T : Tri.F;
        }
      case ENUM_EQUALS:
        {
          int fact = a[n];
          if (!f.known(fact)) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          return (f.codes[fact] == b[n]) != (c[n] == 1) ? Tri.T : Tri.F;
        }
      case ENUM_IN:
        {
          int fact = a[n];
          if (!f.known(fact)) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          return (options[n] & (1L << f.codes[fact])) != 0 ? Tri.T : Tri.F;
        }
      case AGE:
        {
          int fact = a[n];
          if (!f.known(fact)) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          byte r =
              Node.AgeCompare.value((Expr.CompareOp) ref[n], b[n], f.minAge(fact), f.maxAge(fact));
          f.mask = r == Tri.U ? leafFacts[n] : 0;
          return r;
        }
      default:
        return text(n, f);
    }
  }

  /** A comparison of a text (country, region) or any other fact value with constants. */
  private byte text(int n, Frame f) {
    switch (kind[n]) {
      case FACT_EQUALS:
        {
          Object v = f.facts[a[n]];
          if (v == null) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          return v.equals(ref[n]) != (c[n] == 1) ? Tri.T : Tri.F;
        }
      case FACT_IN:
        {
          Object v = f.facts[a[n]];
          if (v == null) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          return Node.In.in(v, (Object[]) ref[n]);
        }
      case TEXT_IN:
        {
          if (!f.known(a[n])) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          return ((TextCode.Test) ref[n]).value(f, a[n]);
        }
      case COMPARE:
        return ((Node.Compare) ref[n]).eval(f);
      case IN:
        return ((Node.In) ref[n]).eval(f);
      default:
        throw new IllegalStateException("unknown node kind " + kind[n]);
    }
  }
}
