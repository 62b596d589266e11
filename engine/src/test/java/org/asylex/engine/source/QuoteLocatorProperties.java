package org.asylex.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QuoteLocatorProperties {
  private static final String LETTER = read();

  /** The letter's words: maximal runs of non-whitespace chars, with their offsets. */
  private static final List<Word> WORDS = words(LETTER);

  private static final QuoteLocator ORIGINAL = new QuoteLocator(LETTER);

  /** Chars a mutation may insert or substitute; never '-', see {@link QuoteLocator}. */
  private static final String POOL =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?()'\"/«»’–éëïÉ";

  // Oracles independent of the locator: the letter with single spaces, and with its line-end
  // hyphens read as artefacts or as real hyphens.
  private static final List<String> READINGS =
      List.of(join(Hyphen.AS_WRITTEN), join(Hyphen.DROPPED), join(Hyphen.KEPT));

  record Word(String text, int start, int end, boolean endsLine) {}

  record WordRun(int first, int count) {
    int last() {
      return first + count - 1;
    }

    String quote() {
      List<String> texts = new ArrayList<>();
      for (int i = first; i <= last(); i++) {
        texts.add(WORDS.get(i).text());
      }
      return String.join(" ", texts);
    }
  }

  enum Mutation {
    REPLACE,
    DELETE,
    INSERT
  }

  record Mutated(String original, String mutated) {}

  @Property(tries = 500)
  void aQuoteIsFoundAtTheSameWordsInAReflowedLetter(
      @ForAll("wordRuns") WordRun run, @ForAll long seed) {
    Reflowed reflowed = reflow(new Random(seed));
    String quote = run.quote();

    List<TextSpan> spans = new QuoteLocator(reflowed.text()).findAll(quote);

    int start = reflowed.starts()[run.first()];
    int end = reflowed.ends()[run.last()];
    assertThat(spans)
        .as("spans of %s", quote)
        .extracting(
            TextSpan::start,
            TextSpan::end,
            TextSpan::line,
            TextSpan::column,
            TextSpan::endLine,
            TextSpan::endColumn)
        .contains(
            tuple(
                start,
                end,
                lineOf(reflowed.text(), start),
                columnOf(reflowed.text(), start),
                lineOf(reflowed.text(), end - 1),
                columnOf(reflowed.text(), end - 1)));
    // The letter repeats one passage verbatim (the rewritten risk group), so a long quote is
    // unique only if no reading of the letter holds it twice.
    if (run.count() >= 8 && READINGS.stream().allMatch(r -> occurrences(r, quote) <= 1)) {
      assertThat(spans).as("spans of %s", quote).hasSize(1);
    }
  }

  @Property(tries = 1000)
  void aQuoteWithOneCharChangedIsNotFound(@ForAll("mutatedQuotes") Mutated quote) {
    Assume.that(!quote.mutated().equals(quote.original()));
    // Deleting the second of two equal leading (or trailing) characters only shortens the quote
    // ("een b…" to "en b…"); a shorter piece of the same sentence is still verbatim.
    Assume.that(!quote.original().contains(quote.mutated()));

    assertThat(ORIGINAL.findAll(quote.original())).isNotEmpty();
    assertThat(ORIGINAL.findAll(quote.mutated())).as("spans of %s", quote.mutated()).isEmpty();
  }

  @Provide
  Arbitrary<WordRun> wordRuns() {
    return runs(3, 40);
  }

  @Provide
  Arbitrary<Mutated> mutatedQuotes() {
    return Combinators.combine(
            runs(8, 40),
            Arbitraries.of(Mutation.class),
            Arbitraries.integers().between(0, Integer.MAX_VALUE - 1),
            Arbitraries.integers().between(0, POOL.length() - 1))
        .as((run, mutation, at, pick) -> mutate(run.quote(), mutation, at, pick));
  }

  private static Arbitrary<WordRun> runs(int minWords, int maxWords) {
    return Combinators.combine(
            Arbitraries.integers().between(0, WORDS.size() - minWords),
            Arbitraries.integers().between(minWords, maxWords))
        .as((first, count) -> new WordRun(Math.min(first, WORDS.size() - count), count));
  }

  /** One change at an interior position: never the first or last char, never a '-'. */
  private static Mutated mutate(String quote, Mutation mutation, int at, int pick) {
    List<Integer> positions = new ArrayList<>();
    if (mutation == Mutation.INSERT) {
      for (int i = 1; i < quote.length(); i++) {
        positions.add(i);
      }
    } else {
      for (int i = 1; i < quote.length() - 1; i++) {
        char c = quote.charAt(i);
        if (!Character.isWhitespace(c) && !(mutation == Mutation.DELETE && c == '-')) {
          positions.add(i);
        }
      }
    }
    int i = positions.get(at % positions.size());
    char c = POOL.charAt(pick);
    String mutated =
        switch (mutation) {
          case REPLACE -> quote.substring(0, i) + c + quote.substring(i + 1);
          case DELETE -> quote.substring(0, i) + quote.substring(i + 1);
          case INSERT -> quote.substring(0, i) + c + quote.substring(i);
        };
    return new Mutated(quote, mutated);
  }

  record Reflowed(String text, int[] starts, int[] ends) {}

  /**
   * The letter's words laid out again: random line breaks, extra and leading spaces, blank lines,
   * tabs, CRLF, and words of letters hyphenated at line ends.
   */
  private static Reflowed reflow(Random random) {
    StringBuilder text = new StringBuilder();
    int[] starts = new int[WORDS.size()];
    int[] ends = new int[WORDS.size()];
    text.append(" ".repeat(random.nextInt(3)));
    for (int i = 0; i < WORDS.size(); i++) {
      String word = WORDS.get(i).text();
      starts[i] = text.length();
      if (word.length() >= 4 && word.chars().allMatch(Character::isLetter) && chance(random, 8)) {
        int cut = 1 + random.nextInt(word.length() - 1);
        text.append(word, 0, cut).append('-');
        text.append(chance(random, 4) ? " " : "").append(lineBreak(random));
        text.append(" ".repeat(chance(random, 4) ? 1 + random.nextInt(3) : 0));
        text.append(word, cut, word.length());
      } else {
        text.append(word);
      }
      ends[i] = text.length();
      if (i + 1 < WORDS.size()) {
        text.append(separator(random));
      }
    }
    text.append(chance(random, 2) ? "\n" : "");
    return new Reflowed(text.toString(), starts, ends);
  }

  private static String separator(Random random) {
    if (random.nextInt(10) < 6) {
      String space = chance(random, 10) ? "\t" : " ";
      return chance(random, 4) ? space + " ".repeat(1 + random.nextInt(3)) : space;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(chance(random, 3) ? " " : "").append(lineBreak(random));
    if (chance(random, 4)) {
      sb.append(chance(random, 2) ? " " : "").append(lineBreak(random));
    }
    sb.append(" ".repeat(chance(random, 4) ? 1 + random.nextInt(3) : 0));
    return sb.toString();
  }

  private static String lineBreak(Random random) {
    return chance(random, 5) ? "\r\n" : "\n";
  }

  private static boolean chance(Random random, int oneIn) {
    return random.nextInt(oneIn) == 0;
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  private static int columnOf(String text, int offset) {
    return offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
  }

  private static int occurrences(String text, String quote) {
    int count = 0;
    for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
      count++;
    }
    return count;
  }

  private enum Hyphen {
    AS_WRITTEN,
    DROPPED,
    KEPT
  }

  private static String join(Hyphen hyphen) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < WORDS.size(); i++) {
      Word word = WORDS.get(i);
      boolean lineEndHyphen =
          word.endsLine() && word.text().length() > 1 && word.text().endsWith("-");
      if (lineEndHyphen && hyphen == Hyphen.DROPPED) {
        sb.append(word.text(), 0, word.text().length() - 1);
      } else {
        sb.append(word.text());
        if (!(lineEndHyphen && hyphen == Hyphen.KEPT)) {
          sb.append(' ');
        }
      }
    }
    return sb.toString();
  }

  private static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int end = i;
      boolean endsLine = false;
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        endsLine |= text.charAt(i) == '\n' || text.charAt(i) == '\r';
        i++;
      }
      words.add(new Word(text.substring(start, end), start, end, endsLine));
    }
    return List.copyOf(words);
  }

  private static String read() {
    try {
      return Files.readString(QuoteLocatorTest.LETTER, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
