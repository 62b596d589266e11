package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.asylex.app.users.ApiTokens;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.Test;

/**
 * A token disabled or replaced outside the server (the command line, or another server on the same
 * store) stops working within about a second, not when its 60 s cache entry runs out (issue 13,
 * revocation through the command line).
 */
class RevocationTest {
  private static void awaitStatus(ApiClient client, String token, int status) throws Exception {
    long deadline = System.currentTimeMillis() + 2_500;
    int seen = -1;
    while (System.currentTimeMillis() < deadline) {
      seen = client.get("/api/v1/me", token).status();
      if (seen == status) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(seen).as("status 2.5 s after the change").isEqualTo(status);
  }

  @Test
  void anAccountDisabledWithTheCommandLineIsRefusedWithinASecond() throws Exception {
    try (TestServer server = TestServer.start()) {
      ApiClient client = server.client();
      String token = server.token(Role.OFFICER);
      assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200); // cached

      // what `asylex user disable officer` does: the store only, not through this server
      server.store().users().disable(TestServer.userName(Role.OFFICER), "root");

      awaitStatus(client, token, 401);
    }
  }

  @Test
  void aTokenReplacedWithTheCommandLineIsRefusedWithinASecond() throws Exception {
    try (TestServer server = TestServer.start()) {
      ApiClient client = server.client();
      String token = server.token(Role.AUDITOR);
      assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200); // cached

      ApiTokens.NewToken replacement = new ApiTokens(4).generate();
      server
          .store()
          .users()
          .replaceToken(
              TestServer.userName(Role.AUDITOR), replacement.id(), replacement.hash(), "root");

      awaitStatus(client, token, 401);
      assertThat(client.get("/api/v1/me", replacement.token()).status()).isEqualTo(200);
    }
  }
}
