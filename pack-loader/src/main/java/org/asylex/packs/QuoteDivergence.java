package org.asylex.packs;

import java.util.Arrays;
import java.util.List;
import org.asylex.engine.source.QuoteLocator;
import org.asylex.engine.source.TextSpan;

/** Where a quote that is not found stops matching, so the author sees the changed word. */
final class QuoteDivergence {
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

  private static String nextWord(String doc, int from) {
    int i = from;
    while (i < doc.length() && Character.isWhitespace(doc.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < doc.length() && !Character.isWhitespace(doc.charAt(j))) {
      j++;
    }
    return doc.substring(i, j);
  }
}
