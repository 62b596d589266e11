package org.asylex.engine.expr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the condition language of policy packs.
 *
 * <pre>
 * condition  := or END
 * or         := and ('or' and)*
 * and        := unary ('and' unary)*
 * unary      := 'not' unary | comparison
 * comparison := operand (('=' | '!=' | '<' | '<=' | '>' | '>=') operand | 'in' list)?
 * operand    := '(' or ')' | literal | '@' id | 'assessmentDate' | name '(' or (',' or)* ')' | name
 * list       := '[' literal (',' literal)* ']'
 * literal    := 'true' | 'false' | number | date | 'text' | "text"
 * </pre>
 *
 * Any input either parses or fails with an {@link ExpressionSyntaxError} naming the offset and what
 * was expected; nesting is bounded so no input can exhaust the stack.
 */
public final class ExpressionParser {
  /** Deeper nesting than this is never needed for a policy and would risk the stack. */
  public static final int MAX_DEPTH = 64;

  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "in", "true", "false", "assessmentDate");

  /**
   * Whether a fact or definition may not be named {@code word}: it is a keyword of the language or
   * the name of a function of {@link Function}.
   */
  public static boolean isReserved(String word) {
    return KEYWORDS.contains(word) || Function.named(word).isPresent();
  }

  private final List<Token> tokens;
  private int index;
  private int depth;

  private ExpressionParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * Parses one condition.
   *
   * @throws ExpressionSyntaxError for any input that is not a well-formed condition
   */
  public static Expr parse(String text) {
    var parser = new ExpressionParser(new Lexer(text).tokens());
    if (parser.peek().kind() == Token.Kind.END) {
      throw new ExpressionSyntaxError("the condition is empty", 0, 1);
    }
    Expr result = parser.or();
    Token last = parser.peek();
    if (last.kind() != Token.Kind.END) {
      throw parser.expected("'and', 'or' or the end of the condition", last);
    }
    return result;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token advance() {
    return tokens.get(index++);
  }

  private ExpressionSyntaxError expected(String what, Token found) {
    return new ExpressionSyntaxError(
        "expected " + what + " but found " + found.shown(),
        found.start(),
        found.end() - found.start());
  }

  private void enter(Token at) {
    if (++depth > MAX_DEPTH) {
      throw new ExpressionSyntaxError(
          "the condition is nested more than " + MAX_DEPTH + " levels deep",
          at.start(),
          at.end() - at.start());
    }
  }

  /** The end of the last token consumed, so a node's span includes its closing parentheses. */
  private int lastEnd() {
    return tokens.get(index - 1).end();
  }

  private Expr or() {
    int start = peek().start();
    enter(peek());
    Expr first = and();
    if (!peek().isWord("or")) {
      depth--;
      return first;
    }
    var operands = new ArrayList<Expr>();
    operands.add(first);
    while (peek().isWord("or")) {
      advance();
      operands.add(and());
    }
    depth--;
    return new Expr.Or(operands, start, lastEnd());
  }

  private Expr and() {
    int start = peek().start();
    Expr first = unary();
    if (!peek().isWord("and")) {
      return first;
    }
    var operands = new ArrayList<Expr>();
    operands.add(first);
    while (peek().isWord("and")) {
      advance();
      operands.add(unary());
    }
    return new Expr.And(operands, start, lastEnd());
  }

  private Expr unary() {
    Token t = peek();
    if (t.isWord("not")) {
      enter(t);
      advance();
      Expr operand = unary();
      depth--;
      return new Expr.Not(operand, t.start(), lastEnd());
    }
    return comparison();
  }

  private Expr comparison() {
    int start = peek().start();
    Expr left = operand();
    Token t = peek();
    if (t.kind() == Token.Kind.OPERATOR) {
      advance();
      Expr right = operand();
      return new Expr.Compare(operator(t), left, right, start, lastEnd());
    }
    if (t.isWord("in")) {
      advance();
      Token open = advance();
      if (open.kind() != Token.Kind.LBRACKET) {
        throw expected("'[' to start the list after 'in'", open);
      }
      var options = new ArrayList<Expr.Literal>();
      do {
        options.add(literal(advance(), "a literal value in the list"));
      } while (consume(Token.Kind.COMMA));
      Token close = advance();
      if (close.kind() != Token.Kind.RBRACKET) {
        throw expected("',' or ']' in the list", close);
      }
      return new Expr.In(left, options, start, close.end());
    }
    return left;
  }

  private boolean consume(Token.Kind kind) {
    if (peek().kind() == kind) {
      advance();
      return true;
    }
    return false;
  }

  private static Expr.CompareOp operator(Token t) {
    return switch (t.text()) {
      case "=" -> Expr.CompareOp.EQ;
      case "!=" -> Expr.CompareOp.NE;
      case "<" -> Expr.CompareOp.LT;
      case "<=" -> Expr.CompareOp.LE;
      case ">" -> Expr.CompareOp.GT;
      case ">=" -> Expr.CompareOp.GE;
      default ->
          throw new ExpressionSyntaxError(
              "unknown operator '" + t.text() + "'", t.start(), t.end() - t.start());
    };
  }

  private Expr operand() {
    Token t = advance();
    switch (t.kind()) {
      case LPAREN:
        {
          Expr inner = or();
          Token close = advance();
          if (close.kind() != Token.Kind.RPAREN) {
            throw expected("')' to close the '(' at offset " + t.start(), close);
          }
          return inner;
        }
      case ASSUMPTION:
        return new Expr.AssumptionRef(t.text(), t.start(), t.end());
      case TEXT:
      case NUMBER:
      case DATE:
        return literal(t, "a value");
      case NAME:
        return nameOperand(t);
      default:
        throw expected("a fact, a value, '@assumption', 'not' or '('", t);
    }
  }

  private Expr nameOperand(Token t) {
    switch (t.text()) {
      case "true":
      case "false":
        return literal(t, "a value");
      case "assessmentDate":
        return new Expr.AssessmentDate(t.start(), t.end());
      default:
        break;
    }
    if (KEYWORDS.contains(t.text())) {
      throw expected("a fact, a value, '@assumption', 'not' or '('", t);
    }
    if (peek().kind() != Token.Kind.LPAREN) {
      return new Expr.Name(t.text(), t.start(), t.end());
    }
    enter(t);
    advance();
    var arguments = new ArrayList<Expr>();
    do {
      arguments.add(or());
    } while (consume(Token.Kind.COMMA));
    Token close = advance();
    if (close.kind() != Token.Kind.RPAREN) {
      throw expected("',' or ')' after the arguments of " + t.text(), close);
    }
    depth--;
    return new Expr.Call(t.text(), arguments, t.start(), close.end());
  }

  private Expr.Literal literal(Token t, String what) {
    Value value =
        switch (t.kind()) {
          case TEXT -> new Value.Text(t.text());
          case NUMBER -> new Value.Number(Integer.parseInt(t.text()));
          case DATE -> new Value.Date(date(t));
          case NAME -> {
            if (t.text().equals("true") || t.text().equals("false")) {
              yield new Value.Bool(Boolean.parseBoolean(t.text()));
            }
            throw expected(what + " (true, false, a number, a date or a quoted text)", t);
          }
          default -> throw expected(what + " (true, false, a number, a date or a quoted text)", t);
        };
    return new Expr.Literal(value, t.start(), t.end());
  }

  private static LocalDate date(Token t) {
    try {
      return LocalDate.parse(t.text());
    } catch (DateTimeException e) {
      throw new ExpressionSyntaxError(
          "the date " + t.text() + " does not exist", t.start(), t.end() - t.start());
    }
  }
}
