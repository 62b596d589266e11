package org.asylex.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The case commands on PostgreSQL (see {@link TestPostgres}): each test gets fresh schemas, dropped
 * afterwards.
 */
class PostgresCaseCommandTest extends CaseCommandContract {
  private final List<String> schemas = new ArrayList<>();
  private String schema;
  private String fresh;

  @BeforeEach
  void schemas() {
    TestPostgres.require();
    schema = TestPostgres.createSchema();
    schemas.add(schema);
  }

  @AfterEach
  void dropSchemas() {
    schemas.forEach(TestPostgres::dropSchema);
  }

  @Override
  List<String> storeArgs() {
    return List.of("--db", TestPostgres.url(schema));
  }

  @Override
  List<String> freshStoreArgs() {
    if (fresh == null) {
      fresh = TestPostgres.createSchema();
      schemas.add(fresh);
    }
    return List.of("--db", TestPostgres.url(fresh));
  }

  @Override
  Connection connect() throws SQLException {
    return TestPostgres.connect(schema);
  }
}
