package org.asylex.engine.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits a condition into tokens; every failure is a positioned {@link ExpressionSyntaxError}. */
final class Lexer {
  private final String text;
  private int pos;

  Lexer(String text) {
    this.text = text;
  }

  List<Token> tokens() {
    var tokens = new ArrayList<Token>();
    while (true) {
      skipWhitespace();
      if (pos >= text.length()) {
        tokens.add(new Token(Token.Kind.END, "", pos, pos));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipWhitespace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private Token next() {
    int start = pos;
    char c = text.charAt(pos);
    switch (c) {
      case '(':
        return single(Token.Kind.LPAREN);
      case ')':
        return single(Token.Kind.RPAREN);
      case '[':
        return single(Token.Kind.LBRACKET);
      case ']':
        return single(Token.Kind.RBRACKET);
      case ',':
        return single(Token.Kind.COMMA);
      case '=':
        if (peek(1) == '=') {
          throw new ExpressionSyntaxError("use '=' to compare, not '=='", start, 2);
        }
        return single(Token.Kind.OPERATOR);
      case '!':
        if (peek(1) == '=') {
          pos += 2;
          return new Token(Token.Kind.OPERATOR, "!=", start, pos);
        }
        throw new ExpressionSyntaxError(
            "unexpected '!'; write 'not' to negate, '!=' to compare", start, 1);
      case '<':
      case '>':
        pos++;
        if (peek(0) == '=') {
          pos++;
        }
        return new Token(Token.Kind.OPERATOR, text.substring(start, pos), start, pos);
      case '\'':
      case '"':
        return quoted(c);
      case '@':
        return assumption();
      default:
        if (isAsciiDigit(c)) {
          return numberOrDate();
        }
        if (isAsciiLetter(c)) {
          return name();
        }
        throw new ExpressionSyntaxError(
            "unexpected character '" + printable(text.codePointAt(start)) + "'",
            start,
            Character.charCount(text.codePointAt(start)));
    }
  }

  private Token single(Token.Kind kind) {
    pos++;
    return new Token(kind, text.substring(pos - 1, pos), pos - 1, pos);
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private Token quoted(char quote) {
    int start = pos++;
    while (pos < text.length() && text.charAt(pos) != quote) {
      if (text.charAt(pos) == '\n') {
        break;
      }
      pos++;
    }
    if (pos >= text.length() || text.charAt(pos) != quote) {
      throw new ExpressionSyntaxError(
          "text starting here is not closed with " + quote, start, pos - start);
    }
    pos++;
    return new Token(Token.Kind.TEXT, text.substring(start + 1, pos - 1), start, pos);
  }

  private Token assumption() {
    int start = pos++;
    while (pos < text.length() && isIdChar(text.charAt(pos))) {
      pos++;
    }
    if (pos == start + 1) {
      throw new ExpressionSyntaxError("expected an assumption id after '@'", start, 1);
    }
    return new Token(Token.Kind.ASSUMPTION, text.substring(start + 1, pos), start, pos);
  }

  private Token numberOrDate() {
    int start = pos;
    while (pos < text.length() && (isAsciiDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
      pos++;
    }
    String word = text.substring(start, pos);
    if (word.matches("\\d{1,6}")) {
      return new Token(Token.Kind.NUMBER, word, start, pos);
    }
    if (word.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return new Token(Token.Kind.DATE, word, start, pos);
    }
    throw new ExpressionSyntaxError(
        "'" + word + "' is neither a whole number nor a date (YYYY-MM-DD)", start, pos - start);
  }

  private Token name() {
    int start = pos;
    while (pos < text.length()
        && (isAsciiLetter(text.charAt(pos))
            || isAsciiDigit(text.charAt(pos))
            || text.charAt(pos) == '_')) {
      pos++;
    }
    return new Token(Token.Kind.NAME, text.substring(start, pos), start, pos);
  }

  private static boolean isIdChar(char c) {
    return isAsciiLetter(c) || isAsciiDigit(c) || c == '-' || c == '_';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String printable(int codePoint) {
    return Character.isISOControl(codePoint)
        ? String.format("U+%04X", codePoint)
        : new String(Character.toChars(codePoint));
  }
}
