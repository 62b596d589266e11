package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.asylex.app.users.Role;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.Problems;

/**
 * Random requests at every route with a credential of a role it allows: random JSON, bodies mutated
 * from a valid one, random bytes, huge strings, deep nesting, random media types, path ids and
 * query values. Whatever comes in, the answer is never a 5xx, every error is a problem document,
 * and every JSON body parses.
 */
class FuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static TestServer server;
  private static ApiClient client;
  private static List<ApiRoute> routes;
  private static String caseId;
  private static String assessmentId;
  private static ObjectNode validFacts;

  /** One request: where, with what. */
  record Fuzz(
      ApiRoute route,
      String pathId,
      String query,
      Optional<String> contentType,
      byte[] body,
      int roleIndex) {
    @Override
    public String toString() {
      String shown = new String(body, StandardCharsets.UTF_8);
      return route
          + " id="
          + pathId
          + " query="
          + query
          + " type="
          + contentType.orElse("-")
          + " body("
          + body.length
          + ")="
          + (shown.length() > 300 ? shown.substring(0, 300) + "…" : shown);
    }
  }

  @BeforeContainer
  static void start() throws Exception {
    server = TestServer.start();
    client = server.client();
    routes = server.server().routes();
    validFacts =
        (ObjectNode)
            JSON.readTree(
                Files.readString(
                    TestServer.repoRoot().resolve("examples/conscript-refusing-service.json")));
    String officer = server.token(Role.OFFICER);
    var created = client.post("/api/v1/cases", officer, Map.of("facts", validFacts));
    assertThat(created.status()).isEqualTo(201);
    caseId = created.json().path("id").asText();
    var assessed =
        client.post(
            "/api/v1/cases/" + caseId + "/assessments", officer, Map.of("asOf", "2023-07-15"));
    assertThat(assessed.status()).isEqualTo(201);
    assessmentId = assessed.json().path("id").asText();
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 1200)
  void neverA5xxAndEveryErrorIsAProblem(@ForAll("requests") Fuzz fuzz) throws Exception {
    ApiClient.Response response = send(fuzz);
    assertThat(response.status()).as(fuzz.toString()).isBetween(200, 499);
    if (response.status() >= 400) {
      assertThat(response.contentType()).as(fuzz.toString()).startsWith(Problems.MEDIA_TYPE);
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.path("status").asInt()).isEqualTo(response.status());
      assertThat(problem.path("type").asText()).startsWith(Problems.TYPE_PREFIX);
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    } else if (response.contentType().contains("json")) {
      assertThat(JSON.readTree(response.body())).as(fuzz.toString()).isNotNull();
    }
  }

  /** Sent over a raw socket: see {@link RawHttp#exchange(int, String, byte[])}. */
  private static ApiClient.Response send(Fuzz fuzz) {
    ApiRoute route = fuzz.route();
    String path =
        route.path().replace("{id}", fuzz.pathId()).replace("{name}", fuzz.pathId()) + fuzz.query();
    var head = new StringBuilder();
    head.append(route.method().name()).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: localhost\r\nConnection: close\r\n");
    if (!route.isPublic()) {
      List<Role> allowed = new ArrayList<>(route.roles());
      head.append("Authorization: Bearer ")
          .append(server.token(allowed.get(fuzz.roleIndex() % allowed.size())))
          .append("\r\n");
    }
    fuzz.contentType().ifPresent(type -> head.append("Content-Type: ").append(type).append("\r\n"));
    byte[] body = fuzz.body();
    if (body.length > 0 || !route.method().name().equals("GET")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    RawHttp.Answer answer = RawHttp.exchange(server.server().port(), head.toString(), body);
    return new ApiClient.Response(
        answer.status(),
        answer.headers().entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
        answer.body());
  }

  @Provide
  Arbitrary<Fuzz> requests() {
    return Combinators.combine(
            Arbitraries.of(routes),
            pathIds(),
            queries(),
            contentTypes(),
            bodies(),
            Arbitraries.integers().between(0, 3))
        .as(Fuzz::new);
  }

  private static Arbitrary<String> pathIds() {
    Arbitrary<String> any =
        Arbitraries.strings().ofMinLength(1).ofMaxLength(40).map(FuzzTest::encode);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of(caseId, assessmentId)),
        net.jqwik.api.Tuple.of(
            3, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)),
        net.jqwik.api.Tuple.of(3, any),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.of("..", "%2e%2e", "%00", "a%2Fb", "%25", "x".repeat(300), "%C3%A9")));
  }

  private static Arbitrary<String> queries() {
    Arbitrary<String> names =
        Arbitraries.of(
            "from",
            "to",
            "limit",
            "offset",
            "asOf",
            "fact.countryOfOrigin",
            "fact.dateOfBirth",
            "fact.nope",
            "assumption.x",
            "explain");
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.of("1", "0", "-1", "500", "501", "2023-07-15", "2023-13-45", "", "true"),
            Arbitraries.strings().ofMaxLength(20).map(FuzzTest::encode),
            Arbitraries.longs().map(String::valueOf));
    Arbitrary<String> pair = Combinators.combine(names, values).as((n, v) -> n + "=" + v);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(
            3, pair.list().ofMinSize(1).ofMaxSize(4).map(list -> "?" + String.join("&", list))));
  }

  private static Arbitrary<Optional<String>> contentTypes() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just(Optional.of("application/json"))),
        net.jqwik.api.Tuple.of(
            3,
            Arbitraries.of(
                    "application/merge-patch+json",
                    "application/json; charset=utf-8",
                    "APPLICATION/JSON",
                    "text/plain",
                    "application/octet-stream",
                    "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded",
                    ";;;",
                    "application/json; charset=utf-16")
                .map(Optional::of)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.<String>empty())));
  }

  private static Arbitrary<byte[]> bodies() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, jsonValues(3).map(FuzzTest::bytes)),
        net.jqwik.api.Tuple.of(6, mutatedBodies().map(FuzzTest::bytes)),
        net.jqwik.api.Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 2 << 20).map(FuzzTest::huge)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(10, 5_000).map(FuzzTest::deep)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new byte[0])));
  }

  /** A valid assessment or case body with some fact names and values replaced at random. */
  private static Arbitrary<JsonNode> mutatedBodies() {
    Arbitrary<String> factNames =
        Arbitraries.oneOf(
            Arbitraries.of(iterable(validFacts.fieldNames())),
            Arbitraries.strings().ofMaxLength(15));
    Arbitrary<List<Map.Entry<String, JsonNode>>> changes =
        Combinators.combine(factNames, jsonValues(1))
            .as(Map::entry)
            .list()
            .ofMinSize(0)
            .ofMaxSize(4);
    Arbitrary<JsonNode> asOf =
        Arbitraries.oneOf(
            Arbitraries.of("2023-07-15", "1900-01-01", "2999-12-31", "2023-02-30", "yesterday")
                .map(NODES::textNode),
            jsonValues(0));
    return Combinators.combine(changes, asOf, Arbitraries.integers().between(0, 5))
        .as(
            (changed, date, shape) -> {
              ObjectNode facts = validFacts.deepCopy();
              changed.forEach(e -> facts.set(e.getKey(), e.getValue()));
              ObjectNode body = NODES.objectNode();
              switch (shape) {
                case 0:
                  return facts;
                case 1:
                  body.set("facts", facts);
                  return body;
                case 2:
                  body.set("facts", facts);
                  body.set("note", NODES.textNode("fuzz"));
                  return body;
                default:
                  body.set("asOf", date);
                  body.set("facts", facts);
                  if (shape == 4) {
                    body.set(
                        "assumptions", NODES.objectNode().put("mobilisationEnd", "2020-01-01"));
                    body.put("explain", true);
                    body.put("language", "nl");
                  }
                  if (shape == 5) {
                    body.set("name", NODES.textNode("fuzz-" + facts.size()));
                    body.set("role", NODES.textNode("auditor"));
                  }
                  return body;
              }
            });
  }

  private static Arbitrary<JsonNode> jsonValues(int depth) {
    Arbitrary<JsonNode> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(30).map(NODES::textNode),
            Arbitraries.longs().map(NODES::numberNode),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .map(NODES::numberNode),
            Arbitraries.doubles().map(NODES::numberNode),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.just(NODES.nullNode()));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<JsonNode> inner = jsonValues(depth - 1);
    Arbitrary<JsonNode> arrays =
        inner
            .list()
            .ofMaxSize(4)
            .map(
                items -> {
                  ArrayNode array = NODES.arrayNode();
                  items.forEach(array::add);
                  return array;
                });
    Arbitrary<JsonNode> objects =
        Combinators.combine(Arbitraries.strings().ofMaxLength(10), inner)
            .as(Map::entry)
            .list()
            .ofMaxSize(4)
            .map(
                entries -> {
                  ObjectNode object = NODES.objectNode();
                  entries.forEach(e -> object.set(e.getKey(), e.getValue()));
                  return object;
                });
    return Arbitraries.oneOf(scalars, arrays, objects);
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] huge(int length) {
    return ("{\"facts\":{\"x\":\"" + "y".repeat(length) + "\"}}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] deep(int depth) {
    return ("{\"facts\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> list = new ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
