package org.asylex.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The nesting limit counts depth, not length: a long condition of many operands side by side
 * parses, however many there are.
 */
class ExpressionBreadthTest {
  private static final int MANY = 3 * ExpressionParser.MAX_DEPTH;

  private static String repeat(String operand, String operator) {
    return String.join(" " + operator + " ", Collections.nCopies(MANY, operand));
  }

  @Test
  void manyParenthesisedOperandsSideBySideParse() {
    Expr e = ExpressionParser.parse(repeat("(a)", "and"));

    assertThat(e).isInstanceOf(Expr.And.class);
    assertThat(((Expr.And) e).operands()).hasSize(MANY);
  }

  @Test
  void manyNegationsSideBySideParse() {
    Expr e = ExpressionParser.parse(repeat("not a", "or"));

    assertThat(((Expr.Or) e).operands()).hasSize(MANY).allMatch(o -> o instanceof Expr.Not);
  }

  @Test
  void manyFunctionCallsSideBySideParse() {
    Expr e = ExpressionParser.parse(repeat("age(born) > 1", "and"));

    assertThat(((Expr.And) e).operands()).hasSize(MANY).allMatch(o -> o instanceof Expr.Compare);
  }

  @Test
  void namesMayUseEveryLetterOfTheAlphabetInBothCases() {
    Expr e = ExpressionParser.parse("aZ and Az and zA and Za");

    assertThat(((Expr.And) e).operands())
        .extracting(o -> ((Expr.Name) o).name())
        .containsExactly("aZ", "Az", "zA", "Za");
  }

  @Test
  void literalValuesReadAsTheyAreWritten() {
    assertThat(new Value.Number(27)).hasToString("27");
    assertThat(new Value.Text("conscript")).hasToString("'conscript'");
    assertThat(new Value.Bool(true)).hasToString("true");
  }
}
