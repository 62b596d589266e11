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

  /** Whether the wording is the plain one whatever the case: there are no variants. */
  boolean fixed() {
    return conditions.length == 0;
  }

  LocalizedText plain() {
    return plain;
  }

  /** The assumptions the conditions read. */
  Set<String> assumptions() {
    return assumptions;
  }
}
