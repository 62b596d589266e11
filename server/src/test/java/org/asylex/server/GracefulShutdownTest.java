package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.Test;

/**
 * {@code stop()} lets a request in flight finish and store what it stores, then returns; after it,
 * nothing connects.
 */
class GracefulShutdownTest {
  private static boolean refuses(int port) {
    try {
      new Socket("127.0.0.1", port).close();
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static void await(String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("gave up waiting until " + what);
  }

  @Test
  void aRequestInFlightCompletesAndLaterOnesCannotConnect() throws Exception {
    TestServer server = TestServer.start(config -> config.withStopTimeout(Duration.ofSeconds(20)));
    try {
      int port = server.server().port();
      byte[] body =
          "{\"name\":\"late-arrival\",\"role\":\"auditor\"}".getBytes(StandardCharsets.UTF_8);
      String head =
          "POST /api/v1/users HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
              + "Authorization: Bearer "
              + server.token(Role.ADMIN)
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\n\r\n";
      try (Socket slow = new Socket("127.0.0.1", port);
          Socket idle = new Socket("127.0.0.1", port)) {
        idle.setSoTimeout(30_000);
        String health = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n";
        idle.getOutputStream().write(health.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(RawHttp.readOne(idle.getInputStream()).status()).isEqualTo(200);

        slow.setSoTimeout(30_000);
        OutputStream out = slow.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, 10);
        out.flush();
        // The handler is now waiting for the rest of the body.
        await("the request is in flight", () -> server.server().requestsInFlight() == 1);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server.server()::stop);
        await("the server stops accepting connections", () -> refuses(port));
        assertThat(stopping).isNotDone();

        // A new request on a connection opened before: refused with 503, or the connection is
        // closed; never handled.
        try {
          idle.getOutputStream().write(health.getBytes(StandardCharsets.ISO_8859_1));
          RawHttp.Answer refused = RawHttp.readOne(idle.getInputStream());
          assertThat(refused.status()).isEqualTo(503);
          assertThat(refused.headers().get("content-type")).startsWith("application/problem+json");
          assertThat(refused.body()).contains("urn:asylex:problem:unavailable");
        } catch (IOException closed) {
          // closed by the server: also a refusal
        }

        out.write(body, 10, body.length - 10);
        out.flush();
        InputStream in = slow.getInputStream();
        RawHttp.Answer answer = RawHttp.read(in);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body()).contains("\"late-arrival\"");

        stopping.get(30, TimeUnit.SECONDS);
      }
      assertThat(server.store().users().find("late-arrival")).isPresent();
      assertThat(server.store().audit().verify().intact()).isTrue();
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .isInstanceOf(ConnectException.class);
    } finally {
      server.close();
    }
  }
}
