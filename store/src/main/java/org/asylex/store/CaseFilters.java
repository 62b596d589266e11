package org.asylex.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** A {@link CaseFilter} as SQL conditions on the facts column, in each database's JSON dialect. */
final class CaseFilters {
  private CaseFilters() {}

  /** A query with the filter's conditions between {@code select} and {@code rest}. */
  static Query query(Database database, Handle h, String select, CaseFilter filter, String rest) {
    var conditions = new ArrayList<String>();
    var bindings = new LinkedHashMap<String, String>();
    int i = 0;
    for (Map.Entry<String, Object> e : filter.facts().entrySet()) {
      String name = "f" + i;
      bindings.put(name, database.factPath(e.getKey()));
      if (e.getValue() == null) {
        conditions.add(database.factAbsent(name));
      } else {
        String value = "v" + i;
        conditions.add(database.factEquals(name, value));
        bindings.put(value, JsonColumns.checkedValue(e.getValue(), "filter on " + e.getKey()));
      }
      i++;
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    Query q = h.createQuery(select + where + rest);
    bindings.forEach(q::bind);
    return q;
  }
}
