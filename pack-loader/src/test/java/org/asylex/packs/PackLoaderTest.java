package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceQuote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackLoaderTest {

  private static PolicyPack russianPack() {
    LoadResult result = PackLoader.load(RussianPack.DIR);
    assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
    return result.pack().orElseThrow();
  }

  /** Line and column where {@code needle} starts in {@code text}; it must occur exactly once. */
  static SourcePosition positionOf(Path file, String text, String needle) {
    int offset = text.indexOf(needle);
    assertThat(offset).as("'%s' occurs", needle).isNotNegative();
    assertThat(text.indexOf(needle, offset + 1)).as("'%s' occurs once", needle).isNegative();
    String before = text.substring(0, offset);
    return new SourcePosition(
        file.toString(),
        1 + (int) before.chars().filter(c -> c == '\n').count(),
        offset - before.lastIndexOf('\n'));
  }

  @Test
  void theRussianPackLoadsWithoutErrorsOrWarnings() {
    LoadResult result = PackLoader.load(RussianPack.DIR);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    PolicyPack pack = result.pack().orElseThrow();
    assertThat(pack.id()).isEqualTo("RU");
    assertThat(pack.country()).isEqualTo("RU");
    assertThat(pack.version()).isEqualTo("2023-06-08");
    assertThat(pack.elements()).hasSize(6);
    assertThat(pack.rules()).hasSize(10);
    assertThat(pack.assumptions()).hasSize(18);
    assertThat(pack.sources()).singleElement().satisfies(s -> assertThat(s.text()).isNotBlank());
  }

  @Test
  void valueLabelsAreReadInTheOrderOfTheValuesAndAbsentWhereThePackGivesNone() {
    PolicyPack ru = russianPack();
    var military = ru.facts().fact("militaryStatus").orElseThrow();
    assertThat(military.valueLabels().keySet()).containsExactlyElementsOf(military.values());
    assertThat(military.valueLabel("contractSoldier").orElseThrow().nl())
        .isEqualTo("beroepsmilitair (contractsoldaat)");
    assertThat(
            ru.facts().fact("regionOfOrigin").orElseThrow().valueLabel("RU-CE").orElseThrow().en())
        .isEqualTo("Chechnya");
    assertThat(ru.facts().fact("regionOfOrigin").orElseThrow().valueLabel("RU-MOW")).isEmpty();
    assertThat(ru.facts().fact("lgbti").orElseThrow().valueLabels()).isEmpty();
    var reading = ru.assumption("conscript-reading").orElseThrow();
    assertThat(reading.valueLabels().keySet()).containsExactly("liable", "serving");
    assertThat(ru.assumption("criticism-clause-scope").orElseThrow().valueLabels()).hasSize(2);
  }

  @Test
  void everyRuleVersionCitesQuotesFoundOnTheLineOfTheLetterThatHoldsTheirFirstWord() {
    PolicyPack pack = russianPack();
    for (Rule rule : pack.rules()) {
      for (Rule.Version version : rule.versions()) {
        assertThat(version.sources()).as("quotes of rule %s", rule.id()).isNotEmpty();
        for (SourceQuote quote : version.sources()) {
          String[] lines = pack.source(quote.document()).orElseThrow().text().split("\n", -1);
          String line = lines[quote.span().line() - 1];
          String firstWord = quote.quote().split(" ")[0];
          assertThat(line.substring(quote.span().column() - 1))
              .as("rule %s: line %d of the letter", rule.id(), quote.span().line())
              .startsWith(firstWord);
        }
      }
    }
  }

  @Test
  void theQuoteOfTheLapseIsFoundAtLine72OfTheLetter() {
    Rule rule = russianPack().rule("decision-moratorium-conscripts").orElseThrow();
    SourceQuote lapse =
        rule.versions().get(0).sources().stream()
            .filter(q -> q.quote().contains("vervalt van rechtswege per 29 juni 2023"))
            .findFirst()
            .orElseThrow();

    assertThat(lapse.span().line()).isEqualTo(72);
    assertThat(lapse.span().column()).isEqualTo(11); // after "verlengd. "
    assertThat(lapse.span().endLine()).isEqualTo(73);
    assertThat(lapse.origin().file()).endsWith("rules.yaml");
  }

  @Test
  void theContentHashIsStableAndChangesWithOneByte(@TempDir Path tmp) throws IOException {
    String original = russianPack().contentHash();
    Path copy = RussianPack.copyTo(tmp);
    String first = PackLoader.load(copy).pack().orElseThrow().contentHash();
    String second = PackLoader.load(copy).pack().orElseThrow().contentHash();

    assertThat(original).startsWith("sha256:").hasSize("sha256:".length() + 64);
    assertThat(second).isEqualTo(first);
    assertThat(first).as("the hash does not depend on where the pack lies").isEqualTo(original);

    Path scenarios = Files.createDirectories(copy.resolve("scenarios"));
    Files.writeString(scenarios.resolve("case.yaml"), "not part of the pack\n");
    assertThat(PackLoader.load(copy).pack().orElseThrow().contentHash())
        .as("scenarios/ is not part of the hash")
        .isEqualTo(first);

    Path rules = copy.resolve("rules.yaml");
    byte[] bytes = Files.readAllBytes(rules);
    assertThat((char) bytes[2]).isEqualTo('T'); // "# The rules of ..."
    bytes[2] = 't';
    Files.write(rules, bytes);
    LoadResult changed = PackLoader.load(copy);
    assertThat(changed.diagnostics()).isEmpty();
    assertThat(changed.pack().orElseThrow().contentHash()).isNotEqualTo(first);
  }

  @Test
  void aTypeErrorInAFoldedConditionIsReportedAtTheOffendingWord(@TempDir Path tmp)
      throws IOException {
    String rules =
        """
        rules:
          - id: the-rule
            element: risk-group
            when: >-
              refugee
              and (refugee or 2023-06-08)
            outcome: applies
            reason: {nl: Ja, en: Yes}
            sources: [{document: doc, quote: "De tweede zin staat hier."}]
        """;
    Path dir = TinyPack.valid().with("rules.yaml", rules).writeTo(tmp);

    LoadResult result = PackLoader.load(dir);

    Path file = dir.resolve("rules.yaml");
    assertThat(result.pack()).isEmpty();
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("type-mismatch");
              assertThat(d.position()).isEqualTo(positionOf(file, rules, "2023-06-08"));
              assertThat(d.position()).isEqualTo(new SourcePosition(file.toString(), 6, 23));
              assertThat(d.message())
                  .isEqualTo("'or' needs a condition (true/false) here, but this is a date");
            });
  }

  @Test
  void positionsInsideConditionsFollowTheScalarStyle(@TempDir Path tmp) {
    // plain multi-line, double-quoted multi-line, literal with a header comment that holds the
    // same words as the condition, single-quoted with escaped quotes
    String rules =
        """
        definitions:
          - name: plain
            when: refugee and
              refugees
          - name: doubleQuoted
            when: "refugee
              and refugees"
          - name: literal
            when: |- # refugee, refugees
              refugees
              and refugee
          - name: singleQuoted
            when: 'refugee and ''x'' = ''x'' and refugees'
        rules:
          - id: the-rule
            element: risk-group
            when: plain or doubleQuoted or literal or singleQuoted
            outcome: applies
            reason: {nl: Ja, en: Yes}
            sources: [{document: doc, quote: "De tweede zin staat hier."}]
        """;
    Path dir = TinyPack.valid().with("rules.yaml", rules).writeTo(tmp);
    String file = dir.resolve("rules.yaml").toString();

    LoadResult result = PackLoader.load(dir);

    assertThat(result.errors())
        .allSatisfy(d -> assertThat(d.code()).isEqualTo("unknown-fact"))
        .extracting(Diagnostic::position)
        .containsExactly(
            new SourcePosition(file, 4, 7),
            new SourcePosition(file, 7, 11),
            new SourcePosition(file, 10, 7),
            new SourcePosition(file, 13, 42));
  }

  @Test
  void packDirectoryFindsThePackByItsId(@TempDir Path tmp) throws IOException {
    var policies = new PackDirectory(RussianPack.DIR.getParent());

    assertThat(policies.find("RU")).contains(RussianPack.DIR.getParent().resolve("ru"));
    assertThat(policies.find("ru")).isPresent();
    assertThat(policies.find("XX")).isEmpty();
    assertThat(policies.ids()).contains("RU").allMatch(id -> id.equals(id.toUpperCase()));

    Files.createDirectories(tmp.resolve("notes"));
    TinyPack.valid().writeTo(Files.createDirectories(tmp.resolve("xx")));
    var other = new PackDirectory(tmp);
    assertThat(other.ids()).containsExactly("XX");
    assertThat(other.packs()).containsExactly(tmp.resolve("xx"));
    assertThat(new PackDirectory(tmp.resolve("absent")).ids()).isEmpty();
  }

  @Test
  void aMissingPackDirectoryIsOneErrorNotAnException(@TempDir Path tmp) {
    LoadResult result = PackLoader.load(tmp.resolve("absent"));

    assertThat(result.pack()).isEmpty();
    assertThat(result.errors()).extracting(Diagnostic::code).containsExactly("no-pack");
  }

  @Test
  void aQuoteSplitOverLinesAndHyphenatedIsFound(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with("sources/doc.txt", "Voor dienstplich-\ntigen geldt  dit\nniet.\n")
            .with(
                "rules.yaml",
                """
                rules:
                  - id: the-rule
                    element: risk-group
                    when: refugee
                    outcome: applies
                    reason: {nl: Ja, en: Yes}
                    sources: [{document: doc, quote: "dienstplichtigen geldt dit niet."}]
                """)
            .writeTo(tmp);

    SourceQuote quote =
        PackLoader.load(dir).pack().orElseThrow().rules().get(0).versions().get(0).sources().get(0);

    assertThat(quote.span().line()).isEqualTo(1);
    assertThat(quote.span().column()).isEqualTo(6);
    assertThat(quote.span().endLine()).isEqualTo(3);
  }
}
