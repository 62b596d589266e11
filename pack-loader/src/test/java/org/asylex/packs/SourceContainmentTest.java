package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack reads only files inside its own directory, links resolved, and no diagnostic shows more of
 * a source document than a bounded word (issue 13).
 */
class SourceContainmentTest {

  private static final String SECRET = "De wachtwoord=hunter2 staat buiten het pakket.\n";

  @Test
  void aSourceThatIsALinkToAFileOutsideThePackIsRejectedWithoutShowingItsText(@TempDir Path tmp)
      throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET);
    Path dir = TinyPack.valid().writeTo(Files.createDirectories(tmp.resolve("pack")));
    Path doc = dir.resolve("sources/doc.txt");
    Files.delete(doc);
    Files.createSymbolicLink(doc, secret);

    LoadResult result = PackLoader.load(dir);

    assertThat(result.pack()).isEmpty();
    assertThat(result.diagnostics())
        .extracting(Diagnostic::format)
        .noneMatch(m -> m.contains("hunter2") || m.contains("wachtwoord"));
    Path packYaml = dir.resolve("pack.yaml");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("bad-path");
              assertThat(d.position())
                  .isEqualTo(new SourcePosition(packYaml.toString(), 7, 11)); // file: value
              assertThat(d.message())
                  .contains("'sources/doc.txt'")
                  .contains("outside the pack directory");
            });
  }

  @Test
  void aSourcesDirectoryThatIsALinkToADirectoryOutsideThePackIsRejected(@TempDir Path tmp)
      throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("doc.txt"), SECRET);
    Path dir = TinyPack.valid().writeTo(Files.createDirectories(tmp.resolve("pack")));
    Files.delete(dir.resolve("sources/doc.txt"));
    Files.delete(dir.resolve("sources"));
    Files.createSymbolicLink(dir.resolve("sources"), outside);

    LoadResult result = PackLoader.load(dir);

    assertThat(result.errors())
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "bad-path",
                "source file 'sources/doc.txt' leads outside the pack directory through a"
                    + " symbolic link; a pack reads only files inside its directory"));
  }

  @Test
  void aSourceThatIsALinkInsideThePackIsRead(@TempDir Path tmp) throws IOException {
    Path dir = TinyPack.valid().writeTo(tmp);
    Path doc = dir.resolve("sources/doc.txt");
    Files.move(doc, dir.resolve("sources/real.txt"));
    Files.createSymbolicLink(doc, Path.of("real.txt"));

    LoadResult result = PackLoader.load(dir);

    assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
    assertThat(result.pack()).isPresent();
  }

  @Test
  void aPackThatIsItselfALinkIsRead(@TempDir Path tmp) throws IOException {
    Path dir = TinyPack.valid().writeTo(Files.createDirectories(tmp.resolve("real")));
    Path link = Files.createSymbolicLink(tmp.resolve("linked"), dir);

    LoadResult result = PackLoader.load(link);

    assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
  }

  @Test
  void aPackFileThatIsALinkToAFileOutsideThePackIsRejectedWithoutShowingItsText(@TempDir Path tmp)
      throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.yaml"), "hunter2\n");
    Path dir = TinyPack.valid().writeTo(Files.createDirectories(tmp.resolve("pack")));
    Path facts = dir.resolve("facts.yaml");
    Files.delete(facts);
    Files.createSymbolicLink(facts, secret);

    LoadResult result = PackLoader.load(dir);

    assertThat(result.diagnostics())
        .extracting(Diagnostic::format)
        .noneMatch(m -> m.contains("hunter2"));
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("bad-path");
              assertThat(d.position()).isEqualTo(SourcePosition.ofFile(facts.toString()));
            });
  }

  @Test
  void whereAQuoteStopsMatchingShowsABoundedPartOfTheDocument(@TempDir Path tmp) {
    String word = "Lang" + "x".repeat(5_000);
    Path dir =
        TinyPack.valid()
            .with("sources/doc.txt", "Dit is de eerste zin.\nDe " + word + " \u001b[2J\n")
            .writeTo(tmp);

    LoadResult result = PackLoader.load(dir);

    Diagnostic d = result.errors().get(0);
    assertThat(d.code()).isEqualTo("quote-not-found");
    String shown = QuoteDivergence.MAX_SHOWN_CHARACTERS + " characters";
    assertThat(d.message())
        .as(shown)
        .contains("then the quote reads 'tweede' where the document reads 'Langxxx")
        .contains("…'")
        .doesNotContain("x".repeat(QuoteDivergence.MAX_SHOWN_CHARACTERS));
    assertThat(d.message().length()).isLessThan(300);
  }

  @Test
  void controlCharactersOfTheDocumentAreNotShownRaw(@TempDir Path tmp) {
    Path dir =
        TinyPack.valid()
            .with("sources/doc.txt", "Dit is de eerste zin.\nDe \u001b[2Jtweede zin staat\nhier.\n")
            .writeTo(tmp);

    Diagnostic d = PackLoader.load(dir).errors().get(0);

    assertThat(d.code()).isEqualTo("quote-not-found");
    assertThat(d.message()).doesNotContain("\u001b").contains("'\\u001b[2Jtweede'");
  }
}
