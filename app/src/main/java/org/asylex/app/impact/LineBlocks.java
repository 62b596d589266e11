package org.asylex.app.impact;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.asylex.json.CaseJson;

/**
 * Cuts a stream of JSON Lines into blocks of whole lines, for the workers to split: the reading
 * thread only reads and looks for the last line end of each block, and never copies a line. A block
 * holds at most {@link #CAPACITY} bytes; a line that does not fit in one (longer than a case may
 * be) is skipped up to its end and comes as a block of its own that says so, so that no more than a
 * block is ever held for it.
 */
final class LineBlocks {
  /** The usual block: about 700 generated cases, and small enough to be no "humongous" object. */
  static final int SIZE = 256 << 10;

  /** The most a block grows to for one line: a line of {@link CaseJson#MAX_BYTES} and more. */
  static final int CAPACITY = 2 * CaseJson.MAX_BYTES + 2;

  /**
   * Whole lines {@code bytes[0, length)} (the last may lack its line end at the end of the input),
   * or, with {@code tooLong}, one line longer than a block that has been skipped.
   */
  record Block(byte[] bytes, int length, boolean tooLong) {}

  private final InputStream in;
  private byte[] carry = new byte[0];
  private int carried;
  private boolean ended;

  LineBlocks(InputStream in) {
    this.in = in;
  }

  /** The next block, or null at the end of the input. */
  Block next() throws IOException {
    if (ended && carried == 0) {
      return null;
    }
    byte[] block = new byte[Math.max(SIZE, carried + SIZE / 2)];
    System.arraycopy(carry, 0, block, 0, carried);
    int length = carried;
    int searched = 0;
    carried = 0;
    while (true) {
      while (length < block.length && !ended) {
        int n = in.read(block, length, block.length - length);
        if (n < 0) {
          ended = true;
        } else {
          length += n;
        }
      }
      if (ended) {
        return length == 0 ? null : new Block(block, length, false);
      }
      int last = length - 1;
      while (last >= searched && block[last] != '\n') {
        last--;
      }
      if (last >= searched) {
        carried = length - last - 1;
        if (carry.length < carried) {
          carry = new byte[Math.max(carried, SIZE)];
        }
        System.arraycopy(block, last + 1, carry, 0, carried);
        return new Block(block, last + 1, false);
      }
      if (block.length >= CAPACITY) {
        skipToLineEnd();
        return new Block(block, 0, true);
      }
      // one line fills the block: room for the longest a case may be, and then some
      searched = length;
      block = Arrays.copyOf(block, Math.min(CAPACITY, block.length * 2));
    }
  }

  /** Reads on past the next line end; what follows it is carried into the next block. */
  private void skipToLineEnd() throws IOException {
    byte[] scratch = new byte[1 << 16];
    while (true) {
      int n = in.read(scratch);
      if (n < 0) {
        ended = true;
        return;
      }
      for (int i = 0; i < n; i++) {
        if (scratch[i] == '\n') {
          carried = n - i - 1;
          if (carry.length < carried) {
            carry = new byte[Math.max(carried, SIZE)];
          }
          System.arraycopy(scratch, i + 1, carry, 0, carried);
          return;
        }
      }
    }
  }

  /** Whether {@code bytes[from, to)} holds nothing but blanks. */
  static boolean blank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
