package org.asylex.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one line of a caseload ({@code {"id", "reference"?, "facts": {…}}}) straight from its
 * bytes, for a whole caseload at a time: the same maps as {@link CaseJson#read(byte[], String,
 * long)} gives, several times faster, and the same errors.
 *
 * <p>Two paths. The fast one reads the shape nearly every line has: plain ASCII, objects nested at
 * most two deep, strings without escapes, {@code true}, {@code false} and {@code null}; names and
 * short strings come from a small table of those already seen (a caseload repeats its fact names
 * and values), so they are neither decoded nor hashed again. Anything else (an escape, a non-ASCII
 * byte, a number, an array, a duplicate key, a syntax error) goes to {@link CaseJson}, which gives
 * the value or the error exactly as it always has: the fast path only ever accepts what {@link
 * CaseJson} accepts, and gives what it gives.
 *
 * <p>Not thread-safe: one per thread; it keeps its table between lines.
 */
public final class CaseLineReader {
  private static final int NAME_SLOTS = 1 << 9;
  private static final int VALUE_SLOTS = 1 << 11;

  /** Longer names and values are not kept: ids, references and free text rarely repeat. */
  private static final int MAX_CACHED_NAME = 64;

  private static final int MAX_CACHED_VALUE = 16;

  /** A key longer than this goes to the full parser, whose limits then apply. */
  private static final int MAX_FAST_STRING = 4096;

  /** A value outside the fast path's shape. */
  private static final Object NOT_FAST = new Object();

  private final Table names = new Table(NAME_SLOTS, MAX_CACHED_NAME);
  private final Table values = new Table(VALUE_SLOTS, MAX_CACHED_VALUE);
  private byte[] bytes;
  private int pos;
  private int end;

  /**
   * The document on {@code bytes[from, to)}.
   *
   * @param sourceName how errors name the document, as for {@link CaseJson#read(byte[], String,
   *     long)}
   */
  public Map<String, Object> read(byte[] bytes, int from, int to, String sourceName)
      throws JsonInputException {
    this.bytes = bytes;
    this.pos = from;
    this.end = to;
    Map<String, Object> fast = null;
    try {
      fast = document();
    } catch (RuntimeException e) {
      fast = null; // not the fast path's shape: the full parser decides
    } finally {
      this.bytes = null;
    }
    if (fast != null) {
      return fast;
    }
    return CaseJson.read(Arrays.copyOfRange(bytes, from, to), sourceName, CaseJson.MAX_BYTES);
  }

  /** The document, or null when it is not of the fast path's shape. */
  private Map<String, Object> document() {
    skipBlanks();
    if (pos >= end || bytes[pos] != '{') {
      return null;
    }
    pos++;
    Map<String, Object> doc = object(1);
    if (doc == null) {
      return null;
    }
    skipBlanks();
    return pos == end ? doc : null;
  }

  /** The members of an object whose '{' has been read, or null. */
  private Map<String, Object> object(int depth) {
    // room for a case's facts without growing (a line's own object has three keys)
    var map = new LinkedHashMap<String, Object>(depth == 1 ? 4 : 32);
    skipBlanks();
    if (pos < end && bytes[pos] == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipBlanks();
      if (pos >= end || bytes[pos] != '"') {
        return null;
      }
      pos++;
      String name = string(names);
      if (name == null) {
        return null;
      }
      skipBlanks();
      if (pos >= end || bytes[pos] != ':') {
        return null;
      }
      pos++;
      skipBlanks();
      if (pos >= end) {
        return null;
      }
      Object value = value(depth);
      if (value == NOT_FAST) {
        return null;
      }
      int before = map.size();
      map.put(name, value);
      if (map.size() == before) {
        return null; // a duplicate key: the full parser names it
      }
      skipBlanks();
      if (pos >= end) {
        return null;
      }
      byte b = bytes[pos++];
      if (b == '}') {
        return map;
      }
      if (b != ',') {
        return null;
      }
    }
  }

  /** The value at {@code pos}, or {@link #NOT_FAST}. */
  private Object value(int depth) {
    byte b = bytes[pos];
    if (b == '"') {
      pos++;
      String s = string(values);
      return s == null ? NOT_FAST : s;
    } else if (b == 't' && literal("true")) {
      return Boolean.TRUE;
    } else if (b == 'f' && literal("false")) {
      return Boolean.FALSE;
    } else if (b == 'n' && literal("null")) {
      return null;
    } else if (b == '{' && depth < 2) {
      pos++;
      Map<String, Object> inner = object(depth + 1);
      return inner == null ? NOT_FAST : inner;
    }
    return NOT_FAST;
  }

  private boolean literal(String word) {
    int n = word.length();
    if (end - pos < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (bytes[pos + i] != word.charAt(i)) {
        return false;
      }
    }
    pos += n;
    return true;
  }

  /** The string whose opening quote has been read, or null when it is not plain ASCII. */
  private String string(Table table) {
    int start = pos;
    int hash = 0;
    while (pos < end) {
      byte b = bytes[pos];
      if (b == '"') {
        int length = pos - start;
        pos++;
        return length > MAX_FAST_STRING ? null : table.text(bytes, start, length, hash);
      }
      if (b < 0x20 || b == '\\') {
        return null; // a control character, an escape or a byte of a non-ASCII character
      }
      hash = 31 * hash + b;
      pos++;
    }
    return null;
  }

  /**
   * Texts already seen, by a hash of their bytes. The first text in a slot keeps it: the names and
   * common values of a caseload come early and stay, and a stream of unique ones (identifiers,
   * dates) does not push them out.
   */
  private static final class Table {
    private final String[] texts;
    private final byte[][] seen;
    private final int maxLength;

    Table(int slots, int maxLength) {
      this.texts = new String[slots];
      this.seen = new byte[slots][];
      this.maxLength = maxLength;
    }

    /** The text of ASCII bytes, the same instance as the last time when it is in the table. */
    String text(byte[] bytes, int start, int length, int hash) {
      if (length > maxLength) {
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
      }
      int slot = (hash ^ (hash >>> 9)) & (texts.length - 1);
      byte[] known = seen[slot];
      if (known != null) {
        if (known.length == length && same(known, bytes, start)) {
          return texts[slot];
        }
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
      }
      String s = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
      texts[slot] = s;
      seen[slot] = Arrays.copyOfRange(bytes, start, start + length);
      return s;
    }

    /** Whether {@code known} holds the bytes at {@code start}: short, so a plain loop. */
    private static boolean same(byte[] known, byte[] bytes, int start) {
      for (int i = 0; i < known.length; i++) {
        if (known[i] != bytes[start + i]) {
          return false;
        }
      }
      return true;
    }
  }

  private void skipBlanks() {
    while (pos < end) {
      byte b = bytes[pos];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return;
      }
      pos++;
    }
  }
}
