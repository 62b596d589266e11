package org.asylex.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** What an update or import compares against: a stored case's reference, facts and version. */
record Current(String reference, Map<String, Object> facts, long version) {
  /** Ids looked up by one statement of {@link #all}: well under parameter limits. */
  private static final int IDS = 500;

  private static final String CURRENT_ALL =
      "SELECT id, reference, facts, version FROM cases WHERE id IN ("
          + String.join(", ", java.util.Collections.nCopies(IDS, "?"))
          + ")";

  /**
   * The current state of cases by id, {@value #IDS} ids per query: always the same statement (the
   * ids left over bound as NULL, which matches no id), so it is prepared once ({@link Prepared}).
   */
  static Map<String, Current> all(Handle h, List<String> ids) {
    var found = new LinkedHashMap<String, Current>();
    try (Prepared p = Prepared.of(h, CURRENT_ALL)) {
      PreparedStatement s = p.statement();
      for (int from = 0; from < ids.size(); from += IDS) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS));
        for (int i = 0; i < IDS; i++) {
          s.setString(i + 1, i < chunk.size() ? chunk.get(i) : null);
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString("id");
            found.put(
                id,
                new Current(
                    rs.getString("reference"),
                    JsonColumns.readObject(rs.getString("facts"), "case '" + id + "'"),
                    rs.getLong("version")));
          }
        }
      }
    } catch (SQLException e) {
      throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
    }
    return found;
  }
}
