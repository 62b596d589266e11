package org.asylex.engine.expr;

/** One lexical token of a condition, with its span in the text. */
record Token(Kind kind, String text, int start, int end) {

  enum Kind {
    NAME("a name"),
    ASSUMPTION("an assumption reference (@id)"),
    TEXT("a quoted text"),
    NUMBER("a number"),
    DATE("a date"),
    LPAREN("'('"),
    RPAREN("')'"),
    LBRACKET("'['"),
    RBRACKET("']'"),
    COMMA("','"),
    OPERATOR("a comparison"),
    END("the end of the condition");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  /** How the token reads in a message: {@code 'and'} or "the end of the condition". */
  String shown() {
    return kind == Kind.END ? kind.description : "'" + text + "'";
  }

  boolean isWord(String word) {
    return kind == Kind.NAME && text.equals(word);
  }
}
