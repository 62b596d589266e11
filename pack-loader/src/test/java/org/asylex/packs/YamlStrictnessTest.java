package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Validity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML is read strictly: every scalar is text, read by the field's declared type. */
class YamlStrictnessTest {

  private static PolicyPack loadsCleanly(Path dir) {
    LoadResult result = PackLoader.load(dir);
    assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
    return result.pack().orElseThrow();
  }

  private static Diagnostic onlyError(Path dir) {
    LoadResult result = PackLoader.load(dir);
    assertThat(result.pack()).isEmpty();
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0);
  }

  @Test
  void scalarsThatYamlWouldGuessAtStayText(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with(
                "facts.yaml",
                """
                facts:
                  - name: no
                    type: boolean
                    label: {nl: Nee, en: No}
                    question: {nl: Nee?, en: No?}
                  - name: answer
                    type: enum
                    values: [yes, no, on, off, null, 1.10, 0x1F, ~]
                    label: {nl: Antwoord, en: Answer}
                    question: {nl: Antwoord?, en: Answer?}
                  - name: countryOfOrigin
                    type: country
                    label: {nl: Land, en: Country}
                    question: {nl: Land?, en: Country?}
                """)
            .with(
                "rules.yaml",
                """
                rules:
                  - id: the-rule
                    element: risk-group
                    when: no and answer = 'off'
                    outcome: applies
                    reason: {nl: Ja, en: Yes}
                    sources: [{document: doc, quote: "De tweede zin staat hier."}]
                """)
            .with(
                "pack.yaml",
                """
                id: XX
                country: XX
                version: 1.10
                title: {nl: Proefpakket, en: Test pack}
                sources:
                  - id: doc
                    file: sources/doc.txt
                    title: {nl: Document, en: Document}
                """)
            .writeTo(tmp);

    PolicyPack pack = loadsCleanly(dir);

    FactDefinition no = pack.facts().fact("no").orElseThrow();
    assertThat(no.type()).isEqualTo(FactType.BOOLEAN);
    assertThat(no.label().en()).isEqualTo("No");
    assertThat(pack.facts().fact("answer").orElseThrow().values())
        .containsExactly("yes", "no", "on", "off", "null", "1.10", "0x1F", "~");
    assertThat(pack.version()).isEqualTo("1.10");
  }

  @Test
  void unquotedDatesAreReadAsDates(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with(
                "rules.yaml",
                """
                rules:
                  - id: the-rule
                    element: risk-group
                    valid: {from: 2023-06-08, to: '2024-01-01'}
                    when: refugee
                    outcome: applies
                    reason: {nl: Ja, en: Yes}
                    sources: [{document: doc, quote: "De tweede zin staat hier."}]
                """)
            .writeTo(tmp);

    PolicyPack pack = loadsCleanly(dir);

    assertThat(pack.sources().get(0).date()).isEqualTo(LocalDate.of(2023, 6, 8));
    Validity validity = pack.rules().get(0).versions().get(0).validity();
    assertThat(validity.from()).contains(new DateRef.Fixed(LocalDate.of(2023, 6, 8)));
    assertThat(validity.to()).contains(new DateRef.Fixed(LocalDate.of(2024, 1, 1)));
  }

  @Test
  void aTextWhereAMappingIsExpectedIsAWrongShapeAtTheValue(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with(
                "pack.yaml",
                """
                id: XX
                country: XX
                version: "1"
                title: Proefpakket
                sources:
                  - id: doc
                    file: sources/doc.txt
                    title: {nl: Document, en: Document}
                """)
            .writeTo(tmp);

    Diagnostic d = onlyError(dir);

    assertThat(d.code()).isEqualTo("wrong-shape");
    assertThat(d.position())
        .isEqualTo(new SourcePosition(dir.resolve("pack.yaml").toString(), 4, 8));
    assertThat(d.message())
        .startsWith("pack title: expected a mapping of keys (")
        .contains("nl", "en")
        .endsWith("found the text 'Proefpakket'");
  }

  @Test
  void aListItemThatIsNotAMappingIsAWrongShapeAtTheItem(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with(
                "facts.yaml",
                """
                facts:
                  - refugee
                """)
            .writeTo(tmp);

    LoadResult result = PackLoader.load(dir);

    assertThat(result.pack()).isEmpty();
    assertThat(result.errors())
        .filteredOn(d -> d.code().equals("wrong-shape"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.position())
                  .isEqualTo(new SourcePosition(dir.resolve("facts.yaml").toString(), 2, 5));
              assertThat(d.message()).startsWith("fact: expected a mapping").contains("'refugee'");
            });
  }

  @Test
  void aFileThatIsNotUtf8IsReportedAtItsFirstBadByte(@TempDir Path tmp) {
    byte[] latin1 = "facts:\n  - name: r\u00e9fugi\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Path dir = TinyPack.valid().with("facts.yaml", latin1).writeTo(tmp);

    Diagnostic d = onlyError(dir);

    assertThat(d.code()).isEqualTo("not-utf8");
    assertThat(d.position())
        .isEqualTo(new SourcePosition(dir.resolve("facts.yaml").toString(), 2, 12));
    assertThat(d.message()).contains("0xE9").contains("UTF-8");
  }

  @Test
  void aSourceDocumentThatIsNotUtf8IsReportedWithoutFollowUpErrors(@TempDir Path tmp) {
    byte[] latin1 = "Caf\u00e9\nDe tweede zin staat hier.\n".getBytes(StandardCharsets.ISO_8859_1);
    Path dir = TinyPack.valid().with("sources/doc.txt", latin1).writeTo(tmp);

    Diagnostic d = onlyError(dir);

    assertThat(d.code()).isEqualTo("not-utf8");
    assertThat(d.position())
        .isEqualTo(new SourcePosition(dir.resolve("sources/doc.txt").toString(), 1, 4));
  }

  @Test
  void anEmptyFileAndASecondDocumentAreErrors(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with("assumptions.yaml", "# nothing yet\n")
            .with("facts.yaml", "facts: []\n---\nfacts: []\n")
            .writeTo(tmp);

    LoadResult result = PackLoader.load(dir);

    assertThat(result.pack()).isEmpty();
    assertThat(result.errors())
        .extracting(Diagnostic::code, d -> d.position().toString())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "empty-file", dir.resolve("assumptions.yaml").toString()),
            org.assertj.core.groups.Tuple.tuple("yaml-syntax", dir.resolve("facts.yaml") + ":3:1"));
  }

  @Test
  void aMissingRequiredKeyNamesTheKeyAtItsMapping(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with(
                "facts.yaml",
                """
                facts:
                  - name: refugee
                    label: {nl: Vluchteling, en: Refugee}
                    question: {nl: Vluchteling?, en: Refugee?}
                """)
            .writeTo(tmp);

    LoadResult result = PackLoader.load(dir);

    assertThat(result.pack()).isEmpty();
    // the fact is dropped, so the rule that reads it reports it as unknown as well
    assertThat(result.errors()).extracting(Diagnostic::code).contains("unknown-fact");
    Diagnostic d = result.errors().get(0);
    assertThat(d.code()).isEqualTo("missing-key");
    assertThat(d.position())
        .isEqualTo(new SourcePosition(dir.resolve("facts.yaml").toString(), 2, 5));
    assertThat(d.message()).isEqualTo("fact: missing required key 'type' (a text)");
  }
}
