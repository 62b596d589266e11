package org.asylex.server.api;

import java.util.Map;
import java.util.Optional;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.time.PartialDate;
import org.asylex.store.CaseFilter;

/**
 * Reads {@code fact.<name>=<value>} list filters, each value typed by the fact's type in the packs:
 * {@code true} selects the boolean, not the text. An empty value selects cases where the fact is
 * not set. A fact no pack declares, or a value its type cannot have, is a bad parameter.
 */
final class CaseFilters {
  private CaseFilters() {}

  static CaseFilter of(PolicyCatalog policies, Map<String, String> filters, String prefix) {
    CaseFilter filter = CaseFilter.all();
    for (Map.Entry<String, String> e : filters.entrySet()) {
      String parameter = prefix + e.getKey();
      Optional<FactDefinition> fact = FactChecks.anyPackFact(policies, e.getKey());
      if (fact.isEmpty()) {
        throw Params.invalid(parameter, "unknown-fact", "no policy pack has this fact");
      }
      filter = filter.and(e.getKey(), value(fact.get(), e.getValue(), parameter));
    }
    return filter;
  }

  private static Object value(FactDefinition f, String text, String parameter) {
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
      throw Params.invalid(
          parameter,
          "wrong-type",
          f.name() + " must be " + FactChecks.expected(f) + " (or empty for not set)");
    }
    return switch (f.type()) {
      case BOOLEAN -> Boolean.valueOf(text);
      default -> text;
    };
  }
}
