package org.asylex.engine.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.asylex.engine.policy.ReasonVariant;
import org.asylex.engine.text.LocalizedText;

/**
 * A reason compiled: the wordings with their conditions, in order, and the plain wording. The first
 * wording whose condition is certainly true is used; an unknown condition does not choose a
 * wording, so the plain one (which must be true whatever the unknown facts turn out to be) stands.
 */
final class Reasons {
  private final LocalizedText plain;
  private final List<LocalizedText> texts;
  private final Node[] conditions;
  private final Set<String> assumptions;

  Reasons(LocalizedText plain, List<ReasonVariant> variants, ConditionCompiler compiler) {
    this.plain = plain;
    var read = new TreeSet<String>();
    var wordings = new ArrayList<LocalizedText>();
    this.conditions = new Node[variants.size()];
    for (int i = 0; i < conditions.length; i++) {
      ConditionCompiler.Compiled c = compiler.compile(variants.get(i).when());
      conditions[i] = c.root();
      read.addAll(c.assumptions());
      wordings.add(variants.get(i).text());
    }
    this.texts = List.copyOf(wordings);
    this.assumptions = Set.copyOf(read);
    this.fixed = fixedChoice();
  }

  /**
   * The wording when the choice reads nothing of the case (no variants, or variants on assumptions
   * alone, which are constants once compiled); null when it depends on the case.
   */
  private final LocalizedText fixed;

  private LocalizedText fixedChoice() {
    for (int i = 0; i < conditions.length; i++) {
      Byte v = constant(conditions[i]);
      if (v == null) {
        return null;
      }
      if (v == Tri.T) {
        return texts.get(i);
      }
    }
    return plain;
  }

  /** The value of a condition that reads no fact and not the date; null for any other. */
  private static Byte constant(Node n) {
    if (n instanceof Node.Const c) {
      return c.value;
    }
    if (n instanceof Node.Compare c
        && c.left.kind == Node.Operand.Kind.CONSTANT
        && c.right.kind == Node.Operand.Kind.CONSTANT) {
      return Tri.code(Node.Compare.compare(c.op, c.left.constant, c.right.constant));
    }
    if (n instanceof Node.Not not) {
      Byte v = constant(not.operand);
      return v == null ? null : Tri.not(v);
    }
    if (n instanceof Node.Definition d) {
      return constant(d.body);
    }
    if (n instanceof Node.And || n instanceof Node.Or) {
      boolean and = n instanceof Node.And;
      byte result = and ? Tri.T : Tri.F;
      for (Node c : n.children()) {
        Byte v = constant(c);
        if (v == null) {
          return null;
        }
        result = and ? Tri.and(result, v) : Tri.or(result, v);
      }
      return result;
    }
    return null;
  }

  LocalizedText pick(Evaluation e) {
    for (int i = 0; i < conditions.length; i++) {
      if (conditions[i].eval(e) == Tri.T) {
        return texts.get(i);
      }
    }
    return plain;
  }

  /** The same choice on the fast path. */
  LocalizedText pick(ConditionProgram program, Frame f) {
    for (int i = 0; i < conditions.length; i++) {
      if (program.eval(conditions[i].id, f) == Tri.T) {
        return texts.get(i);
      }
    }
    return plain;
  }

  /** The wording whatever the case, or null when it depends on the case. */
  LocalizedText fixed() {
    return fixed;
  }

  /** The assumptions the conditions read. */
  Set<String> assumptions() {
    return assumptions;
  }
}
