package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.List;
import org.asylex.engine.expr.Expr;

/**
 * A compiled condition: a tree evaluated three-valued against one case. Every node stores its value
 * in the evaluation's value array (by id), so the missing-fact analysis and the trace can read
 * every sub-condition's value after one pass. Nodes are immutable and shared by all threads.
 */
abstract class Node {
  final int id;
  final String text;

  Node(int id, String text) {
    this.id = id;
    this.text = text;
  }

  abstract byte eval(Evaluation e);

  /** Sub-conditions, for liveness and the trace; leaves have none. */
  List<Node> children() {
    return List.of();
  }

  /** The facts a leaf reads (bit per fact index); 0 for inner nodes. */
  long leafFacts() {
    return 0;
  }

  /** A constant: a boolean literal or a boolean assumption's value. */
  static final class Const extends Node {
    final byte value;

    Const(int id, String text, boolean value) {
      super(id, text);
      this.value = Tri.code(value);
    }

    @Override
    byte eval(Evaluation e) {
      return e.values[id] = value;
    }
  }

  /** A boolean fact. */
  static final class FactBool extends Node {
    final int fact;

    FactBool(int id, String text, int fact) {
      super(id, text);
      this.fact = fact;
    }

    @Override
    byte eval(Evaluation e) {
      Object v = e.facts[fact];
      return e.values[id] = v == null ? Tri.U : Tri.code((Boolean) v);
    }

    @Override
    long leafFacts() {
      return 1L << fact;
    }
  }

  /** {@code not x}. */
  static final class Not extends Node {
    final Node operand;

    private final List<Node> children;

    Not(int id, String text, Node operand) {
      super(id, text);
      this.operand = operand;
      this.children = List.of(operand);
    }

    @Override
    byte eval(Evaluation e) {
      return e.values[id] = Tri.not(operand.eval(e));
    }

    @Override
    List<Node> children() {
      return children;
    }
  }

  /**
   * {@code a and b and ...}. Every operand is evaluated (no short cut): the missing-fact analysis
   * needs the value of each.
   */
  static final class And extends Node {
    final Node[] operands;

    private final List<Node> children;

    And(int id, String text, List<Node> operands) {
      super(id, text);
      this.operands = operands.toArray(new Node[0]);
      this.children = List.copyOf(operands);
    }

    @Override
    byte eval(Evaluation e) {
      byte result = Tri.T;
      for (Node n : operands) {
        result = Tri.and(result, n.eval(e));
      }
      return e.values[id] = result;
    }

    @Override
    List<Node> children() {
      return children;
    }
  }

  /** {@code a or b or ...}. */
  static final class Or extends Node {
    final Node[] operands;

    private final List<Node> children;

    Or(int id, String text, List<Node> operands) {
      super(id, text);
      this.operands = operands.toArray(new Node[0]);
      this.children = List.copyOf(operands);
    }

    @Override
    byte eval(Evaluation e) {
      byte result = Tri.F;
      for (Node n : operands) {
        result = Tri.or(result, n.eval(e));
      }
      return e.values[id] = result;
    }

    @Override
    List<Node> children() {
      return children;
    }
  }

  /** A named definition; its value is its condition's. */
  static final class Definition extends Node {
    final Node body;

    private final List<Node> children;

    Definition(int id, String name, Node body) {
      super(id, name);
      this.body = body;
      this.children = List.of(body);
    }

    @Override
    byte eval(Evaluation e) {
      return e.values[id] = body.eval(e);
    }

    @Override
    List<Node> children() {
      return children;
    }
  }

  /**
   * {@code age(dateFact) op n}: known only when it holds, or fails, for every birth date the
   * (possibly partial) date allows.
   */
  static final class AgeCompare extends Node {
    final int fact;
    final Expr.CompareOp op;
    final int limit;

    AgeCompare(int id, String text, int fact, Expr.CompareOp op, int limit) {
      super(id, text);
      this.fact = fact;
      this.op = op;
      this.limit = limit;
    }

    @Override
    byte eval(Evaluation e) {
      Object v = e.facts[fact];
      if (v == null) {
        return e.values[id] = Tri.U;
      }
      return e.values[id] = value(op, limit, e.minAge(fact), e.maxAge(fact));
    }

    /** The comparison's value over the ages from {@code min} to {@code max}. */
    static byte value(Expr.CompareOp op, int limit, int min, int max) {
      boolean atMin = holds(op, limit, min);
      boolean atMax = holds(op, limit, max);
      // the comparison is monotone in age, except '=' and '!=' inside the range
      if (atMin == atMax && (op.isOrdering() || min == max || !(limit >= min && limit <= max))) {
        return Tri.code(atMin);
      }
      return Tri.U;
    }

