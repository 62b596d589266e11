package org.asylex.app.cases;

import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.time.PartialDate;

/** A filter value given as text, typed by its fact. */
final class CaseFilters {
  private CaseFilters() {}

  static Object value(FactDefinition f, String text) {
    if (text.isEmpty()) {
      return null;
    }
    boolean ok =
        switch (f.type()) {
          case BOOLEAN -> text.equals("true") || text.equals("false");
          case ENUM -> f.values().contains(text);
          case DATE -> text.matches("\\d{4}-\\d{2}-\\d{2}") && PartialDate.parse(text).isPresent();
          case PARTIAL_DATE ->
              text.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") && PartialDate.parse(text).isPresent();
          case COUNTRY, REGION -> text.matches(f.type().valuePattern());
        };
    if (!ok) {
      throw new Refused(
          new Refusal.InvalidValue(
              f.name(),
              "wrong-type",
              f.name() + " must be " + f.type().expected(f.values()) + " (or empty for not set)"));
    }
    return switch (f.type()) {
      case BOOLEAN -> Boolean.valueOf(text);
      default -> text;
    };
  }
}
