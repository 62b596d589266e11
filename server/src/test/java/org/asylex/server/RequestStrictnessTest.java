package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A request means one thing (issue 13, defects 5 and 7 and lenient parsing): a charset the server
 * does not read, an encoded body, a header that must come once given twice, or a number written
 * with a sign or in another script's digits is refused, never read as something else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestStrictnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CASE = "{\"id\":\"S-1\",\"facts\":{\"countryOfOrigin\":\"RU\"}}";

  private TestServer server;
  private ApiClient client;

  @BeforeAll
  void start() {
    server = TestServer.start();
    client = server.client();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String officer() {
    return server.token(Role.OFFICER);
  }

  private RawHttp.Answer raw(String method, String path, List<String> headers, String body) {
    var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    headers.forEach(h -> head.append(h).append("\r\n"));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    head.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
    return RawHttp.exchange(server.server().port(), head.toString(), bytes);
  }

  private static JsonNode problem(RawHttp.Answer answer, int status, String type) throws Exception {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo("urn:asylex:problem:" + type);
    return problem;
  }

  @Test
  void aCharsetOtherThanUtf8Is415OnEveryBodyRoute() throws Exception {
    String admin = server.token(Role.ADMIN);
    for (String charset : List.of("bogus", "latin1", "utf-16", "\"x\"", "")) {
      String type = "Content-Type: application/json; charset=" + charset;
      problem(
          raw("POST", "/api/v1/cases", List.of(type, "Authorization: Bearer " + officer()), CASE),
          415,
          "unsupported-media-type");
      problem(
          raw(
              "POST",
              "/api/v1/assessments",
              List.of(type, "Authorization: Bearer " + officer()),
              "{}"),
          415,
          "unsupported-media-type");
      problem(
          raw("POST", "/api/v1/users", List.of(type, "Authorization: Bearer " + admin), "{}"),
          415,
          "unsupported-media-type");
      problem(
          raw(
              "PATCH",
              "/api/v1/cases/S-9",
              List.of(type, "Authorization: Bearer " + officer(), "If-Match: \"1\""),
              "{}"),
          415,
          "unsupported-media-type");
    }
    problem(
        raw(
            "POST",
            "/api/v1/cases",
            List.of(
                "Content-Type: application/json; profile=x", "Authorization: Bearer " + officer()),
            CASE),
        415,
        "unsupported-media-type");
    for (String good : List.of("utf-8", "UTF-8", "\"utf-8\"")) {
      var ok =
          raw(
              "POST",
              "/api/v1/assessments",
              List.of(
                  "Content-Type: application/json; charset=" + good,
                  "Authorization: Bearer " + officer()),
              "{\"asOf\":\"2023-01-15\",\"facts\":{\"countryOfOrigin\":\"RU\"}}");
      assertThat(ok.status()).as(good + ": " + ok).isEqualTo(200);
    }
  }

  @Test
  void anEncodedBodyIs415() throws Exception {
    for (String coding :
        List.of("Content-Encoding: gzip", "Content-Encoding: deflate", "Content-Encoding: br")) {
      problem(
          raw(
              "POST",
              "/api/v1/cases",
              List.of(
                  "Content-Type: application/json", coding, "Authorization: Bearer " + officer()),
              CASE),
          415,
          "unsupported-media-type");
    }
    assertThat(client.get("/api/v1/cases/S-1", officer()).status()).isEqualTo(404);
  }

  @Test
  void aRepeatedAuthorizationIfMatchOrContentTypeIs400NamingIt() throws Exception {
    String admin = "Authorization: Bearer " + server.token(Role.ADMIN);
    String officer = "Authorization: Bearer " + officer();
    var twoTokens =
        raw("GET", "/api/v1/users", List.of(admin, officer, "Content-Type: application/json"), "");
    assertThat(
            problem(twoTokens, 400, "invalid-parameter")
                .path("errors")
                .path(0)
                .path("parameter")
                .asText())
        .isEqualTo("Authorization");
    var twoTokensOtherOrder = raw("GET", "/api/v1/users", List.of(officer, admin), "");
    problem(twoTokensOtherOrder, 400, "invalid-parameter");

    assertThat(
            client
                .post(
                    "/api/v1/cases",
                    officer(),
                    Map.of("id", "D-1", "facts", Map.of("countryOfOrigin", "RU")))
                .status())
        .isEqualTo(201);
    var twoEtags =
        raw(
            "PATCH",
            "/api/v1/cases/D-1",
            List.of(
                officer, "Content-Type: application/json", "If-Match: \"1\"", "If-Match: \"7\""),
            "{\"facts\":{\"lgbti\":true}}");
    assertThat(
            problem(twoEtags, 400, "invalid-parameter")
                .path("errors")
                .path(0)
                .path("parameter")
                .asText())
        .isEqualTo("If-Match");
    assertThat(client.get("/api/v1/cases/D-1", officer()).header("ETag")).contains("\"1\"");

    var twoTypes =
        raw(
            "POST",
            "/api/v1/cases",
            List.of(officer, "Content-Type: application/json", "Content-Type: text/plain"),
            CASE);
    assertThat(
            problem(twoTypes, 400, "invalid-parameter")
                .path("errors")
                .path(0)
                .path("parameter")
                .asText())
        .isEqualTo("Content-Type");
  }

  @Test
  void numbersAreAsciiDigitsWithoutASign() {
    String auditor = server.token(Role.AUDITOR);
    for (String query :
        List.of(
            "from=%2B1",
            "from=+1",
            "from=%EF%BC%91",
            "limit=%EF%BC%92",
            "limit=1%20",
            "from=-0",
            "limit=0x10",
            "from=1e2",
            "limit=%D9%A2")) {
      var response = client.get("/api/v1/audit/events?" + query, auditor);
      assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
      var cases = client.get("/api/v1/cases?" + query.replace("from", "offset"), officer());
      assertThat(cases.status()).as(query + ": " + cases).isEqualTo(400);
    }
    assertThat(client.get("/api/v1/audit/events?from=1&limit=2", auditor).status()).isEqualTo(200);
  }

  /** "RU" with its R in the overlong form C1 92 (and a NUL as C0 80): refused, not decoded. */
  @Test
  void overlongUtf8InABodyIsMalformed() throws Exception {
    for (byte[] overlong :
        List.of(new byte[] {(byte) 0xC1, (byte) 0x92}, new byte[] {(byte) 0xC0, (byte) 0x80})) {
      var body = new java.io.ByteArrayOutputStream();
      body.writeBytes(
          "{\"asOf\":\"2023-01-15\",\"facts\":{\"countryOfOrigin\":\""
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(overlong);
      body.writeBytes("U\"}}".getBytes(StandardCharsets.UTF_8));
      byte[] bytes = body.toByteArray();
      String head =
          "POST /api/v1/assessments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + officer()
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + bytes.length
              + "\r\nConnection: close\r\n\r\n";
      var answer = RawHttp.exchange(server.server().port(), head, bytes);
      assertThat(problem(answer, 400, "malformed-json").path("detail").asText()).contains("UTF-8");
    }
  }
}
