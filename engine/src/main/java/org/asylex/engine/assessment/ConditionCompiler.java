package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.asylex.engine.expr.Expr;
import org.asylex.engine.expr.Value;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.Condition;
import org.asylex.engine.policy.Definition;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.PolicyPack;

/**
 * Compiles a checked pack's conditions into {@link Node} trees once: names resolved to fact
 * indices, definitions compiled once and shared, assumptions folded to constants. Assessing a case
 * then parses, looks up and reflects nothing.
 */
final class ConditionCompiler {
  private final PolicyPack pack;
  private final AssumptionValues values;
  private final Map<String, Node> definitions = new HashMap<>();
  private final Map<String, Set<String>> definitionAssumptions = new HashMap<>();
  private int nextId;

  ConditionCompiler(PolicyPack pack, AssumptionValues values) {
    this.pack = pack;
    this.values = values;
    if (pack.facts().facts().size() > 64) {
      throw new IllegalArgumentException("a pack may declare at most 64 facts");
    }
  }

  int nodeCount() {
    return nextId;
  }

  /** A compiled condition and the assumptions it reads (also through definitions). */
  record Compiled(Node root, Set<String> assumptions) {}

  Compiled compile(Condition c) {
    var assumptions = new TreeSet<String>();
    Node root = node(c.expr(), c.text(), assumptions);
    return new Compiled(root, assumptions);
  }

  private Node node(Expr e, String text, Set<String> assumptions) {
    String shown = text.substring(e.start(), e.end()).replaceAll("\\s+", " ");
    if (e instanceof Expr.Literal l) {
      return new Node.Const(nextId++, shown, ((Value.Bool) l.value()).value());
    }
    if (e instanceof Expr.AssumptionRef a) {
      assumptions.add(a.id());
      return new Node.Const(
          nextId++, shown, ((Value.Bool) values.get(a.id()).orElseThrow()).value());
    }
    if (e instanceof Expr.Name n) {
      int fact = CaseFacts.indexOf(pack.facts(), n.name());
      if (fact >= 0) {
        return new Node.FactBool(nextId++, shown, fact);
      }
      Node d = definition(n.name());
      assumptions.addAll(definitionAssumptions.get(n.name()));
      return d;
    }
    if (e instanceof Expr.Not n) {
      return new Node.Not(nextId++, shown, node(n.operand(), text, assumptions));
    }
    if (e instanceof Expr.And a) {
      var ops = new ArrayList<Node>();
      a.operands().forEach(o -> ops.add(node(o, text, assumptions)));
      return new Node.And(nextId++, shown, ops);
    }
    if (e instanceof Expr.Or o) {
      var ops = new ArrayList<Node>();
      o.operands().forEach(x -> ops.add(node(x, text, assumptions)));
      return new Node.Or(nextId++, shown, ops);
    }
    if (e instanceof Expr.In in) {
      var options = new ArrayList<Object>();
      in.options().forEach(l -> options.add(literal(l.value())));
      return new Node.In(nextId++, shown, value(in.value(), assumptions), options);
    }
    if (e instanceof Expr.Compare c) {
      return compare(c, shown, assumptions);
    }
    throw new IllegalStateException(
        "not a condition: " + shown + " (the pack check lets none through)");
  }

  private Node compare(Expr.Compare c, String shown, Set<String> assumptions) {
    // age(x) op number, in either order: the common case, compiled to a range comparison
    if (isAge(c.left())
        && c.right() instanceof Expr.Literal l
        && l.value() instanceof Value.Number n) {
      return new Node.AgeCompare(nextId++, shown, ageFact(c.left()), c.op(), n.value());
    }
    if (isAge(c.right())
        && c.left() instanceof Expr.Literal l
        && l.value() instanceof Value.Number n) {
      return new Node.AgeCompare(nextId++, shown, ageFact(c.right()), mirror(c.op()), n.value());
    }
    return new Node.Compare(
        nextId++, shown, c.op(), value(c.left(), assumptions), value(c.right(), assumptions));
  }

  private static boolean isAge(Expr e) {
    return e instanceof Expr.Call call && call.function().equals("age");
  }

  private int ageFact(Expr e) {
    return CaseFacts.indexOf(pack.facts(), ((Expr.Name) ((Expr.Call) e).arguments().get(0)).name());
  }

  private static Expr.CompareOp mirror(Expr.CompareOp op) {
    return switch (op) {
      case LT -> Expr.CompareOp.GT;
      case LE -> Expr.CompareOp.GE;
      case GT -> Expr.CompareOp.LT;
      case GE -> Expr.CompareOp.LE;
      default -> op;
    };
  }

  private Node.Value value(Expr e, Set<String> assumptions) {
    if (e instanceof Expr.Literal l) {
      return Node.Value.constant(literal(l.value()));
    }
    if (e instanceof Expr.AssessmentDate) {
      return Node.Value.assessmentDate();
    }
    if (e instanceof Expr.AssumptionRef a) {
      assumptions.add(a.id());
      return Node.Value.constant(literal(values.get(a.id()).orElseThrow()));
    }
    if (isAge(e)) {
      return Node.Value.exactAge(ageFact(e));
    }
    if (e instanceof Expr.Name n) {
      int fact = CaseFacts.indexOf(pack.facts(), n.name());
      if (fact >= 0 && pack.facts().facts().get(fact).type() != FactType.PARTIAL_DATE) {
        return Node.Value.fact(fact);
      }
    }
    throw new IllegalStateException("not a value: " + e + " (the pack check lets none through)");
  }

  private static Object literal(Value v) {
    if (v instanceof Value.Bool b) {
      return b.value();
    }
    if (v instanceof Value.Number n) {
      return n.value();
    }
    if (v instanceof Value.Date d) {
      return d.value();
    }
    return ((Value.Text) v).value();
  }

  private Node definition(String name) {
    Node compiled = definitions.get(name);
    if (compiled != null) {
      return compiled;
    }
    Definition d = pack.definition(name).orElseThrow();
    var assumptions = new TreeSet<String>();
    Node body = node(d.condition().expr(), d.condition().text(), assumptions);
    compiled = new Node.Definition(nextId++, name, body);
    definitions.put(name, compiled);
    definitionAssumptions.put(name, assumptions);
    return compiled;
  }

  /** Every fact a node tree reads, as a bit mask. */
  static long facts(Node n) {
    long mask = n.leafFacts();
    for (Node c : n.children()) {
      mask |= facts(c);
    }
    return mask;
  }

  static List<Node> all(Node n, List<Node> into) {
    into.add(n);
    n.children().forEach(c -> all(c, into));
    return into;
  }
}
