package org.asylex.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: the JDK's decoder, which refuses overlong forms, surrogates and bytes that start
 * nothing, where lenient decoders (the JSON parser's own among them) turn {@code C0 AF} into '/'.
 */
public final class Utf8 {
  private Utf8() {}

  /** The offset of the first byte that is not part of well-formed UTF-8, or -1 when all are. */
  public static int firstMalformed(byte[] bytes) {
    int ascii = 0;
    while (ascii < bytes.length && bytes[ascii] >= 0) {
      ascii++;
    }
    if (ascii == bytes.length) {
      return -1; // plain ASCII, the usual case line: no decoder needed
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(Math.min(8192, bytes.length + 1));
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (result.isUnderflow()) {
        result = decoder.flush(out);
        return result.isError() ? in.position() : -1;
      }
      out.clear();
    }
  }

  /** Whether the bytes are well-formed UTF-8. */
  public static boolean wellFormed(byte[] bytes) {
    return firstMalformed(bytes) < 0;
  }

  /** The 1-based line and column (in bytes) of an offset, for messages. */
  static int[] lineAndColumn(byte[] bytes, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
