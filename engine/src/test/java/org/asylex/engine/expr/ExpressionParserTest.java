package org.asylex.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

  private static ExpressionSyntaxError syntaxError(String text) {
    ExpressionSyntaxError error =
        catchThrowableOfType(ExpressionSyntaxError.class, () -> ExpressionParser.parse(text));
    assertThat(error).as("syntax error for <%s>", text).isNotNull();
    return error;
  }

  private static String spanned(String text, Expr e) {
    return text.substring(e.start(), e.end());
  }

  @Nested
  class Precedence {

    @Test
    void notBindsTighterThanAnd() {
      Expr e = ExpressionParser.parse("not a and b");

      assertThat(e).isInstanceOf(Expr.And.class);
      List<Expr> operands = ((Expr.And) e).operands();
      assertThat(operands).hasSize(2);
      assertThat(operands.get(0)).isEqualTo(new Expr.Not(new Expr.Name("a", 4, 5), 0, 5));
      assertThat(operands.get(1)).isEqualTo(new Expr.Name("b", 10, 11));
    }

    @Test
    void andBindsTighterThanOr() {
      Expr e = ExpressionParser.parse("a or b and c");

      assertThat(e)
          .isEqualTo(
              new Expr.Or(
                  List.of(
                      new Expr.Name("a", 0, 1),
                      new Expr.And(
                          List.of(new Expr.Name("b", 5, 6), new Expr.Name("c", 11, 12)), 5, 12)),
                  0,
                  12));
    }

    @Test
    void andOnTheLeftOfOrIsGroupedFirstToo() {
      Expr e = ExpressionParser.parse("a and b or c");

      assertThat(e).isInstanceOf(Expr.Or.class);
      List<Expr> operands = ((Expr.Or) e).operands();
      assertThat(operands.get(0)).isInstanceOf(Expr.And.class);
      assertThat(operands.get(1)).isEqualTo(new Expr.Name("c", 11, 12));
    }

    @Test
    void notAppliesToAComparisonAsAWhole() {
      Expr e = ExpressionParser.parse("not age(dateOfBirth) >= 18");

      assertThat(e).isInstanceOf(Expr.Not.class);
      assertThat(((Expr.Not) e).operand()).isInstanceOf(Expr.Compare.class);
    }

    @Test
    void parenthesesOverrideThePrecedenceOfAndOverOr() {
      Expr e = ExpressionParser.parse("(a or b) and c");

      assertThat(e).isInstanceOf(Expr.And.class);
      List<Expr> operands = ((Expr.And) e).operands();
      assertThat(operands.get(0)).isInstanceOf(Expr.Or.class);
      assertThat(((Expr.Or) operands.get(0)).operands())
          .containsExactly(new Expr.Name("a", 1, 2), new Expr.Name("b", 6, 7));
    }

    @Test
    void aChainOfTheSameOperatorIsOneFlatNode() {
      Expr e = ExpressionParser.parse("a and b and c and d");

      assertThat(e).isInstanceOf(Expr.And.class);
      assertThat(((Expr.And) e).operands())
          .extracting(o -> ((Expr.Name) o).name())
          .containsExactly("a", "b", "c", "d");
    }

    @Test
    void notNotIsTwoNestedNegations() {
      Expr e = ExpressionParser.parse("not not a");

      assertThat(e).isEqualTo(new Expr.Not(new Expr.Not(new Expr.Name("a", 8, 9), 4, 9), 0, 9));
    }
  }

  @Nested
  class Spans {

    @Test
    void aNameSpansExactlyItsCharacters() {
      Expr e = ExpressionParser.parse("  politicalActivist  ");

      assertThat(e).isEqualTo(new Expr.Name("politicalActivist", 2, 19));
    }

    @Test
    void aComparisonSpansFromItsLeftOperandToItsRightOperand() {
      String text = "age(dateOfBirth) >= 18";
      Expr.Compare c = (Expr.Compare) ExpressionParser.parse(text);

      assertThat(c.op()).isEqualTo(Expr.CompareOp.GE);
      assertThat(c.start()).isZero();
      assertThat(c.end()).isEqualTo(text.length());
      assertThat(c.left())
          .isEqualTo(new Expr.Call("age", List.of(new Expr.Name("dateOfBirth", 4, 15)), 0, 16));
      assertThat(c.right()).isEqualTo(new Expr.Literal(new Value.Number(18), 20, 22));
    }

    @Test
    void aNegationOfAParenthesisedConditionSpansTheClosingParenthesis() {
      String text = "not (a or b)";
      Expr.Not not = (Expr.Not) ExpressionParser.parse(text);

      assertThat(spanned(text, not)).isEqualTo("not (a or b)");
      assertThat(spanned(text, not.operand())).isEqualTo("a or b");
    }

    @Test
    void aConjunctionStartingWithAParenthesisSpansThatParenthesis() {
      String text = "(a or b) and c";
      Expr.And and = (Expr.And) ExpressionParser.parse(text);

      assertThat(spanned(text, and)).isEqualTo(text);
    }

    @Test
    void aComparisonOfParenthesisedOperandsSpansBothParentheses() {
      String text = "x and (y) = (z)";
      Expr.And and = (Expr.And) ExpressionParser.parse(text);

      assertThat(spanned(text, and.operands().get(1))).isEqualTo("(y) = (z)");
    }

    @Test
    void parenthesesAroundAWholeConditionAreNotPartOfItsSpan() {
      String text = "( a or b )";
      Expr e = ExpressionParser.parse(text);

      assertThat(spanned(text, e)).isEqualTo("a or b");
    }

    @Test
    void anInListSpansFromTheValueToTheClosingBracket() {
      String text = "x and regionOfOrigin in ['RU-CE', 'RU-IN'] and y";
      Expr.And and = (Expr.And) ExpressionParser.parse(text);

      Expr.In in = (Expr.In) and.operands().get(1);
      assertThat(spanned(text, in)).isEqualTo("regionOfOrigin in ['RU-CE', 'RU-IN']");
      assertThat(in.options())
          .extracting(o -> spanned(text, o))
          .containsExactly("'RU-CE'", "'RU-IN'");
    }

    @Test
    void everyOperandOfAConditionFromTheRussianPackSpansItsOwnWords() {
      String text =
          "militaryStatus = 'conscript' and (refusesMilitaryService or desertion)"
              + " and age(dateOfBirth) >= 18";
      Expr.And and = (Expr.And) ExpressionParser.parse(text);

      assertThat(and.operands())
          .extracting(o -> spanned(text, o))
          .containsExactly(
              "militaryStatus = 'conscript'",
              "refusesMilitaryService or desertion",
              "age(dateOfBirth) >= 18");
    }
  }

  @Nested
  class Literals {

    @Test
    void trueAndFalseAreBooleanLiterals() {
      assertThat(ExpressionParser.parse("true"))
          .isEqualTo(new Expr.Literal(new Value.Bool(true), 0, 4));
      assertThat(ExpressionParser.parse("false"))
          .isEqualTo(new Expr.Literal(new Value.Bool(false), 0, 5));
    }

    @Test
    void aWholeNumberIsANumberLiteral() {
      Expr.Compare c = (Expr.Compare) ExpressionParser.parse("age(dateOfBirth) < 27");

      assertThat(c.right()).isEqualTo(new Expr.Literal(new Value.Number(27), 19, 21));
    }

    @Test
    void theLargestNumberHasSixDigits() {
      Expr.Compare c = (Expr.Compare) ExpressionParser.parse("x = 999999");

      assertThat(((Expr.Literal) c.right()).value()).isEqualTo(new Value.Number(999_999));
    }

    @Test
    void aDateIsADateLiteral() {
      Expr.Compare c = (Expr.Compare) ExpressionParser.parse("assessmentDate >= 2023-06-08");

      assertThat(c.right())
          .isEqualTo(new Expr.Literal(new Value.Date(LocalDate.of(2023, 6, 8)), 18, 28));
    }

    @Test
    void theTwentyNinthOfFebruaryIsADateInALeapYear() {
      Expr.Compare c = (Expr.Compare) ExpressionParser.parse("assessmentDate = 2024-02-29");

      assertThat(((Expr.Literal) c.right()).value())
          .isEqualTo(new Value.Date(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void aSingleQuotedTextIsATextLiteralWithoutItsQuotes() {
      Expr.Compare c = (Expr.Compare) ExpressionParser.parse("gender = 'female'");

      assertThat(c.right()).isEqualTo(new Expr.Literal(new Value.Text("female"), 9, 17));
    }

    @Test
    void aDoubleQuotedTextIsATextLiteralAndMayHoldASingleQuote() {
      Expr.Compare c = (Expr.Compare) ExpressionParser.parse("name = \"O'Brien\"");

      assertThat(c.right()).isEqualTo(new Expr.Literal(new Value.Text("O'Brien"), 7, 16));
    }

    @Test
    void anEmptyQuotedTextIsTheEmptyText() {
      Expr.Compare c = (Expr.Compare) ExpressionParser.parse("x = ''");

      assertThat(((Expr.Literal) c.right()).value()).isEqualTo(new Value.Text(""));
    }

    @Test
    void aQuotedTextKeepsNonAsciiCharacters() {
      Expr.Compare c = (Expr.Compare) ExpressionParser.parse("x = 'Tsjetsjenië – «RU»'");

      assertThat(((Expr.Literal) c.right()).value())
          .isEqualTo(new Value.Text("Tsjetsjenië – «RU»"));
    }
  }

  @Nested
  class Forms {

    @Test
    void inTakesAListOfLiterals() {
      Expr e = ExpressionParser.parse("regionOfOrigin in ['RU-CE', 'RU-IN', 'RU-DA']");

      assertThat(e).isInstanceOf(Expr.In.class);
      Expr.In in = (Expr.In) e;
      assertThat(in.value()).isEqualTo(new Expr.Name("regionOfOrigin", 0, 14));
      assertThat(in.options())
          .extracting(Expr.Literal::value)
          .containsExactly(
              new Value.Text("RU-CE"), new Value.Text("RU-IN"), new Value.Text("RU-DA"));
      assertThat(in.start()).isZero();
      assertThat(in.end()).isEqualTo(45);
    }

    @Test
    void aListMayHoldASingleLiteralOfAnyKind() {
      Expr.In in = (Expr.In) ExpressionParser.parse("x in [18]");

      assertThat(in.options()).containsExactly(new Expr.Literal(new Value.Number(18), 6, 8));
    }

    @Test
    void ageIsACallWithOneArgument() {
      Expr e = ExpressionParser.parse("age(dateOfBirth)");

      assertThat(e)
          .isEqualTo(new Expr.Call("age", List.of(new Expr.Name("dateOfBirth", 4, 15)), 0, 16));
    }

    @Test
    void aCallMayHaveSeveralArgumentsForTheCheckerToReject() {
      Expr.Call call = (Expr.Call) ExpressionParser.parse("age(a, b)");

      assertThat(call.arguments())
          .containsExactly(new Expr.Name("a", 4, 5), new Expr.Name("b", 7, 8));
    }

    @Test
    void anAtSignNamesAnAssumption() {
      Expr e = ExpressionParser.parse("@moratorium-age-27-included");

      assertThat(e).isEqualTo(new Expr.AssumptionRef("moratorium-age-27-included", 0, 27));
    }

    @Test
    void assessmentDateIsTheAssessmentDateNotAFact() {
      Expr.Compare c = (Expr.Compare) ExpressionParser.parse("assessmentDate < @in-force-date");

      assertThat(c.left()).isEqualTo(new Expr.AssessmentDate(0, 14));
      assertThat(c.right()).isEqualTo(new Expr.AssumptionRef("in-force-date", 17, 31));
    }

    @Test
    void everyComparisonOperatorIsRecognised() {
      assertThat(
              List.of("=", "!=", "<", "<=", ">", ">=").stream()
                  .map(op -> ((Expr.Compare) ExpressionParser.parse("a " + op + " b")).op()))
          .containsExactly(
              Expr.CompareOp.EQ,
              Expr.CompareOp.NE,
              Expr.CompareOp.LT,
              Expr.CompareOp.LE,
              Expr.CompareOp.GT,
              Expr.CompareOp.GE);
    }

    @Test
    void operatorsNeedNoSurroundingSpaces() {
      Expr e = ExpressionParser.parse("age(dateOfBirth)>=18");

      assertThat(e).isInstanceOf(Expr.Compare.class);
      assertThat(((Expr.Compare) e).op()).isEqualTo(Expr.CompareOp.GE);
    }

    @Test
    void aNameMayContainDigitsAndUnderscores() {
      assertThat(ExpressionParser.parse("fact_2b")).isEqualTo(new Expr.Name("fact_2b", 0, 7));
    }

    @Test
    void keywordsAreCaseSensitiveSoAndInCapitalsIsAName() {
      Expr e = ExpressionParser.parse("AND");

      assertThat(e).isEqualTo(new Expr.Name("AND", 0, 3));
    }

    @Test
    void lineBreaksAndTabsAreWhitespace() {
      Expr e = ExpressionParser.parse("a\n\tand\r\nb");

      assertThat(e).isInstanceOf(Expr.And.class);
    }
  }

  @Nested
  class SyntaxErrors {

    @Test
    void anEmptyConditionIsAnErrorAtOffsetZero() {
      ExpressionSyntaxError e = syntaxError("");

      assertThat(e.getMessage()).isEqualTo("the condition is empty");
      assertThat(e.offset()).isZero();
      assertThat(e.length()).isEqualTo(1);
    }

    @Test
    void aConditionOfOnlyWhitespaceIsEmpty() {
      ExpressionSyntaxError e = syntaxError("  \n ");

      assertThat(e.getMessage()).isEqualTo("the condition is empty");
      assertThat(e.offset()).isZero();
    }

    @Test
    void anUnclosedParenthesisIsReportedAtTheEndNamingTheOpeningOffset() {
      ExpressionSyntaxError e = syntaxError("x and (a or b");

      assertThat(e.getMessage())
          .isEqualTo(
              "expected ')' to close the '(' at offset 6 but found the end of the condition");
      assertThat(e.offset()).isEqualTo(13);
    }

    @Test
    void anUnclosedQuoteIsReportedWhereTheTextStarts() {
      ExpressionSyntaxError e = syntaxError("gender = 'female");

      assertThat(e.getMessage()).isEqualTo("text starting here is not closed with '");
      assertThat(e.offset()).isEqualTo(9);
      assertThat(e.length()).isEqualTo(7);
    }

    @Test
    void aQuoteIsNotContinuedOnTheNextLine() {
      ExpressionSyntaxError e = syntaxError("gender = \"fe\nmale\"");

      assertThat(e.getMessage()).isEqualTo("text starting here is not closed with \"");
      assertThat(e.offset()).isEqualTo(9);
    }

    @Test
    void aDoubleEqualsSignIsAnErrorThatSuggestsOneEqualsSign() {
      ExpressionSyntaxError e = syntaxError("gender == 'female'");

      assertThat(e.getMessage()).isEqualTo("use '=' to compare, not '=='");
      assertThat(e.offset()).isEqualTo(7);
      assertThat(e.length()).isEqualTo(2);
    }

    @Test
    void anExclamationMarkAloneIsAnErrorThatSuggestsNot() {
      ExpressionSyntaxError e = syntaxError("a and !b");

      assertThat(e.getMessage())
          .isEqualTo("unexpected '!'; write 'not' to negate, '!=' to compare");
      assertThat(e.offset()).isEqualTo(6);
      assertThat(e.length()).isEqualTo(1);
    }

    @Test
    void aKeywordWhereAnOperandIsExpectedIsAnError() {
      ExpressionSyntaxError e = syntaxError("and x");

      assertThat(e.getMessage())
          .isEqualTo("expected a fact, a value, '@assumption', 'not' or '(' but found 'and'");
      assertThat(e.offset()).isZero();
      assertThat(e.length()).isEqualTo(3);
    }

    @Test
    void aMissingOperandAfterAndIsReportedAtTheEnd() {
      ExpressionSyntaxError e = syntaxError("a and");

      assertThat(e.getMessage())
          .isEqualTo(
              "expected a fact, a value, '@assumption', 'not' or '(' but found the end of the"
                  + " condition");
      assertThat(e.offset()).isEqualTo(5);
    }

    @Test
    void twoOperandsWithoutAnOperatorAreTrailingGarbage() {
      ExpressionSyntaxError e = syntaxError("a b");

      assertThat(e.getMessage())
          .isEqualTo("expected 'and', 'or' or the end of the condition but found 'b'");
      assertThat(e.offset()).isEqualTo(2);
      assertThat(e.length()).isEqualTo(1);
    }

    @Test
    void anUnopenedClosingParenthesisIsTrailingGarbage() {
      ExpressionSyntaxError e = syntaxError("a)");

      assertThat(e.getMessage())
          .isEqualTo("expected 'and', 'or' or the end of the condition but found ')'");
      assertThat(e.offset()).isEqualTo(1);
    }

    @Test
    void aDateThatDoesNotExistIsAnError() {
      ExpressionSyntaxError e = syntaxError("assessmentDate < 2023-02-30");

      assertThat(e.getMessage()).isEqualTo("the date 2023-02-30 does not exist");
      assertThat(e.offset()).isEqualTo(17);
      assertThat(e.length()).isEqualTo(10);
    }

    @Test
    void theTwentyNinthOfFebruaryDoesNotExistOutsideALeapYear() {
      ExpressionSyntaxError e = syntaxError("x in [2023-02-29]");

      assertThat(e.getMessage()).isEqualTo("the date 2023-02-29 does not exist");
      assertThat(e.offset()).isEqualTo(6);
    }

    @Test
    void aMonthThirteenIsAnError() {
      ExpressionSyntaxError e = syntaxError("assessmentDate < 2023-13-01");

      assertThat(e.getMessage()).isEqualTo("the date 2023-13-01 does not exist");
    }

    @Test
    void aDateWithoutItsDayIsNeitherANumberNorADate() {
      ExpressionSyntaxError e = syntaxError("assessmentDate < 2023-06");

      assertThat(e.getMessage())
          .isEqualTo("'2023-06' is neither a whole number nor a date (YYYY-MM-DD)");
      assertThat(e.offset()).isEqualTo(17);
      assertThat(e.length()).isEqualTo(7);
    }

    @Test
    void aNumberOfSevenDigitsIsRejectedRatherThanOverflowing() {
      ExpressionSyntaxError e = syntaxError("x = 99999999999");

      assertThat(e.getMessage())
          .isEqualTo("'99999999999' is neither a whole number nor a date (YYYY-MM-DD)");
      assertThat(e.offset()).isEqualTo(4);
    }

    @Test
    void inWithoutAListIsAnError() {
      ExpressionSyntaxError e = syntaxError("regionOfOrigin in 'RU-CE'");

      assertThat(e.getMessage())
          .isEqualTo("expected '[' to start the list after 'in' but found 'RU-CE'");
      assertThat(e.offset()).isEqualTo(18);
      assertThat(e.length()).isEqualTo(7);
    }

    @Test
    void inAtTheEndIsAnErrorAtTheEnd() {
      ExpressionSyntaxError e = syntaxError("regionOfOrigin in");

      assertThat(e.getMessage())
          .isEqualTo(
              "expected '[' to start the list after 'in' but found the end of the condition");
      assertThat(e.offset()).isEqualTo(17);
    }

    @Test
    void aNameInAListIsNotALiteral() {
      ExpressionSyntaxError e = syntaxError("x in ['a', b]");

      assertThat(e.getMessage())
          .isEqualTo(
              "expected a literal value in the list (true, false, a number, a date or a quoted"
                  + " text) but found 'b'");
      assertThat(e.offset()).isEqualTo(11);
    }

    @Test
    void anUnclosedListIsAnError() {
      ExpressionSyntaxError e = syntaxError("x in ['a' 'b']");

      assertThat(e.getMessage()).isEqualTo("expected ',' or ']' in the list but found 'b'");
      assertThat(e.offset()).isEqualTo(10);
    }

    @Test
    void anUnclosedCallIsAnErrorNamingTheFunction() {
      ExpressionSyntaxError e = syntaxError("age(dateOfBirth >= 18");

      assertThat(e.getMessage())
          .isEqualTo(
              "expected ',' or ')' after the arguments of age but found the end of the condition");
      assertThat(e.offset()).isEqualTo(21);
    }

    @Test
    void anAtSignWithoutAnIdIsAnError() {
      ExpressionSyntaxError e = syntaxError("a and @ b");

      assertThat(e.getMessage()).isEqualTo("expected an assumption id after '@'");
      assertThat(e.offset()).isEqualTo(6);
    }

    @Test
    void aCharacterOutsideTheLanguageIsNamed() {
      ExpressionSyntaxError e = syntaxError("a & b");

      assertThat(e.getMessage()).isEqualTo("unexpected character '&'");
      assertThat(e.offset()).isEqualTo(2);
    }

    @Test
    void aControlCharacterIsNamedByItsCodePoint() {
      ExpressionSyntaxError e = syntaxError("a\u0007");

      assertThat(e.getMessage()).isEqualTo("unexpected character 'U+0007'");
      assertThat(e.offset()).isEqualTo(1);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneErrorOfTwoUtf16Units() {
      ExpressionSyntaxError e = syntaxError("a = \uD83D\uDE00");

      assertThat(e.getMessage()).isEqualTo("unexpected character '\uD83D\uDE00'");
      assertThat(e.offset()).isEqualTo(4);
      assertThat(e.length()).isEqualTo(2);
    }

    @Test
    void aNonAsciiLetterDoesNotStartAName() {
      ExpressionSyntaxError e = syntaxError("éénFeit");

      assertThat(e.getMessage()).isEqualTo("unexpected character 'é'");
      assertThat(e.offset()).isZero();
    }
  }

  @Nested
  class Nesting {

    @Test
    void parenthesesJustWithinTheDepthLimitParse() {
      // The condition itself is the first level, so MAX_DEPTH - 1 parentheses fit.
      int n = ExpressionParser.MAX_DEPTH - 1;
      String text = "(".repeat(n) + "a" + ")".repeat(n);

      assertThat(ExpressionParser.parse(text)).isEqualTo(new Expr.Name("a", n, n + 1));
    }

    @Test
    void parenthesesDeeperThanTheLimitAreAnErrorAtTheFirstTooDeepLevel() {
      int n = ExpressionParser.MAX_DEPTH;
      String text = "(".repeat(n) + "a" + ")".repeat(n);

      ExpressionSyntaxError e = syntaxError(text);

      assertThat(e.getMessage())
          .isEqualTo(
              "the condition is nested more than " + ExpressionParser.MAX_DEPTH + " levels deep");
      assertThat(e.offset()).isEqualTo(n);
    }

    @Test
    void thousandsOfOpeningParenthesesAreAnErrorNotAStackOverflow() {
      String text = "(".repeat(100_000);

      ExpressionSyntaxError e = syntaxError(text);

      assertThat(e.getMessage()).startsWith("the condition is nested more than");
      assertThat(e.offset()).isEqualTo(ExpressionParser.MAX_DEPTH);
    }

    @Test
    void negationsJustWithinTheDepthLimitParse() {
      int n = ExpressionParser.MAX_DEPTH - 1;
      Expr e = ExpressionParser.parse("not ".repeat(n) + "a");

      int depth = 0;
      while (e instanceof Expr.Not not) {
        depth++;
        e = not.operand();
      }
      assertThat(depth).isEqualTo(n);
      assertThat(e).isEqualTo(new Expr.Name("a", 4 * n, 4 * n + 1));
    }

    @Test
    void negationsDeeperThanTheLimitAreAnErrorAtTheFirstTooDeepNot() {
      int n = ExpressionParser.MAX_DEPTH;

      ExpressionSyntaxError e = syntaxError("not ".repeat(n) + "a");

      assertThat(e.getMessage())
          .isEqualTo(
              "the condition is nested more than " + ExpressionParser.MAX_DEPTH + " levels deep");
      assertThat(e.offset()).isEqualTo(4 * (n - 1));
      assertThat(e.length()).isEqualTo(3);
    }

    @Test
    void thousandsOfNegationsAreAnErrorNotAStackOverflow() {
      ExpressionSyntaxError e = syntaxError("not ".repeat(50_000) + "a");

      assertThat(e.getMessage()).startsWith("the condition is nested more than");
    }

    @Test
    void nestedCallsCountTowardsTheDepthLimit() {
      String text = "age(".repeat(ExpressionParser.MAX_DEPTH) + "x" + ")".repeat(64);

      ExpressionSyntaxError e = syntaxError(text);

      assertThat(e.getMessage()).startsWith("the condition is nested more than");
    }

    @Test
    void manyOperandsSideBySideAreNotNesting() {
      String text = String.join(" and ", java.util.Collections.nCopies(10_000, "(a or b)"));

      Expr e = ExpressionParser.parse(text);

      assertThat(((Expr.And) e).operands()).hasSize(10_000);
    }
  }
}
