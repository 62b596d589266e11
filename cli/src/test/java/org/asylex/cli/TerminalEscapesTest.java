package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from outside never reaches the terminal as a control sequence (issue 13, terminal escape
 * injection): fact names, ids, values and file names from an imported file, and arguments echoed in
 * usage errors, come out with their control characters escaped, so they can neither clear the
 * screen nor forge a line such as "0 errors".
 */
class TerminalEscapesTest {
  private static final String ESC = "\u001b";

  @TempDir Path tmp;

  private String[] store(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--data";
    all[args.length + 1] = tmp.resolve("data").toString();
    all[args.length + 2] = "--actor";
    all[args.length + 3] = "officer.a";
    return all;
  }

  /** Nothing that acts on a terminal: only printable text, tabs and line feeds. */
  private static void assertInert(String printed) {
    for (char c : printed.toCharArray()) {
      boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
      boolean reorders = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
      assertThat(control || reorders)
          .as("U+%04X in %s", (int) c, printed.replace(ESC, "<ESC>"))
          .isFalse();
    }
  }

  @Test
  void escapeCodesOfAnImportedFileComeOutEscaped() throws Exception {
    Path file = tmp.resolve("cases" + ESC + "[2J.jsonl");
    String lines =
        String.join(
                "\n",
                // a fact name that clears the screen and homes the cursor
                "{\"id\":\"E-1\",\"facts\":{\"countryOfOrigin\":\"RU\",\"\\u001b[2J\\u001b[Hgender\":1}}",
                // a fact name that forges a line of its own
                "{\"id\":\"E-2\",\"facts\":{\"countryOfOrigin\":\"RU\",\"x\\n0 errors\\r\":true}}",
                // a value with an 8-bit CSI and a right-to-left override
                "{\"id\":\"E-3\",\"facts\":{\"countryOfOrigin\":\"RU\",\"gender\":\"\\u009b2J\\u202e\"}}",
                // an id with a colour code
                "{\"id\":\"E\\u001b[31m-4\",\"facts\":{\"countryOfOrigin\":\"RU\"}}",
                // an unknown top-level key with a bell and a backspace
                "{\"id\":\"E-5\",\"facts\":{\"countryOfOrigin\":\"RU\"},\"k\\u0007\\b\":1}")
            + "\n";
    Files.write(file, lines.getBytes(StandardCharsets.UTF_8));

    CliRun run = CliRun.of(store("case", "import", file.toString(), "--policies", CliRun.POLICIES));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertInert(run.out());
    assertInert(run.err());
    assertThat(run.err())
        .contains("\\u001b[2J\\u001b[Hgender")
        .contains("x\\u000a0 errors\\u000d")
        .contains("cases\\u001b[2J.jsonl:");
    assertThat(run.err().lines()).noneMatch(l -> l.startsWith("0 errors"));
  }

  @Test
  void argumentsEchoedInUsageErrorsComeOutEscaped() {
    CliRun run = CliRun.of(store("case", "list", "--" + ESC + "[2J" + ESC + "]0;title\u0007"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertInert(run.err());
    assertThat(run.err()).contains("\\u001b[2J");

    CliRun show = CliRun.of(store("case", "show", "A" + ESC + "[31m\u202e"));
    assertInert(show.err());
    assertInert(show.out());
  }
}
