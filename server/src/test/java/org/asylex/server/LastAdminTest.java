package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.Test;

/** The last active admin cannot be disabled (issue 13): nobody could manage accounts after it. */
class LastAdminTest {
  @Test
  void theLastActiveAdminIsRefusedWith409AndStaysActive() {
    try (TestServer server = TestServer.start()) {
      ApiClient client = server.client();
      String admin = server.token(Role.ADMIN);
      String name = TestServer.userName(Role.ADMIN);

      var refused = client.post("/api/v1/users/" + name + "/disable", admin, null);

      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(refused.json().path("type").asText()).isEqualTo("urn:asylex:problem:last-admin");
      assertThat(client.get("/api/v1/me", admin).status()).isEqualTo(200);

      var second = client.post("/api/v1/users", admin, Map.of("name", "bea", "role", "admin"));
      assertThat(second.status()).isEqualTo(201);
      assertThat(client.post("/api/v1/users/" + name + "/disable", admin, null).status())
          .isEqualTo(200);
      String bea = second.json().path("token").asText();
      assertThat(client.post("/api/v1/users/bea/disable", bea, null).status()).isEqualTo(409);
    }
  }
}
