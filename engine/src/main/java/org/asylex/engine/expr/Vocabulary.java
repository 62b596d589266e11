package org.asylex.engine.expr;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What names a condition may use: a pack's facts, definitions and assumptions. */
public interface Vocabulary {

  /** What a name stands for, as far as type checking needs to know. */
  record Symbol(Kind kind, ExprType type, List<String> allowedValues, String valuePattern) {
    /** Where the name comes from. */
    public enum Kind {
      FACT,
      DEFINITION
    }

    public Symbol {
      allowedValues = List.copyOf(allowedValues);
    }
  }

  /** A fact or definition by name. */
  Optional<Symbol> name(String name);

  /** The type of an assumption that conditions may read (boolean, date or, for a choice, text). */
  Optional<ExprType> assumption(String id);

  /** The values a choice assumption may take, in the pack's order; empty for other assumptions. */
  default List<String> assumptionValues(String id) {
    return List.of();
  }

  /** Every fact and definition name, for suggestions. */
  Collection<String> names();

  /** Every assumption id, for suggestions. */
  Collection<String> assumptionIds();
}
