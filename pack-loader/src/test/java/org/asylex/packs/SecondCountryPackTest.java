package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.Validity;
import org.junit.jupiter.api.Test;

/**
 * A second, fictional country (Zembla, pack ZZ) loads with the same loader and the same format as
 * the Russian Federation: nothing in the engine or the loader knows any particular country.
 */
class SecondCountryPackTest {

  /** The pack, seen from the module directory that Maven runs the tests in. */
  private static final Path DIR = Path.of("src/test/resources/packs/zz");

  private static final String LETTER = "kamerbrief-2024-03-01";
  private static final LocalDate IN_FORCE = LocalDate.of(2024, 3, 1);

  private static PolicyPack zembla() {
    LoadResult result = PackLoader.load(DIR);
    assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
    return result.pack().orElseThrow();
  }

  private static String[] letterLines(PolicyPack pack) {
    return pack.source(LETTER).orElseThrow().text().split("\n", -1);
  }

  private static Validity.Interval interval(LocalDate from, LocalDate to) {
    return new Validity.Interval(Optional.ofNullable(from), Optional.ofNullable(to));
  }

  @Test
  void theFictionalPackLoadsWithoutErrorsOrWarnings() {
    LoadResult result = PackLoader.load(DIR);

    assertThat(result.errors()).extracting(Diagnostic::format).isEmpty();
    assertThat(result.warnings()).extracting(Diagnostic::format).isEmpty();
    PolicyPack pack = result.pack().orElseThrow();
    assertThat(pack.id()).isEqualTo("ZZ");
    assertThat(pack.country()).isEqualTo("ZZ");
    assertThat(pack.version()).isEqualTo("2024-03-01");
    assertThat(pack.elements())
        .extracting(Element::id)
        .containsExactly("decision-moratorium", "risk-group", "internal-protection-alternative");
    assertThat(pack.rules()).hasSize(4);
    assertThat(pack.assumptions())
        .extracting(Assumption::id)
        .containsExactly("in-force-date", "northern-provinces-read-as-region-of-origin");
    assertThat(pack.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo(LETTER);
              assertThat(s.date()).isEqualTo(IN_FORCE);
            });
  }

  @Test
  void theRiskGroupHasTwoVersionsThatMeetOnTheInForceDate() {
    PolicyPack pack = zembla();
    Rule rule = pack.rule("risk-group-opposition").orElseThrow();

    assertThat(rule.element()).isEqualTo("risk-group");
    assertThat(rule.group()).contains("opposition");
    assertThat(rule.versions())
        .extracting(v -> v.when().text())
        .containsExactly("oppositionMember and leadingRole", "oppositionMember");
    assertThat(rule.versions().get(0).validity().to())
        .contains(new DateRef.FromAssumption("in-force-date"));
    assertThat(rule.versions().get(1).validity().from())
        .contains(new DateRef.FromAssumption("in-force-date"));

    AssumptionValues defaults = AssumptionValues.defaults(pack);
    assertThat(rule.versions())
        .extracting(v -> v.validity().resolve(defaults))
        .containsExactly(interval(null, IN_FORCE), interval(IN_FORCE, null));

    LocalDate later = LocalDate.of(2024, 4, 15);
    AssumptionValues overridden =
        AssumptionValues.withOverrides(pack, Map.of("in-force-date", later.toString()));
    assertThat(rule.versions())
        .as("an override moves the boundary of both versions")
        .extracting(v -> v.validity().resolve(overridden))
        .containsExactly(interval(null, later), interval(later, null));
  }

  @Test
  void theMoratoriumRunsFromItsProclamationUntilTheDayItEnds() {
    PolicyPack pack = zembla();
    Rule rule = pack.rule("decision-moratorium-journalists").orElseThrow();

    assertThat(rule.versions())
        .singleElement()
        .satisfies(
            v -> {
              Validity.Interval interval = v.validity().resolve(AssumptionValues.defaults(pack));
              assertThat(interval)
                  .isEqualTo(interval(LocalDate.of(2023, 10, 1), LocalDate.of(2024, 4, 1)));
              assertThat(interval.contains(LocalDate.of(2024, 3, 31))).isTrue();
              assertThat(interval.contains(LocalDate.of(2024, 4, 1))).isFalse();
            });
  }

  @Test
  void theProtectiveNetworkExceptionNamesTheExclusionItLifts() {
    PolicyPack pack = zembla();
    Rule ground = pack.rule("ipa-excluded-human-rights-defenders").orElseThrow();
    Rule exception = pack.rule("ipa-exception-protective-network").orElseThrow();

    assertThat(ground.isException()).isFalse();
    assertThat(ground.group()).contains("human-rights-defenders");
    assertThat(exception.isException()).isTrue();
    assertThat(exception.exceptionTo()).containsExactly(ground.id());
    assertThat(exception.element()).isEqualTo(ground.element());
    assertThat(exception.group()).contains("protective-network");
    assertThat(pack.rulesOf("internal-protection-alternative"))
        .extracting(Rule::id)
        .containsExactly(ground.id(), exception.id());
  }

  @Test
  void everyQuoteIsFoundWhereTheLetterHoldsIt() {
    PolicyPack pack = zembla();
    String letter = pack.source(LETTER).orElseThrow().text();
    List<SourceQuote> quotes = allQuotes(pack);

    assertThat(quotes).hasSize(19);
    for (SourceQuote quote : quotes) {
      assertThat(quote.document()).isEqualTo(LETTER);
      Matcher m = tolerantPattern(quote.quote()).matcher(letter);
      assertThat(m.find()).as("'%s' is in the letter", quote.quote()).isTrue();
      int start = m.start();
      int end = m.end();
      assertThat(m.find()).as("'%s' occurs once", quote.quote()).isFalse();

      assertThat(quote.span().start()).as("start of '%s'", quote.quote()).isEqualTo(start);
      assertThat(quote.span().end()).as("end of '%s'", quote.quote()).isEqualTo(end);
      assertThat(quote.span().line())
          .as("line of '%s'", quote.quote())
          .isEqualTo(lineOf(letter, start));
      assertThat(quote.span().column())
          .as("column of '%s'", quote.quote())
          .isEqualTo(start - letter.lastIndexOf('\n', start - 1));
      assertThat(quote.span().endLine())
          .as("end line of '%s'", quote.quote())
          .isEqualTo(lineOf(letter, end - 1));
    }
  }

  @Test
  void theRuleQuotesStandOnTheLinesOfTheLetterThatHoldThem() {
    PolicyPack pack = zembla();
    String[] lines = letterLines(pack);

    // rule id, first words of the quote, first line and last line in the letter
    record Expected(String rule, String firstWords, int line, int endLine) {}
    List<Expected> expected =
        List.of(
            new Expected("decision-moratorium-journalists", "Op 1 oktober 2023", 23, 25),
            new Expected("decision-moratorium-journalists", "Het besluitmoratorium voor", 28, 29),
            new Expected("risk-group-opposition", "«leden van de oppositie", 33, 34),
            new Expected("risk-group-opposition", "De herschreven risicogroep", 36, 38),
            new Expected("risk-group-opposition", "Gelet op de arrestaties", 34, 36),
            new Expected("ipa-excluded-human-rights-defenders", "Gelet hierop zal", 44, 47),
            new Expected("ipa-exception-protective-network", "Een uitzondering hierop", 47, 49));

    List<SourceQuote> ruleQuotes = new ArrayList<>();
    for (Rule rule : pack.rules()) {
      for (Rule.Version version : rule.versions()) {
        assertThat(version.sources()).as("quotes of rule %s", rule.id()).isNotEmpty();
        ruleQuotes.addAll(version.sources());
      }
    }
    assertThat(ruleQuotes).hasSize(expected.size());

    for (Expected e : expected) {
      SourceQuote quote =
          pack.rule(e.rule()).orElseThrow().versions().stream()
              .flatMap(v -> v.sources().stream())
              .filter(q -> q.quote().startsWith(e.firstWords()))
              .findFirst()
              .orElseThrow();
      assertThat(quote.span().line()).as("%s: '%s'", e.rule(), e.firstWords()).isEqualTo(e.line());
      assertThat(quote.span().endLine())
          .as("%s: '%s'", e.rule(), e.firstWords())
          .isEqualTo(e.endLine());
      String fromTheQuote =
          String.join(" ", List.of(lines).subList(e.line() - 1, e.endLine()))
              .substring(quote.span().column() - 1)
              .replaceAll("\\s+", " ");
      assertThat(fromTheQuote).as("line %d of the letter", e.line()).startsWith(e.firstWords());
      assertThat(lines[e.line() - 1].substring(quote.span().column() - 1))
          .as("line %d of the letter", e.line())
          .startsWith(e.firstWords().split(" ")[0]);
    }
  }

  @Test
  void aQuoteMatchesAcrossAWordHyphenatedAtALineEnd() {
    PolicyPack pack = zembla();
    String[] lines = letterLines(pack);
    SourceQuote end =
        pack
            .rule("decision-moratorium-journalists")
            .orElseThrow()
            .versions()
            .get(0)
            .sources()
            .stream()
            .filter(q -> q.quote().contains("eindigt daarom per"))
            .findFirst()
            .orElseThrow();

    assertThat(end.quote()).contains("journalisten en persfotografen");
    assertThat(lines[end.span().line() - 1].stripTrailing()).endsWith("voor journalis-");
    assertThat(lines[end.span().endLine() - 1]).startsWith("ten en persfotografen eindigt");
  }

  @Test
  void theLetterKeepsTheArtefactsOfAPrintedText() {
    String letter = zembla().source(LETTER).orElseThrow().text();

    assertThat(letter.lines().count()).isBetween(30L, 60L);
    assertThat(letter).contains("«", "»", "’", "–");
    assertThat(Pattern.compile("\\p{L}- *\n\\p{L}").matcher(letter).find())
        .as("a word hyphenated at a line end")
        .isTrue();
  }

  /** Every quote of the pack: rules, report findings, milestones and assumptions. */
  private static List<SourceQuote> allQuotes(PolicyPack pack) {
    List<SourceQuote> quotes = new ArrayList<>();
    for (Rule rule : pack.rules()) {
      rule.versions().forEach(v -> quotes.addAll(v.sources()));
    }
    for (Element element : pack.elements()) {
      element.reportFindings().forEach(f -> quotes.addAll(f.sources()));
      element.milestones().forEach(m -> quotes.addAll(m.sources()));
    }
    pack.assumptions().forEach(a -> quotes.addAll(a.sources()));
    return quotes;
  }

  /**
   * The quote as a pattern with the letter's artefacts written out independently of the loader: a
   * space matches any run of whitespace, and between two characters of a word the letter may break
   * the line after a hyphen. This letter has no real hyphen at a line end, so the hyphen is
   * dropped.
   */
  private static Pattern tolerantPattern(String quote) {
    String q = quote.strip().replaceAll("\\s+", " ");
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == ' ') {
        regex.append("\\s+");
        continue;
      }
      regex.append(Pattern.quote(String.valueOf(c)));
      if (i + 1 < q.length() && q.charAt(i + 1) != ' ') {
        regex.append("(?:- *\\n\\s*)?");
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static int lineOf(String text, int offset) {
    return 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
  }
}
