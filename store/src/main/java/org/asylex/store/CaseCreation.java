package org.asylex.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case's creation as its row keeps it (docs/adr/0026-fast-import.md): who created it, when, and
 * the facts it was created with, in their order. The history's version 1 (each fact set, no old
 * value, no note) is derived from it: {@code fact_changes} holds versions 2 and on.
 */
record CaseCreation(String caseId, Optional<String> actor, Instant at, Map<String, Object> facts) {

  /**
   * The SQL of the columns {@link #read} reads, for a query on {@code cases} with alias {@code c}:
   * the initial facts are the facts while the case has not changed ({@code initial_facts} NULL).
   */
  static final String COLUMNS =
      "c.id, c.created_by, c.created_at, coalesce(c.initial_facts, c.facts) AS initial_facts";

  /** The row's creation, read from the columns of {@link #COLUMNS}. */
  static CaseCreation read(ResultSet rs, Database database) throws SQLException {
    String id = rs.getString("id");
    return new CaseCreation(
        id,
        Optional.ofNullable(rs.getString("created_by")),
        database.instant(rs, "created_at"),
        JsonColumns.readObject(rs.getString("initial_facts"), "case '" + id + "'"));
  }

  /** The facts it was created with, without a fact set to null (as a replay leaves them out). */
  LinkedHashMap<String, Object> factsSet() {
    return set(facts);
  }

  /** The facts of {@code facts} that are set (not null), in order. */
  static LinkedHashMap<String, Object> set(Map<String, Object> facts) {
    var set = new LinkedHashMap<String, Object>();
    facts.forEach(
        (fact, value) -> {
          if (value != null) {
            set.put(fact, value);
          }
        });
    return set;
  }

  /** The history's version 1: each fact, in order, set by the creator when the case was made. */
  List<FactChange> changes() {
    var changes = new ArrayList<FactChange>(facts.size());
    if (facts.isEmpty()) {
      return changes;
    }
    String by =
        actor.orElseThrow(
            () -> new StoreException("the store does not say who created case '" + caseId + "'"));
    facts.forEach(
        (fact, value) ->
            changes.add(
                new FactChange(
                    caseId,
                    fact,
                    Optional.empty(),
                    Optional.ofNullable(value),
                    by,
                    at,
                    Optional.empty(),
                    1)));
    return changes;
  }
}
