package org.asylex.engine.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds verbatim quotes in the text extraction of a printed document.
 *
 * <p>Matching tolerates exactly the artefacts of such an extraction and nothing else:
 *
 * <ul>
 *   <li>any run of whitespace in the document (spaces, tabs, line breaks, blank lines) matches one
 *       space in the quote; runs of whitespace in the quote count as one space, and leading and
 *       trailing whitespace of the quote is ignored;
 *   <li>a hyphen at a line end in the document ({@code '-'}, optional spaces, a line break,
 *       optional whitespace), between two non-whitespace chars, matches either nothing ({@code
 *       "dienstplichtigen"} matches {@code "dienstplich-\ntigen"}) or a hyphen ({@code
 *       "LHBTI-personen"} matches {@code "LHBTI-\npersonen"}), since an extraction cannot tell a
 *       line-break hyphen from a real one; read literally, it also matches a hyphen and a space;
 *   <li>everything else must be identical, char for char: no case folding, no Unicode
 *       normalisation, no folding of quote styles or dashes.
 * </ul>
 *
 * <p>Whitespace is what {@link Character#isWhitespace(char)} says it is, so a no-break space must
 * be quoted as such. Immutable and thread-safe.
 */
public final class QuoteLocator {
  private static final int NO_MATCH = -1;

  private final String document;
  private final int[] lineStarts;

  public QuoteLocator(String document) {
    this.document = Objects.requireNonNull(document, "document");
    this.lineStarts = lineStarts(document);
  }

  public String document() {
    return document;
  }

  /**
   * Every place where {@code quote} occurs, one span per start offset, in document order. Empty if
   * the quote is blank or does not occur.
   */
  public List<TextSpan> findAll(String quote) {
    String q = normalise(Objects.requireNonNull(quote, "quote"));
    if (q.isEmpty()) {
      return List.of();
    }
    List<TextSpan> spans = new ArrayList<>();
    // Failures at hyphen branch points depend only on (doc offset, quote index), so they can be
    // shared by all start offsets; this keeps pathological hyphen runs from going exponential.
    Set<Long> failed = new HashSet<>();
    char first = q.charAt(0);
    for (int d = 0; d < document.length(); d++) {
      if (document.charAt(d) != first || splitsSurrogatePair(d)) {
        continue;
      }
      int end = match(q, d, 0, failed);
      if (end != NO_MATCH) {
        spans.add(span(d, end));
      }
    }
    return List.copyOf(spans);
  }

  /**
   * The offset just past the last matched char if {@code q.substring(qi)} matches the document from
   * offset {@code d}, else {@link #NO_MATCH}.
   */
  private int match(String q, int d, int qi, Set<Long> failed) {
    int n = document.length();
    while (qi < q.length()) {
      char c = q.charAt(qi);
      if (c == ' ') {
        if (d >= n || !Character.isWhitespace(document.charAt(d))) {
          return NO_MATCH;
        }
        d = skipWhitespace(d);
        qi++;
        continue;
      }
      int afterBreak = afterLineEndHyphen(d);
      if (afterBreak == NO_MATCH) {
        if (d >= n || document.charAt(d) != c) {
          return NO_MATCH;
        }
        d++;
        qi++;
        continue;
      }
      // d is a line-end hyphen: it is either an artefact (matches nothing) or a real hyphen.
      if (c != '-') {
        d = afterBreak;
        continue;
      }
      long key = ((long) d << 32) | qi;
      if (failed.contains(key)) {
        return NO_MATCH;
      }
      int end = matchRealHyphen(q, d, qi, afterBreak, failed);
      if (end == NO_MATCH && qi > 0) {
        end = match(q, afterBreak, qi, failed);
      }
      if (end == NO_MATCH) {
        failed.add(key);
      }
      return end;
    }
    return splitsSurrogatePair(d) ? NO_MATCH : d;
  }

  private int matchRealHyphen(String q, int d, int qi, int afterBreak, Set<Long> failed) {
    if (qi + 1 == q.length()) {
      return d + 1;
    }
    // Quote "LHBTI-personen": the break after a real hyphen is an artefact too. Quote
    // "dienstplich- tigen": the break was copied as a space, which the whitespace rule matches.
    int next = q.charAt(qi + 1) == ' ' ? d + 1 : afterBreak;
    return match(q, next, qi + 1, failed);
  }

  /**
   * The offset of the first char after the line break if {@code d} is a hyphen at a line end
   * between two non-whitespace chars, else {@link #NO_MATCH}.
   */
  private int afterLineEndHyphen(int d) {
    if (d <= 0
        || d >= document.length()
        || document.charAt(d) != '-'
        || Character.isWhitespace(document.charAt(d - 1))) {
      return NO_MATCH;
    }
    boolean lineBreak = false;
    int e = d + 1;
    while (e < document.length() && Character.isWhitespace(document.charAt(e))) {
      char ch = document.charAt(e);
      lineBreak |= ch == '\n' || ch == '\r';
      e++;
    }
    return lineBreak && e < document.length() ? e : NO_MATCH;
  }

  private int skipWhitespace(int d) {
    while (d < document.length() && Character.isWhitespace(document.charAt(d))) {
      d++;
    }
    return d;
  }

  // A quote is text; it must not begin or end halfway through a code point.
  private boolean splitsSurrogatePair(int offset) {
    return offset > 0
        && offset < document.length()
        && Character.isHighSurrogate(document.charAt(offset - 1))
        && Character.isLowSurrogate(document.charAt(offset));
  }

  private TextSpan span(int start, int end) {
    int line = lineOf(start);
    int endLine = lineOf(end - 1);
    return new TextSpan(
        start,
        end,
        line,
        start - lineStarts[line - 1] + 1,
        endLine,
        end - 1 - lineStarts[endLine - 1] + 1);
  }

  /** The 1-based line holding {@code offset}. */
  private int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  private static String normalise(String quote) {
    StringBuilder sb = new StringBuilder(quote.length());
    boolean pendingSpace = false;
    for (int i = 0; i < quote.length(); i++) {
      char c = quote.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Offsets at which lines begin; a line ends at {@code \n}, {@code \r\n} or a lone {@code \r}. */
  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\n' || c == '\r') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
