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

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

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

  /**
   * A line of the plainest shape, read without a map: {@link #readFlat}. Reused from line to line.
   */
  public static final class Flat {
    /** The most facts a flat line holds; a line with more goes through {@link #read}. */
    static final int MAX_FACTS = 64;

    private final String[] names = new String[MAX_FACTS];
    private final Object[] values = new Object[MAX_FACTS];
    private String id;
    private int size;

    /** The line's {@code id}. */
    public String id() {
      return id;
    }

    /** How many members its {@code facts} object has. */
    public int size() {
      return size;
    }

    /** The name of member {@code i} of {@code facts}, in the order of the line. */
    public String name(int i) {
      return names[i];
    }

    /**
     * The value of member {@code i} of {@code facts}: a {@link String}, {@link Boolean} or null.
     */
    public Object value(int i) {
      return values[i];
    }
  }

  /**
   * Reads {@code bytes[from, to)} into {@code out} when it has the plainest shape of a line, the
   * shape nearly every line of a caseload has: exactly the keys {@code id} (a string), {@code
   * facts} (an object whose values are strings, {@code true}, {@code false} or {@code null}) and,
   * if given, {@code reference} (a string or {@code null}), each once, and what the fast path of
   * {@link #read} reads. For such a line, {@link #read} would give a map of the same members in the
   * same order. The names in {@code facts} are not checked for duplicates: the caller does, and
   * goes through {@link #read} for a line that has one, as for any line this returns false for.
   *
   * @return false when the line is of another shape; {@code out} is then undefined
   */
  public boolean readFlat(byte[] bytes, int from, int to, Flat out) {
    this.bytes = bytes;
    this.pos = from;
    this.end = to;
    try {
      return flatDocument(out);
    } catch (RuntimeException e) {
      return false; // not the shape: the full reader decides
    } finally {
      this.bytes = null;
    }
  }

  private boolean flatDocument(Flat out) {
    out.id = null;
    out.size = 0;
    skipBlanks();
    if (nextByte() != '{') {
      return false;
    }
    boolean facts = false;
    boolean reference = false;
    while (true) {
      skipBlanks();
      if (nextByte() != '"') {
        return false;
      }
      String name = string(names);
      if (name == null || !colon()) {
        return false;
      }
      if (name.equals("id") && out.id == null) {
        if (bytes[pos++] != '"' || (out.id = string(values)) == null) {
          return false;
        }
      } else if (name.equals("facts") && !facts) {
        facts = true;
        if (bytes[pos++] != '{' || !flatFacts(out)) {
          return false;
        }
      } else if (name.equals("reference") && !reference) {
        reference = true;
        Object value = value(2);
        if (value != null && !(value instanceof String)) {
          return false;
        }
      } else {
        return false;
      }
      skipBlanks();
      int b = nextByte();
      if (b == '}') {
        skipBlanks();
        return pos == end && facts && out.id != null;
      }
      if (b != ',') {
        return false;
      }
    }
  }

  /** The members of {@code facts}, whose '{' has been read. */
  private boolean flatFacts(Flat out) {
    skipBlanks();
    if (pos < end && bytes[pos] == '}') {
      pos++;
      return true;
    }
    while (true) {
      skipBlanks();
      if (nextByte() != '"') {
        return false;
      }
      String name = string(names);
      if (name == null || !colon() || out.size == Flat.MAX_FACTS) {
        return false;
      }
      Object value = value(2); // depth 2: an object here is not of the shape
      if (value == NOT_FAST) {
        return false;
      }
      out.names[out.size] = name;
      out.values[out.size++] = value;
      skipBlanks();
      int b = nextByte();
      if (b == '}') {
        return true;
      }
      if (b != ',') {
        return false;
      }
    }
  }

  /** The byte at {@code pos}, read, or -1 at the end of the line. */
  private int nextByte() {
    return pos < end ? bytes[pos++] : -1;
  }

  /** Reads blanks, a ':' and blanks: whether there was a ':' and then something. */
  private boolean colon() {
    skipBlanks();
    if (pos >= end || bytes[pos] != ':') {
      return false;
    }
    pos++;
    skipBlanks();
    return pos < end;
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
    } else if (b == 't' && literal(TRUE_BYTES, 4)) {
      return Boolean.TRUE;
    } else if (b == 'f' && literal(FALSE_BYTES, 5)) {
      return Boolean.FALSE;
    } else if (b == 'n' && literal(NULL_BYTES, 4)) {
      return null;
    } else if (b == '{' && depth < 2) {
      pos++;
      Map<String, Object> inner = object(depth + 1);
      return inner == null ? NOT_FAST : inner;
    }
    return NOT_FAST;
  }

  /**
   * Reads the {@code n} bytes of a literal ({@code expected}, little-endian) when they are next.
   */
  private boolean literal(long expected, int n) {
    if (end - pos < n) {
      return false;
    }
    if (pos + 8 <= bytes.length) {
      // the next eight bytes masked to the literal's length: one comparison
      if ((((long) LONGS.get(bytes, pos)) & ((1L << (8 * n)) - 1)) != expected) {
        return false;
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (bytes[pos + i] != (byte) (expected >>> (8 * i))) {
          return false;
        }
      }
    }
    pos += n;
    return true;
  }

  private static final long TRUE_BYTES = littleEndian("true");
  private static final long FALSE_BYTES = littleEndian("false");
  private static final long NULL_BYTES = littleEndian("null");

  private static long littleEndian(String word) {
    long v = 0;
    for (int i = word.length() - 1; i >= 0; i--) {
      v = v << 8 | word.charAt(i);
    }
    return v;
  }

  /** The string whose opening quote has been read, or null when it is not plain ASCII. */
  private String string(Table table) {
    int start = pos;
    int i = pos;
    // eight bytes at a time; the first special byte ends the string or leaves the fast path
    while (i + 8 <= end) {
      long special = special((long) LONGS.get(bytes, i));
      if (special != 0) {
        i += Long.numberOfTrailingZeros(special) >>> 3;
        break;
      }
      i += 8;
    }
    while (i < end) {
      byte b = bytes[i];
      if (b == '"') {
        int length = i - start;
        pos = i + 1;
        return length > MAX_FAST_STRING ? null : table.text(bytes, start, length);
      }
      if (b < 0x20 || b == '\\') {
        pos = i;
        return null; // a control character, an escape or a byte of a non-ASCII character
      }
      i++;
    }
    pos = i;
    return null;
  }

  /**
   * The high bit of each of the eight bytes of {@code w} (little-endian) that is a '"', a '\\',
   * below 0x20 or not ASCII, and perhaps of some after the first such byte: a borrow only runs from
   * a lower byte to a higher one, and only from a byte that is marked, so the lowest mark is right.
   */
  private static long special(long w) {
    long nonAscii = w & HIGH_BITS;
    long control = (w - 0x2020202020202020L) & ~w & HIGH_BITS;
    long quote = w ^ 0x2222222222222222L;
    long backslash = w ^ 0x5c5c5c5c5c5c5c5cL;
    long quoteZero = (quote - LOW_BITS) & ~quote & HIGH_BITS;
    long backslashZero = (backslash - LOW_BITS) & ~backslash & HIGH_BITS;
    return nonAscii | control | quoteZero | backslashZero;
  }

  /**
   * Texts already seen, by a hash of their bytes. The first text in a slot keeps it: the names and
   * common values of a caseload come early and stay, and a stream of unique ones (identifiers,
   * dates) does not push them out.
   */
  private static final class Table {
    private static final long MIX = 0x9e3779b97f4a7c15L;
    private final String[] texts;
    private final byte[][] seen;

    /** Of each text kept: its first 8 bytes and its last 8 (as little-endian longs), its length. */
    private final long[] firsts;

    private final long[] lasts;
    private final int[] lengths;
    private final int maxLength;

    Table(int slots, int maxLength) {
      this.texts = new String[slots];
      this.seen = new byte[slots][];
      this.firsts = new long[slots];
      this.lasts = new long[slots];
      this.lengths = new int[slots];
      this.maxLength = maxLength;
    }

    /**
     * The text of ASCII bytes, the same instance as the last time when it is in the table. A text
     * of at most 16 bytes is its first and last 8 bytes (the two overlap), so that two words
     * compare it; a longer one is compared in full.
     */
    String text(byte[] bytes, int start, int length) {
      if (length > maxLength) {
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
      }
      long first;
      long last = 0;
      if (length >= 8) {
        first = (long) LONGS.get(bytes, start);
        last = (long) LONGS.get(bytes, start + length - 8);
      } else if (start + 8 <= bytes.length) {
        first = (long) LONGS.get(bytes, start) & ((1L << (8 * length)) - 1);
      } else {
        first = 0;
        for (int i = length - 1; i >= 0; i--) {
          first = first << 8 | (bytes[start + i] & 0xff);
        }
      }
      long h = ((first * MIX + last) * MIX + length) * MIX;
      int slot = (int) (h >>> 40) & (texts.length - 1);
      String known = texts[slot];
      if (known != null) {
        if (firsts[slot] == first
            && lasts[slot] == last
            && lengths[slot] == length
            && (length <= 16 || middleSame(seen[slot], bytes, start, length))) {
          return known;
        }
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
      }
      String s = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
      texts[slot] = s;
      firsts[slot] = first;
      lasts[slot] = last;
      lengths[slot] = length;
      seen[slot] = length > 16 ? Arrays.copyOfRange(bytes, start, start + length) : null;
      return s;
    }
  }

  /**
   * Whether {@code known} (longer than 16 bytes, its first and last 8 already found the same) holds
   * the bytes at {@code start} in between: a word at a time, a name being a few words long.
   */
  private static boolean middleSame(byte[] known, byte[] bytes, int start, int length) {
    for (int k = 8; k < length - 8; k += 8) {
      if ((long) LONGS.get(known, k) != (long) LONGS.get(bytes, start + k)) {
        return false;
      }
    }
    return true;
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
