package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.asylex.engine.expr.Expr;

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

  private final byte[] kind;
  private final int[] a;
  private final int[] b;
  private final Object[] ref;
  private final int[] childStart;
  private final int[] childEnd;
  private final int[] children;
  private final long[] leafFacts;

  ConditionProgram(Collection<Node> roots, int nodeCount) {
    this.kind = new byte[nodeCount];
    this.a = new int[nodeCount];
    this.b = new int[nodeCount];
    this.ref = new Object[nodeCount];
    this.childStart = new int[nodeCount];
    this.childEnd = new int[nodeCount];
    this.leafFacts = new long[nodeCount];
    var nodes = new Node[nodeCount];
    for (Node root : roots) {
      collect(root, nodes);
    }
    var childList = new ArrayList<Integer>();
    for (Node n : nodes) {
      if (n != null) {
        encode(n, childList);
      }
    }
    this.children = childList.stream().mapToInt(Integer::intValue).toArray();
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
    for (Node c : n.children()) {
      childList.add(c.id);
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
    } else if (n instanceof Node.Compare c) {
      if ((c.op == Expr.CompareOp.EQ || c.op == Expr.CompareOp.NE)
          && c.left.kind == Node.Operand.Kind.FACT
          && c.right.kind == Node.Operand.Kind.CONSTANT) {
        kind[id] = FACT_EQUALS;
        a[id] = c.left.fact;
        b[id] = c.op == Expr.CompareOp.NE ? 1 : 0;
        ref[id] = c.right.constant;
      } else {
        kind[id] = COMPARE;
        ref[id] = c;
      }
    } else if (n instanceof Node.In in) {
      if (in.value.kind == Node.Operand.Kind.FACT) {
        kind[id] = FACT_IN;
        a[id] = in.value.fact;
        ref[id] = in.options;
      } else {
        kind[id] = IN;
        ref[id] = in;
      }
    } else {
      throw new IllegalStateException("no flat form for " + n.getClass().getSimpleName());
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
          byte result = Tri.T;
          long mask = 0;
          for (int i = childStart[n], end = childEnd[n]; i < end; i++) {
            byte v = eval(children[i], f);
            if (v == Tri.F) {
              f.mask = 0;
              return Tri.F;
            }
            if (v == Tri.U) {
              result = Tri.U;
              mask |= f.mask;
            }
          }
          f.mask = mask;
          return result;
        }
      case OR:
        {
          byte result = Tri.F;
          long mask = 0;
          for (int i = childStart[n], end = childEnd[n]; i < end; i++) {
            byte v = eval(children[i], f);
            if (v == Tri.T) {
              f.mask = 0;
              return Tri.T;
            }
            if (v == Tri.U) {
              result = Tri.U;
              mask |= f.mask;
            }
          }
          f.mask = mask;
          return result;
        }
      default:
        return leaf(n, f);
    }
  }

  /** A comparison: a leaf reading facts. */
  private byte leaf(int n, Frame f) {
    switch (kind[n]) {
      case BOOL:
        {
          Object v = f.facts[a[n]];
          if (v == null) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          return (Boolean) v ? Tri.T : Tri.F;
        }
      case AGE:
        {
          Object v = f.facts[a[n]];
          if (v == null) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          byte r = Node.AgeCompare.value((Expr.CompareOp) ref[n], b[n], f.minAge(v), f.maxAge(v));
          f.mask = r == Tri.U ? leafFacts[n] : 0;
          return r;
        }
      case FACT_EQUALS:
        {
          Object v = f.facts[a[n]];
          if (v == null) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          return v.equals(ref[n]) != (b[n] == 1) ? Tri.T : Tri.F;
        }
      case FACT_IN:
        {
          Object v = f.facts[a[n]];
          if (v == null) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          for (Object o : (Object[]) ref[n]) {
            if (o.equals(v)) {
              return Tri.T;
            }
          }
          return Tri.F;
        }
      default:
        return general(n, f);
    }
  }

  /** A comparison of any two values, or a membership test of any value. */
  private byte general(int n, Frame f) {
    switch (kind[n]) {
      case COMPARE:
        {
          Node.Compare c = (Node.Compare) ref[n];
          Object l = operand(c.left, f);
          Object r = operand(c.right, f);
          if (l == null || r == null) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          return Tri.code(Node.Compare.compare(c.op, l, r));
        }
      case IN:
        {
          Node.In in = (Node.In) ref[n];
          Object v = operand(in.value, f);
          if (v == null) {
            f.mask = leafFacts[n];
            return Tri.U;
          }
          f.mask = 0;
          for (Object o : in.options) {
            if (o.equals(v)) {
              return Tri.T;
            }
          }
          return Tri.F;
        }
      default:
        throw new IllegalStateException("unknown node kind " + kind[n]);
    }
  }

  private static Object operand(Node.Operand o, Frame f) {
    return switch (o.kind) {
      case CONSTANT -> o.constant;
      case FACT -> f.facts[o.fact];
      case ASSESSMENT_DATE -> f.asOf;
      case EXACT_AGE -> {
        Object v = f.facts[o.fact];
        if (v == null) {
          yield null;
        }
        int min = f.minAge(v);
        yield min == f.maxAge(v) ? Integer.valueOf(min) : null;
      }
    };
  }
}
