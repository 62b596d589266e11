package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line says about bad input names the input, not the libraries it is read with
 * (issue 13: CLI messages that leak internals or mislead), and it reads UTF-8 strictly (issue 13:
 * overlong UTF-8).
 */
class CliMessagesTest {
  @TempDir Path tmp;

  private static void assertNoInternals(CliRun run) {
    assertThat(run.err() + run.out())
        .doesNotContain("StreamReadConstraints")
        .doesNotContain("java.")
        .doesNotContain("Exception")
        .doesNotContain("`");
  }

  @Test
  void aDocumentNestedTooDeeplySaysSoInItsOwnWords() throws Exception {
    String deep = "{\"a\":" + "[".repeat(1200) + "]".repeat(1200) + "}";
    Path file = Files.writeString(tmp.resolve("deep.json"), deep);
    CliRun assess =
        CliRun.of(
            "assess", file.toString(), "--as-of", "2023-01-15", "--policies", CliRun.POLICIES);
    assertThat(assess.exitCode()).isEqualTo(2);
    assertNoInternals(assess);
    assertThat(assess.err()).contains("nested more than 1000 levels deep");

    Path lines =
        Files.writeString(tmp.resolve("deep.jsonl"), "{\"id\":\"D-1\",\"facts\":" + deep + "}\n");
    CliRun imported =
        CliRun.of(
            "case",
            "import",
            lines.toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--policies",
            CliRun.POLICIES);
    assertThat(imported.exitCode()).isEqualTo(2);
    assertNoInternals(imported);
    assertThat(imported.err()).contains("nested more than 1000 levels deep");
  }

  @Test
  void aDataDirectoryThatIsAFileIsNamedAsSuch() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
    CliRun run = CliRun.of("case", "list", "--data", file.toString());
    assertThat(run.exitCode()).isEqualTo(Main.STORE_FAILED);
    assertNoInternals(run);
    assertThat(run.err())
        .isEqualTo(
            "asylex: cannot use " + file + " as the data directory: " + file + " is a file\n");
  }

  /** "RU" with its R written as the overlong two-byte form C1 92, which lenient decoders read. */
  private static byte[] overlongRu(String before, String after) {
    var bytes = new ByteArrayOutputStream();
    bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC1);
    bytes.write(0x92);
    bytes.write('U');
    bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  @Test
  void overlongUtf8IsMalformedNotDecoded() throws Exception {
    Path facts =
        Files.write(tmp.resolve("overlong.json"), overlongRu("{\"countryOfOrigin\":\"", "\"}"));
    CliRun assess =
        CliRun.of(
            "assess", facts.toString(), "--as-of", "2023-01-15", "--policies", CliRun.POLICIES);
    assertThat(assess.exitCode()).as(assess.out()).isEqualTo(2);
    assertThat(assess.err()).contains("malformed JSON").contains("not valid UTF-8");

    Path lines =
        Files.write(
            tmp.resolve("overlong.jsonl"),
            overlongRu("{\"id\":\"O-1\",\"facts\":{\"countryOfOrigin\":\"", "\"}}\n"));
    CliRun imported =
        CliRun.of(
            "case",
            "import",
            lines.toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--policies",
            CliRun.POLICIES);
    assertThat(imported.exitCode()).isEqualTo(2);
    assertThat(imported.out()).contains("created 0").contains("rejected 1");
    assertThat(imported.err()).contains("not valid UTF-8");
  }

  /** Issue 13, error amplification: the first 20 problems of an input, then a count. */
  @Test
  void manyProblemsInOneInputPrintTheFirstTwentyAndACount() throws Exception {
    var facts = new StringBuilder("{\"countryOfOrigin\":\"RU\"");
    for (int i = 0; i < 5_000; i++) {
      facts.append(",\"unknown").append(i).append("\":1");
    }
    facts.append('}');
    Path file = Files.writeString(tmp.resolve("many.json"), facts);
    CliRun assess =
        CliRun.of(
            "assess", file.toString(), "--as-of", "2023-01-15", "--policies", CliRun.POLICIES);
    assertThat(assess.exitCode()).isEqualTo(2);
    assertThat(assess.err().lines().count()).isLessThanOrEqualTo(23);
    assertThat(assess.err()).contains(": and 4980 more\n").contains("5000 errors in the case");

    Path lines =
        Files.writeString(tmp.resolve("many.jsonl"), "{\"id\":\"M-1\",\"facts\":" + facts + "}\n");
    CliRun imported =
        CliRun.of(
            "case",
            "import",
            lines.toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--policies",
            CliRun.POLICIES);
    assertThat(imported.exitCode()).isEqualTo(2);
    assertThat(imported.err().lines().count()).isLessThanOrEqualTo(22);
    assertThat(imported.err()).contains("many.jsonl:1: and 4980 more\n");
  }
}
