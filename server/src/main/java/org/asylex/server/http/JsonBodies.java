package org.asylex.server.http;

import io.javalin.config.Key;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.asylex.json.CaseJson;
import org.asylex.json.JsonInputException;

/**
 * Reads a request body that must be one JSON object, strictly: the right media type, at most the
 * configured size, no duplicate keys, nothing after the object. Values come out as {@link CaseJson}
 * gives them ({@code String}, {@code Boolean}, {@code Long}, {@code BigDecimal}, {@code List},
 * {@code Map}, {@code null}). Problems name the line and column but never echo the input.
 */
public final class JsonBodies {
  /** The configured body limit, set by the server. */
  public static final Key<Long> MAX_BYTES = new Key<>("asylex.maxBodyBytes");

  /** The media type of JSON bodies. */
  public static final String JSON = "application/json";

  /** The media type PATCH also accepts (RFC 7396). */
  public static final String MERGE_PATCH = "application/merge-patch+json";

  /** The one parameter a JSON body's Content-Type may carry: UTF-8, which JSON is anyway. */
  private static final Pattern UTF_8_ONLY =
      Pattern.compile("charset\\s*=\\s*(\"utf-8\"|utf-8)\\s*;?", Pattern.CASE_INSENSITIVE);

  private JsonBodies() {}

  /**
   * The body as a JSON object.
   *
   * @throws ApiProblem 415 for another media type than {@code application/json} (or {@code
   *     application/merge-patch+json} on PATCH), 413 over the limit, 400 {@code malformed-json}
   *     (pointer "") for anything that is not one JSON object
   */
  public static Map<String, Object> read(Context ctx) {
    requireMediaType(ctx);
    long max = maxBytes(ctx);
    if (ctx.req().getContentLengthLong() > max) {
      throw Problems.bodyTooLarge();
    }
    byte[] bytes;
    try {
      bytes = readLimited(ctx.bodyInputStream(), max);
    } catch (IOException | RuntimeException e) {
      if (SlowClients.TooSlow.in(e)) {
        throw Problems.generic(408);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw malformed("unreadable", "The body could not be read.");
    }
    if (bytes.length > max) {
      throw Problems.bodyTooLarge();
    }
    try {
      return CaseJson.read(bytes, "request body", max);
    } catch (JsonInputException e) {
      throw problem(e);
    }
  }

  private static long maxBytes(Context ctx) {
    try {
      return ctx.appData(MAX_BYTES);
    } catch (RuntimeException unset) {
      return CaseJson.MAX_BYTES;
    }
  }

  private static void requireMediaType(Context ctx) {
    // The raw header: the servlet's own reading of it fails on a charset Java does not know.
    String contentType = ctx.header("Content-Type");
    String type = mediaType(contentType);
    boolean patch = ctx.method().equals(HandlerType.PATCH);
    boolean json = JSON.equals(type);
    boolean mergePatch = MERGE_PATCH.equals(type) && patch;
    if (!json && !mergePatch) {
      throw new ApiProblem(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          patch
              ? "The body must be application/json or application/merge-patch+json."
              : "The body must be application/json.");
    }
    String parameters = parametersOf(contentType);
    if (!parameters.isEmpty() && !UTF_8_ONLY.matcher(parameters).matches()) {
      throw new ApiProblem(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "The body must be UTF-8 JSON: the only parameter Content-Type may have is charset=utf-8.");
    }
    requireNoCoding(ctx);
  }

  /**
   * Refuses a body sent compressed or otherwise encoded: the server reads bodies only as they are,
   * so an encoding it would ignore is refused rather than read as something else.
   */
  private static void requireNoCoding(Context ctx) {
    String encoding = ctx.header("Content-Encoding");
    if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
      throw new ApiProblem(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "The body must not be encoded: send it without Content-Encoding.");
    }
    String transfer = ctx.header("Transfer-Encoding");
    if (transfer != null && !transfer.strip().equalsIgnoreCase("chunked")) {
      throw new ApiProblem(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "The body must not be encoded: the only Transfer-Encoding taken is chunked.");
    }
  }

  /** The parameters of a Content-Type header after the media type, stripped; "" when none. */
  static String parametersOf(String contentType) {
    if (contentType == null || contentType.indexOf(';') < 0) {
      return "";
    }
    return contentType.substring(contentType.indexOf(';') + 1).strip();
  }

  /** The media type of a Content-Type header without parameters, lower case; "" when absent. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static byte[] readLimited(InputStream in, long max) throws IOException {
    var buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int n;
    while ((n = in.read(chunk)) != -1) {
      buffer.write(chunk, 0, n);
      if (buffer.size() > max) {
        break;
      }
    }
    return buffer.toByteArray();
  }

  private static ApiProblem problem(JsonInputException e) {
    String where = e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "";
    switch (e.code()) {
      case "too-large":
        return Problems.bodyTooLarge();
      case "duplicate-key":
        return malformed(e.code(), "A key appears twice in one object" + where + ".");
      case "not-an-object":
        return malformed(e.code(), "The body must be one JSON object" + where + ".");
      case "empty":
        return malformed(e.code(), "The body is empty; it must be one JSON object.");
      default:
        if (e.problem().contains("not valid UTF-8")) {
          return malformed(e.code(), "The body is not valid UTF-8" + where + ".");
        }
        // the parser's own message may quote the input: keep only where it went wrong
        return malformed(e.code(), "The body is not valid JSON" + where + ".");
    }
  }

  private static ApiProblem malformed(String code, String detail) {
    return new ApiProblem(
        ProblemType.MALFORMED_JSON, detail, List.of(FieldError.at("", code, detail)));
  }
}
