package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.asylex.app.users.Role;
import org.asylex.server.http.RequestDeadlines;
import org.junit.jupiter.api.Test;

/**
 * Slow clients (issue 13, slow request bodies and headers), bounded to seconds: hundreds of
 * connections that send a request's body or headers a byte at a time must not hold the server's
 * threads, so {@code /health} still answers while they are open.
 */
class SlowClientsTest {
  private static final int SLOW_BODIES = 300;

  /** Opens a connection that sends a request's head and the first byte of its body, then stalls. */
  private static Socket stalledBody(int port, String token) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    String head =
        "POST /api/v1/assessments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + token
            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return socket;
  }

  private static long healthMillis(ApiClient client) {
    long start = System.nanoTime();
    assertThat(client.get("/health").status()).isEqualTo(200);
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void stalledBodiesHoldNoThreadsSoHealthStillAnswers() throws Exception {
    try (TestServer server = TestServer.start()) {
      ApiClient client = server.client();
      String token = server.token(Role.OFFICER);
      assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200); // cached
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < SLOW_BODIES; i++) {
          slow.add(stalledBody(server.server().port(), token));
        }
        Thread.sleep(1_000); // every request authenticated and waiting for its body
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          times.add(healthMillis(client));
        }
        assertThat(times)
            .as("/health under %d stalled bodies, ms", SLOW_BODIES)
            .allMatch(t -> t < 2_000);
        assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200);
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
        // the server sees the connections end before it is stopped
        for (int i = 0; i < 100 && server.server().requestsInFlight() > 0; i++) {
          Thread.sleep(50);
        }
      }
    }
  }

  /**
   * Sends the next byte of a request head that never ends: true while the server waits for more,
   * false once it has answered (408) or closed the connection.
   */
  private static boolean drip(Socket socket, int n) {
    String head = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";
    try {
      socket.getOutputStream().write(n < head.length() ? head.charAt(n) : 'a');
      socket.getOutputStream().flush();
      socket.setSoTimeout(1);
      socket.getInputStream().read(); // an answer or the end: either way the server is done
      return false;
    } catch (SocketTimeoutException waiting) {
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  /**
   * Headers sent a byte a second never end a request; Jetty alone kept such connections open for
   * good. Now they are cut off at the header deadline (10 s), and /health answers meanwhile.
   */
  @Test
  void dripFedHeadersAreCutOffAtTheHeaderDeadline() throws Exception {
    try (TestServer server = TestServer.start()) {
      ApiClient client = server.client();
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 200; i++) {
          slow.add(new Socket("127.0.0.1", server.server().port()));
        }
        long start = System.nanoTime();
        List<Socket> open = new ArrayList<>(slow);
        int n = 0;
        List<Long> health = new ArrayList<>();
        while (!open.isEmpty() && System.nanoTime() - start < 14_000_000_000L) {
          final int at = n++;
          open.removeIf(socket -> !drip(socket, at));
          health.add(healthMillis(client));
          Thread.sleep(1_000);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertThat(open)
            .as("connections still open after %d s of dripped headers", seconds)
            .isEmpty();
        assertThat(seconds).isBetween(9L, 13L);
        assertThat(health).as("/health meanwhile, ms").allMatch(t -> t < 2_000);
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
      }
    }
  }

  /** What a client that stalls gets once its deadline passes: a 408 problem, then the end. */
  private static String cutOff(Socket socket) throws IOException {
    socket.setSoTimeout(10_000);
    var bytes = new java.io.ByteArrayOutputStream();
    try {
      socket.getInputStream().transferTo(bytes);
    } catch (IOException reset) {
      // the server closed the connection
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBodyOverItsDeadlineOrUnderTheMinimumRateIs408() throws Exception {
    var deadlines =
        new RequestDeadlines(
            java.time.Duration.ofSeconds(1),
            java.time.Duration.ofSeconds(2),
            100,
            java.time.Duration.ofMillis(500));
    try (TestServer server = TestServer.start(config -> config.withDeadlines(deadlines))) {
      String token = server.token(Role.OFFICER);
      long start = System.nanoTime();
      try (Socket stalled = stalledBody(server.server().port(), token)) {
        String answer = cutOff(stalled);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(
            "SlowClientsTest: stalled body cut off after "
                + millis
                + " ms: "
                + answer.replace("\r", "<CR>").replace("\n", "<LF>"));
        assertThat(millis).isBetween(400L, 4_000L);
        assertThat(answer)
            .startsWith("HTTP/1.1 408")
            .contains("urn:asylex:problem:request-timeout");
      }
      try (Socket slowHead = new Socket("127.0.0.1", server.server().port())) {
        slowHead
            .getOutputStream()
            .write("GET /health HTTP/1.1\r\nX-A: ".getBytes(StandardCharsets.ISO_8859_1));
        String answer = cutOff(slowHead);
        System.out.println("SlowClientsTest: stalled head: " + answer);
        assertThat(answer).isEmpty();
      }
      assertThat(server.client().get("/health").status()).isEqualTo(200);
    }
  }
}
