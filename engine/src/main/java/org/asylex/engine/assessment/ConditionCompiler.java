package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.asylex.engine.expr.Expr;
import org.asylex.engine.expr.Function;
import org.asylex.engine.expr.Value;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.Condition;
import org.asylex.engine.policy.Definition;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.PackLimits;
import org.asylex.engine.policy.PolicyPack;

/**
 * Compiles a checked pack's conditions into {@link Node} trees once: names resolved to fact
 * indices, definitions compiled once and shared, assumptions folded to constants. Assessing a case
 * then parses, looks up and reflects nothing.
 *
 * <p>Both walks over a condition are {@link Expr.Visitor}s and functions are compiled through
 * {@link Function.Implementation}, so a kind of condition or a function that the compiler does not
 * know fails the build, not a case.
 */
final class ConditionCompiler {
  /** Facts are bits of a {@code long} mask; the pack check rejects a pack with more. */
  private static final int MAX_FACTS = PackLimits.MAX_FACTS;

  private final PolicyPack pack;
  private final AssumptionValues values;
  private final Map<String, Node> definitions = new HashMap<>();
  private final Map<String, Set<String>> definitionAssumptions = new HashMap<>();
  private final List<Node> roots = new ArrayList<>();
  private int nextId;

  ConditionCompiler(PolicyPack pack, AssumptionValues values) {
    if (pack.facts().facts().size() > MAX_FACTS) {
      // the pack check reports this at the fact; compiling an unchecked pack stops here
      throw new IllegalArgumentException("a pack may declare at most " + MAX_FACTS + " facts");
    }
    this.pack = pack;
    this.values = values;
  }

  int nodeCount() {
    return nextId;
  }

  /** Every condition compiled so far, as its root: what the flat program is made of. */
  List<Node> roots() {
    return List.copyOf(roots);
  }

  /** A compiled condition and the assumptions it reads (also through definitions). */
  record Compiled(Node root, Set<String> assumptions) {}

  Compiled compile(Condition c) {
    var assumptions = new TreeSet<String>();
    Node root = c.expr().accept(new Conditions(c.text(), assumptions));
    roots.add(root);
    return new Compiled(root, assumptions);
  }

  /** Every fact a node tree reads, as a bit mask. */
  static long facts(Node n) {
    long mask = n.leafFacts();
    for (Node c : n.children()) {
      mask |= facts(c);
    }
    return mask;
  }

  private int fact(String name) {
    return CaseFacts.indexOf(pack.facts(), name);
  }

