package org.asylex.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asylex.json.Json;

/**
 * The API description and its browsable page, all read from the class path once at start: the
 * OpenAPI document (YAML in the jar, served as JSON) and Swagger UI from its webjar, so the page
 * works without any network beyond this server.
 */
public final class ApiDocs {
  /** Where the OpenAPI document is on the class path. */
  public static final String OPENAPI_RESOURCE = "/org/asylex/server/openapi.yaml";

  /** The Swagger UI version of the webjar the server depends on. */
  static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.34.1/";

  /** The page's own script: a separate file so the page's policy can forbid inline script. */
  static final String INIT_JS =
      "window.addEventListener('load', function () {\n"
          + "  window.ui = SwaggerUIBundle({\n"
          + "    url: 'openapi.json',\n"
          + "    dom_id: '#swagger-ui',\n"
          + "    deepLinking: true,\n"
          + "    presets: [SwaggerUIBundle.presets.apis],\n"
          + "    layout: 'BaseLayout'\n"
          + "  });\n"
          + "});\n";

  static final String PAGE =
      "<!DOCTYPE html>\n"
          + "<html lang=\"en\">\n"
          + "<head>\n"
          + "<meta charset=\"utf-8\">\n"
          + "<title>Asylex API</title>\n"
          + "<link rel=\"stylesheet\" href=\"api-docs/swagger-ui.css\">\n"
          + "</head>\n"
          + "<body>\n"
          + "<div id=\"swagger-ui\"></div>\n"
          + "<script src=\"api-docs/swagger-ui-bundle.js\"></script>\n"
          + "<script src=\"api-docs/init.js\"></script>\n"
          + "</body>\n"
          + "</html>\n";

  /**
   * The page's policy: scripts and styles from this server only, no inline script. Swagger UI sets
   * inline styles, which 'unsafe-inline' for styles allows; they cannot run code.
   */
  public static final String PAGE_CSP =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
          + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /** A file the page loads, with its media type. */
  public record Asset(String mediaType, byte[] content) {}

  private final byte[] openApiJson;
  private final Map<String, Asset> assets;

  private ApiDocs(byte[] openApiJson, Map<String, Asset> assets) {
    this.openApiJson = openApiJson;
    this.assets = assets;
  }

  /**
   * Reads the document and the page's files.
   *
   * @throws IllegalStateException when one is missing or the document is not valid YAML: the server
   *     must not start without its description
   */
  public static ApiDocs load() {
    JsonNode document = openApi();
    try {
      byte[] json = Json.MAPPER.writeValueAsBytes(document);
      Map<String, Asset> assets = new LinkedHashMap<>();
      assets.put(
          "/api-docs/swagger-ui-bundle.js",
          new Asset(
              "text/javascript; charset=utf-8", resource(SWAGGER_UI + "swagger-ui-bundle.js")));
      assets.put(
          "/api-docs/swagger-ui.css",
          new Asset("text/css; charset=utf-8", resource(SWAGGER_UI + "swagger-ui.css")));
      assets.put(
          "/api-docs/init.js",
          new Asset("text/javascript; charset=utf-8", INIT_JS.getBytes(StandardCharsets.UTF_8)));
      return new ApiDocs(json, Map.copyOf(assets));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OpenAPI document as a tree, read from the class path. */
  public static JsonNode openApi() {
    try {
      return parse(resource(OPENAPI_RESOURCE));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + OPENAPI_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses an OpenAPI document. A key given twice is refused: YAML readers disagree on which one
   * wins (Jackson keeps the last, the linters refuse the file), so the served document and the
   * linted one could differ.
   */
  static JsonNode parse(byte[] yaml) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    JsonNode document = mapper.readTree(yaml);
    if (document == null || !document.has("openapi") || !document.has("paths")) {
      throw new IllegalStateException(OPENAPI_RESOURCE + " is not an OpenAPI document");
    }
    return document;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the class path: " + name);
      }
      return in.readAllBytes();
    }
  }

  /** The OpenAPI document as JSON (shared: do not change it). */
  byte[] openApiJson() {
    return openApiJson;
  }

  /** The page's files by path: Swagger UI's script and style sheet, and the page's own script. */
  public Map<String, Asset> assets() {
    return assets;
  }
}
