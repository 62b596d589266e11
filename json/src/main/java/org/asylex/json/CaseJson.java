package org.asylex.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a case: one JSON object of facts (fact name to value), as raw values for {@link
 * org.asylex.engine.assessment.CaseInput#validate}. Values come out as {@link String}, {@link
 * Boolean}, {@link Long} (whole numbers that fit), {@link BigDecimal} (other numbers), {@link
 * List}, {@link Map} (insertion ordered) and {@code null}.
 *
 * <p>Strict on purpose: a duplicate key, trailing content after the object, another top level than
 * an object, or a document over {@link #MAX_BYTES} is an error. Errors name the line and column and
 * never echo more than a short token of the input: case data is special-category personal data.
 */
public final class CaseJson {
  /** The largest case document accepted: 1 MiB. A case is a few hundred bytes. */
  public static final int MAX_BYTES = 1 << 20;

  /** Messages from the parser are cut to this length, so they never echo much of the input. */
  private static final int MAX_MESSAGE = 200;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  private CaseJson() {}

  /**
   * Reads a case document from a stream (UTF-8, or UTF-16/32 with a byte order mark). The stream is
   * read up to {@link #MAX_BYTES} plus one byte and not closed.
   *
   * @param sourceName how errors name the document, e.g. the file name or {@code <stdin>}
   */
  public static Map<String, Object> read(InputStream in, String sourceName)
      throws JsonInputException {
    byte[] bytes;
    try {
      bytes = readLimited(in);
    } catch (IOException e) {
      throw new JsonInputException(
          sourceName, "unreadable", 0, 0, "cannot read the case: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(sourceName);
    }
    return parse(bytes, sourceName);
  }

  /**
   * Reads a document already read into memory, with a limit of its own (the HTTP API's configured
   * body limit, which may be above {@link #MAX_BYTES}).
   */
  public static Map<String, Object> read(byte[] bytes, String sourceName, long maxBytes)
      throws JsonInputException {
    if (bytes.length > maxBytes) {
      throw new JsonInputException(
          sourceName, "too-large", 0, 0, "the document is larger than " + maxBytes + " bytes");
    }
    return parse(bytes, sourceName);
  }

  /** Reads a case document given as text. */
  public static Map<String, Object> read(String json, String sourceName) throws JsonInputException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(sourceName);
    }
    return parse(bytes, sourceName);
  }

  private static JsonInputException tooLarge(String sourceName) {
    return new JsonInputException(
        sourceName,
        "too-large",
        0,
        0,
        "the case is larger than " + (MAX_BYTES >> 10) + " KiB; a case is one object of facts");
  }

  private static byte[] readLimited(InputStream in) throws IOException {
    var buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int n;
    while ((n = in.read(chunk)) != -1) {
      buffer.write(chunk, 0, n);
      if (buffer.size() > MAX_BYTES) {
        break;
      }
    }
    return buffer.toByteArray();
  }

  private static Map<String, Object> parse(byte[] bytes, String sourceName)
      throws JsonInputException {
    requireWellFormedUtf8(bytes, sourceName);
    try (JsonParser p = FACTORY.createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new JsonInputException(
            sourceName, "empty", 0, 0, "the case is empty; expected a JSON object of facts {…}");
      }
      if (first != JsonToken.START_OBJECT) {
        JsonLocation at = p.currentTokenLocation();
        throw new JsonInputException(
            sourceName,
            "not-an-object",
            at.getLineNr(),
            at.getColumnNr(),
            "the case must be a JSON object of facts {…}, not " + describe(first));
      }
      Map<String, Object> facts = object(p);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new JsonInputException(
            sourceName,
            "malformed-json",
            at.getLineNr(),
            at.getColumnNr(),
            "unexpected content after the case object");
      }
      return facts;
    } catch (StreamReadException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
      int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
      String message = e.getOriginalMessage();
      if (message != null
          && (message.startsWith("Duplicate field")
              || message.startsWith("Duplicate Object property"))) {
        String name = duplicateName(e);
        throw new JsonInputException(
            sourceName,
            "duplicate-key",
            line,
            column,
            "duplicate key '" + name + "': each fact may be given only once");
      }
      throw new JsonInputException(
          sourceName, "malformed-json", line, column, "malformed JSON: " + plain(message));
    } catch (IOException e) {
      // Character decoding problems and the parser's limits (nesting depth, number length)
      // arrive as other IOExceptions.
      throw new JsonInputException(
          sourceName, "malformed-json", 0, 0, "malformed JSON: " + plain(e.getMessage()));
    }
  }

  /**
   * Refuses UTF-8 that is not well formed, overlong forms above all ({@code C0 AF} for '/', {@code
   * C0 80} for NUL), which the parser would otherwise decode: a document in UTF-16 or UTF-32 (a
   * zero byte among the first two, or their byte order mark) is left to the parser.
   */
  private static void requireWellFormedUtf8(byte[] bytes, String sourceName)
      throws JsonInputException {
    if (bytes.length >= 2
        && (bytes[0] == 0
            || bytes[1] == 0
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      return;
    }
    int at = Utf8.firstMalformed(bytes);
    if (at >= 0) {
      int[] lineColumn = Utf8.lineAndColumn(bytes, at);
      throw new JsonInputException(
          sourceName,
          "malformed-json",
          lineColumn[0],
          lineColumn[1],
          "malformed JSON: not valid UTF-8 (an invalid or overlong byte sequence)");
    }
  }

  private static String duplicateName(StreamReadException e) {
    try {
      JsonParser p = e.getProcessor();
      if (p != null && p.currentName() != null) {
        return p.currentName();
      }
    } catch (IOException | RuntimeException ignored) {
      // fall through to the message
    }
    String m = e.getOriginalMessage();
    int open = m.indexOf('\'') >= 0 ? m.indexOf('\'') : m.indexOf('"');
    int close = open < 0 ? -1 : m.indexOf(m.charAt(open), open + 1);
    return open >= 0 && close > open ? m.substring(open + 1, close) : "?";
  }

  /** Reads the object whose START_OBJECT is the current token. */
  private static Map<String, Object> object(JsonParser p) throws IOException {
    var map = new LinkedHashMap<String, Object>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, value(p));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("the parser ended an object with " + t);
    }
    return map;
  }

  private static List<Object> array(JsonParser p) throws IOException {
    var list = new ArrayList<Object>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IllegalStateException("the parser ended an array early");
      }
      list.add(value(p));
    }
    return list;
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        return object(p);
      case START_ARRAY:
        return array(p);
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT:
        JsonParser.NumberType type = p.getNumberType();
        if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
          return p.getLongValue();
        }
        return new BigDecimal(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      default:
        throw new IllegalStateException("unexpected token " + t);
    }
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
  }

  /**
   * The parser's message in the reader's words: a limit of the parser is named by what it limits,
   * not by the parser's own setting ({@code StreamReadConstraints.getMaxNestingDepth()}).
   */
  private static String plain(String message) {
    if (message == null || !message.contains("StreamReadConstraints")) {
      return shorten(message);
    }
    var limits = FACTORY.streamReadConstraints();
    if (message.contains("getMaxNestingDepth")) {
      return "nested more than " + limits.getMaxNestingDepth() + " levels deep";
    }
    if (message.contains("getMaxNumberLength")) {
      return "a number has more than " + limits.getMaxNumberLength() + " digits";
    }
    if (message.contains("getMaxNameLength")) {
      return "a key is longer than " + limits.getMaxNameLength() + " characters";
    }
    if (message.contains("getMaxStringLength")) {
      return "a string is longer than " + limits.getMaxStringLength() + " characters";
    }
    return "the document is larger than the reader allows";
  }

  private static String shorten(String message) {
    if (message == null) {
      return "unreadable input";
    }
    String one = message.replaceAll("\\s+", " ").strip();
    return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "…";
  }
}
