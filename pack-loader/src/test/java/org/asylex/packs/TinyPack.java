package org.asylex.packs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small valid pack, written to a directory; a test replaces the file it is about. */
final class TinyPack {
  static final String DOCUMENT = "Dit is de eerste zin.\nDe tweede zin staat\nhier.\n";

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  private TinyPack() {
    with(
        "pack.yaml",
        """
        id: XX
        country: XX
        version: "1"
        title: {nl: Proefpakket, en: Test pack}
        sources:
          - id: doc
            file: sources/doc.txt
            title: {nl: Document, en: Document}
            date: 2023-06-08
        """);
    with("sources/doc.txt", DOCUMENT);
    with(
        "facts.yaml",
        """
        facts:
          - name: refugee
            type: boolean
            label: {nl: Vluchteling, en: Refugee}
            question: {nl: Is de aanvrager vluchteling?, en: Is the applicant a refugee?}
          - name: countryOfOrigin
            type: country
            label: {nl: Land van herkomst, en: Country of origin}
            question: {nl: Land?, en: Country?}
        """);
    with(
        "elements.yaml",
        """
        elements:
          - id: risk-group
            slot: risk-groups
            title: {nl: Risicogroep, en: Risk group}
            applies-means: {nl: Risicogroep, en: Risk group}
            otherwise: {outcome: does_not_apply, reason: {nl: Nee, en: No}}
            not-in-force: {outcome: does_not_apply, reason: {nl: Nee, en: No}}
        """);
    with("assumptions.yaml", "assumptions: []\n");
    with(
        "rules.yaml",
        """
        rules:
          - id: the-rule
            element: risk-group
            when: refugee
            outcome: applies
            reason: {nl: Ja, en: Yes}
            sources: [{document: doc, quote: "De tweede zin staat hier."}]
        """);
  }

  static TinyPack valid() {
    return new TinyPack();
  }

  TinyPack with(String file, String text) {
    return with(file, text.getBytes(StandardCharsets.UTF_8));
  }

  TinyPack with(String file, byte[] bytes) {
    files.put(file, bytes);
    return this;
  }

  /** Writes the pack to {@code dir} and returns it. */
  Path writeTo(Path dir) {
    try {
      for (var file : files.entrySet()) {
        Path path = dir.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }
}
