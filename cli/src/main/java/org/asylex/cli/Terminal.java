package org.asylex.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text from outside (a case id, a fact name, a file name, a reference, a note, an assumption id, an
 * actor) made safe to print: control characters, which could move the cursor, clear the screen or
 * forge output ("0 errors"), are shown escaped as {@code \\u001b}, and so are the characters that
 * reorder text on screen (bidirectional overrides and isolates) and the Unicode line separators.
 *
 * <p>Two layers: {@link #safe} escapes one value, line breaks included, where it is put into a
 * line; and every stream the command line prints to goes through {@link #escaping}, which escapes
 * the same characters except the line breaks and tabs the command line writes itself. So no text
 * reaches the terminal with an escape code in it, whichever message it came in.
 */
final class Terminal {
  private Terminal() {}

  /** {@code text} with every character that could act on a terminal escaped, line breaks too. */
  static String safe(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (acts(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        escape(out, c);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether a character acts on a terminal or reorders text instead of being shown. */
  static boolean acts(char c) {
    return Character.isISOControl(c) // C0, DEL and C1 (CSI is U+009B)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E') // bidirectional embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069') // bidirectional isolates
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C';
  }

  private static void escape(StringBuilder out, char c) {
    out.append(String.format("\\u%04x", (int) c));
  }

  /** {@code out} behind an {@link EscapingWriter}, flushing on every line as the original did. */
  static PrintWriter escaping(PrintWriter out) {
    return new PrintWriter(new EscapingWriter(out), true);
  }

  /**
   * Escapes what {@link #acts} on the way out, except a line feed, a tab and a carriage return
   * directly before a line feed (the line ends the command line writes itself).
   */
  static final class EscapingWriter extends FilterWriter {
    private boolean pendingReturn;

    EscapingWriter(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      synchronized (lock) {
        char ch = (char) c;
        if (pendingReturn) {
          pendingReturn = false;
          out.write(ch == '\n' ? "\r" : "\\u000d");
        }
        if (ch == '\r') {
          pendingReturn = true;
        } else if (ch == '\n' || ch == '\t' || !acts(ch)) {
          out.write(ch);
        } else {
          StringBuilder escaped = new StringBuilder(6);
          escape(escaped, ch);
          out.write(escaped.toString());
        }
      }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      write(new String(buffer, offset, length), 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      synchronized (lock) {
        int run = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
          char c = text.charAt(i);
          if (pendingReturn || c == '\r' || (acts(c) && c != '\n' && c != '\t')) {
            out.write(text, run, i - run);
            write(c);
            run = i + 1;
          }
        }
        out.write(text, run, end - run);
      }
    }

    @Override
    public void close() throws IOException {
      synchronized (lock) {
        if (pendingReturn) {
          pendingReturn = false;
          out.write("\\u000d");
        }
        super.close();
      }
    }
  }
}
