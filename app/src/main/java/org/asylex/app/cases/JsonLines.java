package org.asylex.app.cases;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.asylex.json.CaseJson;

/**
 * Splits a stream into lines of bytes at {@code \n} (a final {@code \r} is dropped), without
 * holding more than one line of at most {@link CaseJson#MAX_BYTES}: a longer line comes back cut,
 * and {@link #tooLong()} says so.
 */
public final class JsonLines {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[1024];
  private boolean tooLong;

  public JsonLines(InputStream in) {
    this.in = in;
  }

  /** The next line, or null at the end. */
  public byte[] next() throws IOException {
    int length = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        break;
      }
      any = true;
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      length = append(start, pos - start, length);
      if (pos < limit) {
        pos++; // the line end
        break;
      }
    }
    if (!any) {
      return null;
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return Arrays.copyOf(line, length);
  }

  private boolean fill() throws IOException {
    limit = in.read(buffer);
    pos = 0;
    if (limit <= 0) {
      limit = 0;
      return false;
    }
    return true;
  }

  private int append(int start, int n, int length) {
    if (tooLong) {
      return length;
    }
    if (length + n > CaseJson.MAX_BYTES) {
      tooLong = true;
      return length;
    }
    if (length + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
    }
    System.arraycopy(buffer, start, line, length, n);
    return length + n;
  }

  /** Whether the line just read was longer than a case may be. */
  public boolean tooLong() {
    return tooLong;
  }

  /** Whether a line holds nothing but blanks. */
  public static boolean blank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
