package org.asylex.engine.policy;

import java.util.Optional;
import org.asylex.engine.expr.ExprType;

/** The kinds of case facts a pack can declare. */
public enum FactType {
  BOOLEAN("boolean", ExprType.CONDITION, null),
  ENUM("enum", ExprType.TEXT, null),
  DATE("date", ExprType.DATE, null),
  PARTIAL_DATE("partial-date", ExprType.PARTIAL_DATE, null),
  /** ISO 3166-1 alpha-2. */
  COUNTRY("country", ExprType.TEXT, "[A-Z]{2}"),
  /** ISO 3166-2: country code, hyphen, up to three letters or digits. */
  REGION("region", ExprType.TEXT, "[A-Z]{2}-[A-Z0-9]{1,3}");

  private final String id;
  private final ExprType exprType;
  private final String valuePattern;

  FactType(String id, ExprType exprType, String valuePattern) {
    this.id = id;
    this.exprType = exprType;
    this.valuePattern = valuePattern;
  }

  public String id() {
    return id;
  }

  public ExprType exprType() {
    return exprType;
  }

  /** A regular expression every value must match, or null. */
  public String valuePattern() {
    return valuePattern;
  }

  /**
   * What a value of this type looks like, in words, for every message that says what was expected.
   *
   * @param values the allowed values of an enumeration (ignored for other types)
   */
  public String expected(java.util.List<String> values) {
    return switch (this) {
      case BOOLEAN -> "true or false (JSON booleans, not strings or numbers)";
      case ENUM -> "one of " + String.join(", ", values);
      case DATE -> "a date YYYY-MM-DD";
      case PARTIAL_DATE -> "a date YYYY-MM-DD, YYYY-MM or YYYY";
      case COUNTRY -> "an ISO 3166-1 alpha-2 code such as NL";
      case REGION -> "an ISO 3166-2 code such as NL-NH (country, hyphen, 1-3 letters or digits)";
    };
  }

  public static Optional<FactType> fromId(String id) {
    for (FactType t : values()) {
      if (t.id.equals(id)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public static java.util.List<String> ids() {
    return java.util.Arrays.stream(values()).map(FactType::id).toList();
  }
}
