package org.asylex.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.asylex.server.http.ApiRoute;

/**
 * A small HTTP client for the tests (java.net.http). Every exchange is recorded with the route
 * template it hit, so {@link OpenApiContract} can check the responses against the API description.
 */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final List<Template> templates;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

  private record Template(String method, String path, Pattern pattern, int literals) {}

  /** One request and its answer, as the conformance check needs it. */
  public record Exchange(
      String method,
      String path,
      Optional<String> route,
      int status,
      String contentType,
      String body) {}

  /** A response: status, headers (names lower case), the body and, when it is JSON, its tree. */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    /** The first value of a header, if any. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String contentType() {
      return header("content-type").orElse("");
    }

    /** The body as JSON; fails the test when it is not. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return "Response[" + status + " " + contentType() + " " + body + "]";
    }
  }

  public ApiClient(URI base, List<ApiRoute> routes) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.templates = new ArrayList<>();
    for (ApiRoute route : routes) {
      String regex =
          route.path().replaceAll("\\{[^/}]+}", "[^/]+").replace(".", "\\.").replace("-", "\\-");
      int literals = route.path().replaceAll("\\{[^/}]+}", "").length();
      templates.add(
          new Template(route.method().name(), route.path(), Pattern.compile(regex), literals));
    }
  }

  /** A request to build: {@code client.request("POST", "/api/v1/cases").token(t).json(...)}. */
  public Request request(String method, String path) {
    return new Request(method, path);
  }

  public Response get(String path, String token) {
    return request("GET", path).token(token).send();
  }

  public Response get(String path) {
    return request("GET", path).send();
  }

  public Response post(String path, String token, Object body) {
    return request("POST", path).token(token).json(body).send();
  }

  /** Everything sent so far, oldest first. */
  public List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  /** The route template that answers this method and path, if any. */
  public Optional<String> routeOf(String method, String path) {
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    String m = method.equals("HEAD") ? "GET" : method;
    return templates.stream()
        .filter(t -> t.method().equals(m) && t.pattern().matcher(p).matches())
        .max(java.util.Comparator.comparingInt(Template::literals))
        .map(Template::path);
  }

  /** A request being built. */
  public final class Request {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    private Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    /** {@code Authorization: Bearer token}; null sends none. */
    public Request token(String token) {
      return token == null ? this : header("Authorization", "Bearer " + token);
    }

    public Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** A JSON body: a String is sent as it is, anything else is written by Jackson. */
    public Request json(Object value) {
      try {
        String text = value instanceof String ? (String) value : JSON.writeValueAsString(value);
        headers.putIfAbsent("Content-Type", "application/json");
        return body(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Raw bytes, with whatever Content-Type was set (or none). */
    public Request body(byte[] bytes) {
      this.body = bytes;
      return this;
    }

    public Response send() {
      var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
      headers.forEach(builder::header);
      builder.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<String> answer;
      try {
        answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      var response = new Response(answer.statusCode(), answer.headers().map(), answer.body());
      exchanges.add(
          new Exchange(
              method,
              path,
              routeOf(method, path),
              response.status(),
              response.contentType(),
              response.body()));
      return response;
    }
  }
}
