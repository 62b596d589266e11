package org.asylex.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.asylex.server.api.ApiDocs;
import org.asylex.server.http.ApiRoute;

/**
 * The API description as a test oracle: which operations it has, and whether a response matches
 * what it says for that operation, status and content type (JSON Schema 2020-12, with the
 * document's {@code #/components/...} references resolved within it).
 */
final class OpenApiContract {
  private static final String DOCUMENT_URI = "urn:asylex:openapi";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode document) throws Exception {
    this.document = document;
    String json = new ObjectMapper().writeValueAsString(document);
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(DOCUMENT_URI, json)));
  }

  /** The document the server serves, from the class path. */
  static OpenApiContract load() {
    try {
      return new OpenApiContract(ApiDocs.openApi());
    } catch (Exception e) {
      throw new IllegalStateException("cannot load the API description", e);
    }
  }

  JsonNode document() {
    return document;
  }

  /** Every operation of the document as {@code METHOD path} to its operationId. */
  Map<String, String> operations() {
    Map<String, String> operations = new TreeMap<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (METHODS.contains(op.getKey())) {
                            operations.put(
                                op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                op.getValue().path("operationId").asText(""));
                          }
                        }));
    return operations;
  }

  /** The route table as {@code METHOD path} to operationId. */
  static Map<String, String> operations(List<ApiRoute> routes) {
    Map<String, String> operations = new TreeMap<>();
    for (ApiRoute route : routes) {
      operations.put(route.method().name() + " " + route.path(), route.operationId());
    }
    return operations;
  }

  /** The protected routes whose operation does not list both 401 and 403. */
  List<String> protectedWithout401And403(List<ApiRoute> routes) {
    List<String> missing = new ArrayList<>();
    for (ApiRoute route : routes) {
      JsonNode op = operation(route.method().name(), route.path());
      if (route.isPublic() || op.isMissingNode()) {
        continue;
      }
      JsonNode responses = op.path("responses");
      if (!responses.has("401") || !responses.has("403")) {
        missing.add(route.toString());
      }
    }
    return missing;
  }

  /** The public routes whose operation does not say {@code security: []}. */
  List<String> publicWithoutEmptySecurity(List<ApiRoute> routes) {
    List<String> wrong = new ArrayList<>();
    for (ApiRoute route : routes) {
      JsonNode op = operation(route.method().name(), route.path());
      if (route.isPublic() && !op.isMissingNode()) {
        JsonNode security = op.path("security");
        if (!security.isArray() || security.size() != 0) {
          wrong.add(route.toString());
        }
      }
    }
    return wrong;
  }

  private JsonNode operation(String method, String path) {
    return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
  }

  /**
   * What is wrong with an exchange according to the document: an undocumented status or content
   * type, or a body that does not match the schema. Empty when it conforms, or when it hit no
   * route.
   */
  List<String> check(ApiClient.Exchange exchange) {
    if (exchange.route().isEmpty() || exchange.method().equals("HEAD")) {
      return List.of();
    }
    String route = exchange.route().get();
    String where = exchange.method() + " " + route + " -> " + exchange.status();
    JsonNode op = operation(exchange.method(), route);
    if (op.isMissingNode()) {
      return List.of(where + ": the operation is not in the document");
    }
    String pointer = "/paths/" + escape(route) + "/" + exchange.method().toLowerCase(Locale.ROOT);
    pointer += "/responses";
    JsonNode responses = op.path("responses");
    String status = String.valueOf(exchange.status());
    String range = status.charAt(0) + "XX";
    String key = responses.has(status) ? status : responses.has(range) ? range : "default";
    JsonNode response = responses.path(key);
    if (response.isMissingNode()) {
      return List.of(where + ": the status is not documented for this operation");
    }
    pointer += "/" + key;
    if (response.has("$ref")) {
      pointer = response.get("$ref").asText().substring(1);
      response = document.at(pointer);
    }
    String type = mediaType(exchange.contentType());
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return exchange.body().isEmpty()
          ? List.of()
          : List.of(where + ": a body, but the document describes none");
    }
    if (!content.has(type)) {
      return List.of(
          where + ": content type '" + type + "' is not documented (" + names(content) + ")");
    }
    if (!type.endsWith("json")) {
      return List.of();
    }
    String schemaPointer = pointer + "/content/" + escape(type) + "/schema";
    Schema schema = schemas.computeIfAbsent(schemaPointer, this::schema);
    List<Error> errors = schema.validate(exchange.body(), InputFormat.JSON);
    List<String> problems = new ArrayList<>();
    for (Error error : errors.subList(0, Math.min(5, errors.size()))) {
      problems.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage());
    }
    return problems;
  }

  private Schema schema(String pointer) {
    String fragment =
        URLEncoder.encode(pointer, StandardCharsets.UTF_8)
            .replace("%2F", "/")
            .replace("%7E", "~")
            .replace("+", "%20");
    return registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + fragment));
  }

  private static String names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return String.join(", ", names);
  }

  /** A JSON pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
