package org.asylex.packs;

import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.expr.Expr;
import org.asylex.engine.expr.ExpressionParser;
import org.asylex.engine.expr.ExpressionSyntaxError;
import org.asylex.engine.expr.Value;
import org.asylex.engine.policy.Condition;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Parses the conditions of rules.yaml; a syntax error is reported at its line and column. */
final class ConditionReader {
  private final Diagnostics out;

  ConditionReader(Diagnostics out) {
    this.out = out;
  }

  /** The condition under {@code key} of {@code f}; empty when absent or not a text (reported). */
  Optional<Condition> read(YamlFile yaml, Fields f, String key) {
    Optional<ScalarNode> node = f.scalar(key);
    if (node.isEmpty()) {
      if (!f.has(key)) {
        f.text(key);
      }
      return Optional.empty();
    }
    var positions = new ScalarPositions(yaml, node.get());
    String text = node.get().getValue();
    try {
      Expr expr = ExpressionParser.parse(text);
      return Optional.of(new Condition(text, expr, positions::at));
    } catch (ExpressionSyntaxError e) {
      out.add(
          Diagnostic.error(
              "syntax-error",
              positions.at(e.offset()),
              "syntax error in condition: " + e.getMessage()));
      // Keep the definition or rule with a stand-in condition, so the rest of the pack is still
      // checked without follow-up errors ("unknown definition"); the pack is rejected anyway.
      return Optional.of(
          new Condition(text, new Expr.Literal(new Value.Bool(false), 0, 0), positions::at));
    }
  }
}
