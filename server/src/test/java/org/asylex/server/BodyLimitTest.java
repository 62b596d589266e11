package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.asylex.app.users.Role;
import org.junit.jupiter.api.Test;

/**
 * The configured body limit is the limit (issue 13): with {@code --max-body} above 1 MiB a body
 * between 1 MiB and the limit is read, not refused by the JSON reader's own 1 MiB.
 */
class BodyLimitTest {
  @Test
  void aBodyAbove1MiBIsReadWhenTheLimitIsHigher() {
    try (TestServer server = TestServer.start(config -> config.withMaxBodyBytes(2L << 20))) {
      String padding = " ".repeat(1_500_000);
      String body =
          "{\"asOf\":\"2023-01-15\"," + padding + "\"facts\":{\"countryOfOrigin\":\"RU\"}}";
      var response = server.client().post("/api/v1/assessments", server.token(Role.OFFICER), body);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);

      String tooLarge = "{\"asOf\":\"2023-01-15\"," + " ".repeat(2_200_000) + "\"facts\":{}}";
      var refused =
          RawHttp.exchange(
              server.server().port(),
              "POST /api/v1/assessments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + server.token(Role.OFFICER)
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + tooLarge.length()
                  + "\r\nConnection: close\r\n\r\n",
              tooLarge.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(refused.status()).isEqualTo(413);
    }
  }
}