  private Node definition(String name) {
    Node compiled = definitions.get(name);
    if (compiled != null) {
      return compiled;
    }
    Definition d = pack.definition(name).orElseThrow();
    var assumptions = new TreeSet<String>();
    Node body = d.condition().expr().accept(new Conditions(d.condition().text(), assumptions));
    compiled = new Node.Definition(nextId++, name, body);
    definitions.put(name, compiled);
    definitionAssumptions.put(name, assumptions);
    return compiled;
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

  private static Expr.CompareOp mirror(Expr.CompareOp op) {
    return switch (op) {
      case LT -> Expr.CompareOp.GT;
      case LE -> Expr.CompareOp.GE;
      case GT -> Expr.CompareOp.LT;
      case GE -> Expr.CompareOp.LE;
      default -> op;
    };
  }

  /** Compiles a condition (true/false/unknown) of one text, collecting the assumptions it reads. */
  private final class Conditions implements Expr.Visitor<Node> {
    private final String text;
    private final Set<String> assumptions;

    Conditions(String text, Set<String> assumptions) {
      this.text = text;
      this.assumptions = assumptions;
    }

    /** The sub-condition as written, on one line: what the trace shows. */
    private String shown(Expr e) {
      return text.substring(e.start(), e.end()).replaceAll("\\s+", " ");
    }

    private IllegalStateException notACondition(Expr e) {
      return new IllegalStateException(
          "not a condition: " + shown(e) + " (the pack check lets none through)");
    }

    @Override
    public Node literal(Expr.Literal l) {
      return new Node.Const(nextId++, shown(l), ((Value.Bool) l.value()).value());
    }

    @Override
    public Node assumption(Expr.AssumptionRef a) {
      assumptions.add(a.id());
      return new Node.Const(
          nextId++, shown(a), ((Value.Bool) values.get(a.id()).orElseThrow()).value());
    }

    @Override
    public Node name(Expr.Name n) {
      int fact = fact(n.name());
      if (fact >= 0) {
        return new Node.FactBool(nextId++, shown(n), fact);
      }
      Node d = definition(n.name());
      assumptions.addAll(definitionAssumptions.get(n.name()));
      return d;
    }

    @Override
    public Node not(Expr.Not n) {
      return new Node.Not(nextId++, shown(n), n.operand().accept(this));
    }

    @Override
    public Node and(Expr.And a) {
      return new Node.And(nextId++, shown(a), all(a.operands()));
    }

    @Override
    public Node or(Expr.Or o) {
      return new Node.Or(nextId++, shown(o), all(o.operands()));
    }

    private List<Node> all(List<Expr> operands) {
      var nodes = new ArrayList<Node>();
      operands.forEach(o -> nodes.add(o.accept(this)));
      return nodes;
    }

    @Override
    public Node in(Expr.In in) {
      var options = new ArrayList<Object>();
      in.options().forEach(l -> options.add(ConditionCompiler.literal(l.value())));
      return new Node.In(nextId++, shown(in), in.value().accept(operands()), options);
    }

    /** {@code f(x) op number}, in either order, compiles to a range comparison. */
    @Override
    public Node compare(Expr.Compare c) {
      if (c.left() instanceof Expr.Call call
          && c.right() instanceof Expr.Literal l
          && l.value() instanceof Value.Number n) {
        return function(call)
            .implement(new RangeComparison(shown(c), c.op(), n.value()), call.arguments());
      }
      if (c.right() instanceof Expr.Call call
          && c.left() instanceof Expr.Literal l
          && l.value() instanceof Value.Number n) {
        return function(call)
            .implement(new RangeComparison(shown(c), mirror(c.op()), n.value()), call.arguments());
      }
      return new Node.Compare(
          nextId++, shown(c), c.op(), c.left().accept(operands()), c.right().accept(operands()));
    }

    @Override
    public Node assessmentDate(Expr.AssessmentDate d) {
      throw notACondition(d);
    }

    @Override
    public Node call(Expr.Call c) {
      throw notACondition(c);
    }

    private Operands operands() {
      return new Operands(assumptions);
    }
  }

  private static Function function(Expr.Call call) {
    return Function.named(call.function())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "unknown function " + call.function() + " (the pack check lets none through)"));
  }

  /** A function's result compared with a number: known when it holds over the result's range. */
  private final class RangeComparison implements Function.Implementation<Node> {
    private final String shown;
    private final Expr.CompareOp op;
    private final int limit;

    RangeComparison(String shown, Expr.CompareOp op, int limit) {
      this.shown = shown;
      this.op = op;
      this.limit = limit;
    }

    @Override
    public Node age(Expr.Name dateFact) {
      return new Node.AgeCompare(nextId++, shown, fact(dateFact.name()), op, limit);
    }
  }

  /** Compiles a value inside a comparison (a fact, a literal, an assumption, a function). */
  private final class Operands
      implements Expr.Visitor<Node.Operand>, Function.Implementation<Node.Operand> {
    private final Set<String> assumptions;

    Operands(Set<String> assumptions) {
      this.assumptions = assumptions;
    }

    private IllegalStateException notAValue(Expr e) {
      return new IllegalStateException("not a value: " + e + " (the pack check lets none through)");
    }

    @Override
    public Node.Operand literal(Expr.Literal l) {
      return Node.Operand.constant(ConditionCompiler.literal(l.value()));
    }

    @Override
    public Node.Operand assessmentDate(Expr.AssessmentDate d) {
      return Node.Operand.assessmentDate();
    }

    @Override
    public Node.Operand assumption(Expr.AssumptionRef a) {
      assumptions.add(a.id());
      return Node.Operand.constant(ConditionCompiler.literal(values.get(a.id()).orElseThrow()));
    }

    @Override
    public Node.Operand call(Expr.Call c) {
      return function(c).implement(this, c.arguments());
    }

    /** An age compared with something other than a number: known only when exact. */
    @Override
    public Node.Operand age(Expr.Name dateFact) {
      return Node.Operand.exactAge(fact(dateFact.name()));
    }

    @Override
    public Node.Operand name(Expr.Name n) {
      int fact = fact(n.name());
      if (fact >= 0 && pack.facts().facts().get(fact).type() != FactType.PARTIAL_DATE) {
        return Node.Operand.fact(fact);
      }
      throw notAValue(n);
    }

    @Override
    public Node.Operand not(Expr.Not n) {
      throw notAValue(n);
    }

    @Override
    public Node.Operand and(Expr.And a) {
      throw notAValue(a);
    }

    @Override
    public Node.Operand or(Expr.Or o) {
      throw notAValue(o);
    }

    @Override
    public Node.Operand compare(Expr.Compare c) {
      throw notAValue(c);
    }

    @Override
    public Node.Operand in(Expr.In in) {
      throw notAValue(in);
    }
  }
}
