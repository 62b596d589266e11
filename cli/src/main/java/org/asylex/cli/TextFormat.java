package org.asylex.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.Validity;
import org.asylex.engine.text.Language;

/** The pieces every text rendering shares: wrapping, quotes with their place, validity. */
final class TextFormat {
  /** Lines are wrapped at this column. */
  static final int WIDTH = 100;

  private TextFormat() {}

  static String nlEn(Language lang, String nl, String en) {
    return lang == Language.NL ? nl : en;
  }

  /** Wraps text at 100 columns, the first line after {@code prefix}, others aligned under it. */
  static String wrap(String text, String prefix) {
    String indent = " ".repeat(prefix.length());
    var result = new StringBuilder(prefix);
    int col = prefix.length();
    boolean first = true;
    for (String word : text.strip().split("\\s+")) {
      if (!first && col + 1 + word.length() > WIDTH) {
        result.append('\n').append(indent);
        col = indent.length();
        first = true;
      }
      if (!first) {
        result.append(' ');
        col++;
      }
      result.append(word);
      col += word.length();
      first = false;
    }
    return result.toString();
  }

  /**
   * A verbatim quote between curly quotes after {@code indent + "> "}, wrapped, and under it where
   * it stands in the source: {@code — letter-2024-01-31, line 72–73}. No final line end.
   */
  static String quote(SourceQuote q, String indent, Language lang) {
    return wrap("\u201C" + q.quote() + "\u201D", indent + "> ")
        + "\n"
        + indent
        + "  — "
        + q.document()
        + ", "
        + nlEn(lang, "regel", "line")
        + " "
        + q.span().line()
        + (q.span().endLine() != q.span().line() ? "–" + q.span().endLine() : "");
  }

  /**
   * Which boundaries of a validity rest on an assumption, e.g. {@code (to = @some-date:
   * assumption)}; the empty string when none does.
   */
  static String assumed(Validity v, Language lang) {
    var refs = new ArrayList<String>();
    v.from()
        .filter(DateRef.FromAssumption.class::isInstance)
        .ifPresent(r -> refs.add(nlEn(lang, "van", "from") + " = " + r));
    v.to()
        .filter(DateRef.FromAssumption.class::isInstance)
        .ifPresent(r -> refs.add(nlEn(lang, "tot", "to") + " = " + r));
    return refs.isEmpty()
        ? ""
        : "  (" + String.join(", ", refs) + nlEn(lang, ": aanname", ": assumption") + ")";
  }

  /** {@code valid [from, to)}, or {@code always valid} for an interval open at both ends. */
  static String validity(Validity.Interval i, Language lang) {
    if (i.from().isEmpty() && i.to().isEmpty()) {
      return nlEn(lang, "altijd geldig", "always valid");
    }
    return nlEn(lang, "geldig ", "valid ") + i;
  }

  /** Quotes with the same place in the same document once: two rules may cite the same sentence. */
  static List<SourceQuote> distinct(List<SourceQuote> quotes) {
    var byPlace = new LinkedHashMap<String, SourceQuote>();
    for (SourceQuote q : quotes) {
      byPlace.putIfAbsent(q.document() + ":" + q.span().start() + ":" + q.span().end(), q);
    }
    return List.copyOf(byPlace.values());
  }
}
