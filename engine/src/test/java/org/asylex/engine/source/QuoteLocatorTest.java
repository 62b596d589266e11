package org.asylex.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteLocatorTest {
  static final Path LETTER =
      Path.of("../policies/ru/sources/kamerbrief-2023-06-08-russische-federatie.txt");

  private static QuoteLocator letter;

  @BeforeAll
  static void readLetter() throws IOException {
    letter = new QuoteLocator(Files.readString(LETTER, StandardCharsets.UTF_8));
  }

  private static TextSpan only(String quote) {
    List<TextSpan> spans = letter.findAll(quote);
    assertThat(spans).as("spans of %s", quote).hasSize(1);
    return spans.get(0);
  }

  private static String covered(TextSpan span) {
    return letter.document().substring(span.start(), span.end());
  }

  @Test
  void aWordHyphenatedAtALineEndMatchesTheWholeWord() {
    TextSpan span = only("dienstplichtigen in Oekraïne werden ingezet");

    assertThat(span).isEqualTo(new TextSpan(1715, 1760, 34, 60, 35, 32));
    assertThat(covered(span)).isEqualTo("dienstplich-\ntigen in Oekraïne werden ingezet");
  }

  @Test
  void aListItemSpanningABlankLineMatches() {
    TextSpan span =
        only(
            "– politieke activisten, mensenrechtenactivisten en personen die actief zijn in de"
                + " journalistiek en die daarbij kritiek leveren op de autoriteiten.");

    assertThat(span).isEqualTo(new TextSpan(6771, 6919, 122, 1, 124, 75));
    assertThat(covered(span)).contains("actief \n\nzijn");
  }

  @Test
  void aLineWithALeadingSpaceMatches() {
    TextSpan span = only("is vervolgens in december 2022 verlengd");
    assertThat(span).isEqualTo(new TextSpan(1874, 1913, 37, 2, 37, 40));

    TextSpan across =
        only("Het besluit- en vertrekmoratorium is vervolgens in december 2022 verlengd");
    assertThat(across.line()).isEqualTo(36);
    assertThat(across.endLine()).isEqualTo(37);
    assertThat(across.end()).isEqualTo(1913);
  }

  @Test
  void typographicCharactersMatchThemselves() {
    assertThat(only("Medewerkers van ngo’s die door de autoriteiten als kritisch worden gezien."))
        .satisfies(s -> assertThat(s.line()).isEqualTo(147));
    assertThat(only("ngo’s")).isEqualTo(new TextSpan(8142, 8147, 147, 19, 147, 23));
    assertThat(only("woord «significant» in de risicogroep"))
        .isEqualTo(new TextSpan(6489, 6526, 118, 1, 118, 37));
  }

  @Test
  void aRealHyphenInsideALineMatchesOnlyAsAHyphen() {
    assertThat(only("jegens LHBTI-personen.")).isEqualTo(new TextSpan(8737, 8759, 160, 1, 160, 22));
    assertThat(letter.findAll("LHBTIpersonen")).isEmpty();
    assertThat(letter.findAll("LHBTI personen")).isEmpty();
  }

  @Test
  void aQuoteTakenWithTheLineBreakHyphenAlsoMatches() {
    // The extraction cannot tell "dienstplich-" + "tigen" from a real hyphen, so both readings,
    // and the literal reading with the line break as a space, are accepted.
    assertThat(letter.findAll("inzake dienstplich-tigen zijn")).hasSize(1);
    assertThat(letter.findAll("inzake dienstplich- tigen zijn")).hasSize(1);
    assertThat(letter.findAll("inzake dienstplichtigen zijn")).hasSize(1);
    assertThat(letter.findAll("inzake dienstplich tigen zijn")).isEmpty();
  }

  @Test
  void whitespaceInTheQuoteIsCollapsedAndTrimmed() {
    assertThat(letter.findAll("  dienstplichtigen \n in\t\tOekraïne werden ingezet \r\n"))
        .containsExactly(new TextSpan(1715, 1760, 34, 60, 35, 32));
  }

  @Test
  void aQuoteOccurringTwiceHasTwoSpans() {
    List<TextSpan> spans =
        letter.findAll(
            "politieke activisten, mensenrechtenactivisten en personen die actief zijn in de"
                + " journalistiek en die daarbij");

    assertThat(spans).extracting(TextSpan::line).containsExactly(118, 122);
    assertThat(letter.findAll("Oekraïne")).hasSize(10);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dienstplichtigen in Oekraïne werden ingezat", // one letter changed
        "dienstplichtigen in Oekraine werden ingezet", // no Unicode folding
        "Dienstplichtigen in Oekraïne werden ingezet", // case
        "Medewerkers van ngo's die", // ' instead of ’
        "- politieke activisten, mensenrechtenactivisten", // - instead of –
        "\"significant\" in de risicogroep", // " instead of « »
        "geldt er eenbesluit- en vertrekmoratorium", // a missing space
        "geldt er een besluit -en vertrekmoratorium", // a moved space
        "In Oekraïne worden geen dienstplichtigen ingezet.", // absent
      })
  void aQuoteThatDiffersInAnythingButLayoutIsNotFound(String quote) {
    assertThat(letter.findAll(quote)).isEmpty();
  }

  @Test
  void theUnchangedCounterpartsOfTheNegativeCasesAreFound() {
    assertThat(letter.findAll("geldt er een besluit- en vertrekmoratorium")).hasSize(1);
    assertThat(letter.findAll("Medewerkers van ngo’s die")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " \n\t "})
  void aBlankQuoteIsNeverFound(String quote) {
    assertThat(letter.findAll(quote)).isEmpty();
  }

  @Test
  void linesEndAtCrLfAndLoneCr() {
    QuoteLocator locator = new QuoteLocator("een\r\ntwee dienst-\r\n  plichtigen\rdrie");

    assertThat(locator.findAll("twee dienstplichtigen drie"))
        .containsExactly(new TextSpan(5, 36, 2, 1, 4, 4));
    assertThat(locator.findAll("een twee")).containsExactly(new TextSpan(0, 9, 1, 1, 2, 4));
  }

  @Test
  void aHyphenFollowedBySpacesBeforeTheLineBreakIsStillALineEndHyphen() {
    QuoteLocator locator = new QuoteLocator("LHBTI- \t\n\n personen");

    assertThat(locator.findAll("LHBTI-personen")).hasSize(1);
    assertThat(locator.findAll("LHBTIpersonen")).hasSize(1);
    assertThat(locator.findAll("LHBTI- personen")).hasSize(1);
  }

  @Test
  void aHyphenAfterWhitespaceOrAtTheEndIsNotALineEndHyphen() {
    assertThat(new QuoteLocator("a -\nb").findAll("ab")).isEmpty();
    assertThat(new QuoteLocator("a -\nb").findAll("a b")).isEmpty();
    assertThat(new QuoteLocator("a -\nb").findAll("a - b")).hasSize(1);
    assertThat(new QuoteLocator("woord-\n").findAll("woord-")).hasSize(1);
    assertThat(new QuoteLocator("woord-\n").findAll("woord")).hasSize(1);
    assertThat(new QuoteLocator("woord-\n").findAll("woord- ")).hasSize(1);
    assertThat(new QuoteLocator("woord-\n").findAll("woord- x")).isEmpty();
  }

  @Test
  void aSpanEndsAtTheLastMatchedCharNotAfterTheLineBreak() {
    QuoteLocator locator = new QuoteLocator("dienst-\nplicht");

    assertThat(locator.findAll("dienst-")).containsExactly(new TextSpan(0, 7, 1, 1, 1, 7));
    assertThat(locator.findAll("-plicht")).containsExactly(new TextSpan(6, 14, 1, 7, 2, 6));
  }

  @Test
  void aLineEndHyphenBacktracksWhenTheRealHyphenReadingFails() {
    // Only the first hyphen is at a line end between two non-whitespace chars.
    QuoteLocator locator = new QuoteLocator("x-\n-y");

    assertThat(locator.findAll("x-y")).hasSize(1);
    assertThat(locator.findAll("x--y")).hasSize(1);
    assertThat(locator.findAll("xy")).isEmpty();
    assertThat(locator.findAll("x- -y")).hasSize(1);
    assertThat(locator.findAll("x -y")).isEmpty();
  }

  @Test
  void manyLineEndHyphensDoNotMakeMatchingExponential() {
    // 201 line-end hyphens, each optional, and 200 hyphens that are not.
    QuoteLocator locator = new QuoteLocator("x-\n" + "--\n".repeat(200) + "y");

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(locator.findAll("x" + "-".repeat(150) + "y")).isEmpty();
          assertThat(locator.findAll("x" + "-".repeat(300) + "y")).hasSize(1);
          assertThat(locator.findAll("x" + "-".repeat(402) + "y")).isEmpty();
        });
  }

  @Test
  void aQuoteMustNotSplitASurrogatePair() {
    QuoteLocator locator = new QuoteLocator("a\uD83D\uDE00b");
    assertThat(locator.findAll("\uDE00b")).isEmpty();
    assertThat(locator.findAll("a\uD83D")).isEmpty();
    assertThat(locator.findAll("a\uD83D\uDE00")).hasSize(1);
  }

  @Test
  void aHundredQuotesInTheLetterTakeMilliseconds() {
    String[] words = letter.document().strip().split("\\s+");
    long startNanos = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      int from = (i * 13) % (words.length - 12);
      String quote = String.join(" ", List.of(words).subList(from, from + 12));
      assertThat(letter.findAll(quote)).isNotEmpty();
    }
    assertThat((System.nanoTime() - startNanos) / 1_000_000).isLessThan(1_000);
  }
}
