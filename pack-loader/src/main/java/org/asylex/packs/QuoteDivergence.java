package org.asylex.packs;

import java.util.Arrays;
import java.util.List;
import org.asylex.engine.source.QuoteLocator;
import org.asylex.engine.source.TextSpan;

/** Where a quote that is not found stops matching, so the author sees the changed word. */
final class QuoteDivergence {
  /**
   * At most this much of the document's diverging word is shown (then "…"), so a diagnostic never
   * prints more of a source than a word, whatever the source holds.
   */
  static final int MAX_SHOWN_CHARACTERS = 30;

  private QuoteDivergence() {}

  /** "; the first n word(s) match ..." or a hint to check every character. */
  static String of(QuoteLocator locator, String quote) {
    String[] words = quote.strip().split("\\s+");
    for (int n = words.length - 1; n >= 1; n--) {
      String prefix = String.join(" ", Arrays.copyOf(words, n));
      List<TextSpan> spans = locator.findAll(prefix);
      if (spans.size() == 1) {
        TextSpan s = spans.get(0);
        return "; the first "
            + n
            + " word(s) match the document at its line "
            + s.line()
            + ", then the quote reads '"
            + words[n]
            + "' where the document reads '"
            + nextWord(locator.document(), s.end())
            + "'";
      }
    }
    return "; check every letter, punctuation mark and « » ’ – character";
  }

  /** The word of {@code doc} after {@code from}: bounded, control characters escaped. */
  private static String nextWord(String doc, int from) {
    int i = from;
    while (i < doc.length() && Character.isWhitespace(doc.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < doc.length()
        && j - i < MAX_SHOWN_CHARACTERS
        && !Character.isWhitespace(doc.charAt(j))) {
      j++;
    }
    boolean cut = j < doc.length() && !Character.isWhitespace(doc.charAt(j));
    if (cut && Character.isHighSurrogate(doc.charAt(j - 1))) {
      j--; // never split a character in two
    }
    return escaped(doc.substring(i, j)) + (cut ? "…" : "");
  }

  /** {@code text} with control characters written as {@code \u001b}, never raw. */
  private static String escaped(String text) {
    var result = new StringBuilder();
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int c = text.codePointAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        result.append(String.format("\\u%04x", c));
      } else {
        result.appendCodePoint(c);
      }
    }
    return result.toString();
  }
}