    private static boolean holds(Expr.CompareOp op, int limit, int age) {
      return switch (op) {
        case EQ -> age == limit;
        case NE -> age != limit;
        case LT -> age < limit;
        case LE -> age <= limit;
        case GT -> age > limit;
        case GE -> age >= limit;
      };
    }

    @Override
    long leafFacts() {
      return 1L << fact;
    }
  }

  /** A comparison of two values (facts, literals, assumptions, the assessment date). */
  static final class Compare extends Node {
    final Operand left;
    final Operand right;
    final Expr.CompareOp op;

    Compare(int id, String text, Expr.CompareOp op, Operand left, Operand right) {
      super(id, text);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    byte eval(Evaluation e) {
      Object l = left.get(e);
      Object r = right.get(e);
      if (l == null || r == null) {
        return e.values[id] = Tri.U;
      }
      boolean result = compare(op, l, r);
      return e.values[id] = Tri.code(result);
    }

    /** {@code l op r} for two known values. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean compare(Expr.CompareOp op, Object l, Object r) {
      return switch (op) {
        case EQ -> l.equals(r);
        case NE -> !l.equals(r);
        default -> {
          int c = ((Comparable) l).compareTo(r);
          yield switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
          };
        }
      };
    }

    @Override
    long leafFacts() {
      return left.facts() | right.facts();
    }

    /** The value on the fast path's frame; the unknown facts go to {@link Frame#mask}. */
    byte eval(Frame f) {
      Object l = left.get(f);
      Object r = right.get(f);
      if (l == null || r == null) {
        f.mask = leafFacts();
        return Tri.U;
      }
      f.mask = 0;
      return Tri.code(compare(op, l, r));
    }

    /** Whether both sides are constants (an assumption's value and a literal): a fixed value. */
    boolean readsNothing() {
      return left.kind == Operand.Kind.CONSTANT && right.kind == Operand.Kind.CONSTANT;
    }
  }

  /** {@code value in [a, b, ...]}. */
  static final class In extends Node {
    final Operand value;
    final Object[] options;

    In(int id, String text, Operand value, List<Object> options) {
      super(id, text);
      this.value = value;
      this.options = options.toArray();
    }

    @Override
    byte eval(Evaluation e) {
      Object v = value.get(e);
      return e.values[id] = v == null ? Tri.U : in(v, options);
    }

    /** The value on the fast path's frame; the unknown facts go to {@link Frame#mask}. */
    byte eval(Frame f) {
      Object v = value.get(f);
      f.mask = v == null ? leafFacts() : 0;
      return v == null ? Tri.U : in(v, options);
    }

    static byte in(Object v, Object[] options) {
      for (Object o : options) {
        if (o.equals(v)) {
          return Tri.T;
        }
      }
      return Tri.F;
    }

    @Override
    long leafFacts() {
      return value.facts();
    }
  }

  /**
   * A value inside a comparison (a fact, a constant, the date, an age); null means unknown. One
   * final class with a kind, so that the flat {@link ConditionProgram} reads it without virtual
   * calls.
   */
  static final class Operand {
    enum Kind {
      CONSTANT,
      FACT,
      ASSESSMENT_DATE,
      EXACT_AGE
    }

    final Kind kind;
    final Object constant;
    final int fact;

    private Operand(Kind kind, Object constant, int fact) {
      this.kind = kind;
      this.constant = constant;
      this.fact = fact;
    }

    Object get(Evaluation e) {
      return get(e.facts, e.asOf, e);
    }

    /** The value on the fast path's frame, as {@link #get(Evaluation)} on the evaluation's. */
    Object get(Frame f) {
      return get(f.facts, f.asOf, f);
    }

    private Object get(Object[] facts, LocalDate asOf, Ages ages) {
      return switch (kind) {
        case CONSTANT -> constant;
        case FACT -> facts[fact];
        case ASSESSMENT_DATE -> asOf;
        case EXACT_AGE -> {
          if (facts[fact] == null) {
            yield null;
          }
          int min = ages.minAge(fact);
          yield min == ages.maxAge(fact) ? Integer.valueOf(min) : null;
        }
      };
    }

    long facts() {
      return kind == Kind.FACT || kind == Kind.EXACT_AGE ? 1L << fact : 0;
    }

    static Operand constant(Object v) {
      return new Operand(Kind.CONSTANT, v, -1);
    }

    static Operand fact(int index) {
      return new Operand(Kind.FACT, null, index);
    }

    static Operand assessmentDate() {
      return new Operand(Kind.ASSESSMENT_DATE, null, -1);
    }

    /** An age compared with something other than a number: known only when exact. */
    static Operand exactAge(int index) {
      return new Operand(Kind.EXACT_AGE, null, index);
    }
  }

  /**
   * The ages a (given) date of birth allows on the assessment date: an evaluation's or a frame's.
   */
  interface Ages {
    int minAge(int fact);

    int maxAge(int fact);
  }
}
