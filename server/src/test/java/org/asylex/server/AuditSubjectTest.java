package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.Test;

/**
 * A user change in the audit trail names the account it changed, not only who changed it (issue
 * 13), and the trail with those events still verifies.
 */
class AuditSubjectTest {
  @Test
  void userChangesNameTheAccountTheyChanged() {
    try (TestServer server = TestServer.start()) {
      ApiClient client = server.client();
      String admin = server.token(Role.ADMIN);
      assertThat(
              client
                  .post("/api/v1/users", admin, Map.of("name", "bob", "role", "officer"))
                  .status())
          .isEqualTo(201);
      assertThat(client.post("/api/v1/users/bob/token", admin, null).status()).isEqualTo(200);
      assertThat(client.post("/api/v1/users/bob/disable", admin, null).status()).isEqualTo(200);

      String auditor = server.token(Role.AUDITOR);
      JsonNode page = client.get("/api/v1/audit/events?limit=500", auditor).json();
      List<String> bobs = new ArrayList<>();
      for (JsonNode event : page.path("items")) {
        if (event.path("actor").asText().equals("admin")) {
          assertThat(event.has("subject")).as(event.toString()).isTrue();
          bobs.add(event.path("action").asText() + " " + event.path("subject").asText());
        }
      }
      assertThat(bobs).containsExactly("user.add bob", "user.token bob", "user.disable bob");
      assertThat(client.get("/api/v1/audit/verify", auditor).json().path("intact").asBoolean())
          .isTrue();
    }
  }
}
