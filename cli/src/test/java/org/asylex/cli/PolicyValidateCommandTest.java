package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyValidateCommandTest {

  @Test
  void theRussianPackIsValidAndExitsZero() {
    CliRun run = CliRun.of("policy", "validate", "../policies/ru");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("../policies/ru: valid: pack RU version 2023-06-08");
    assertThat(run.out()).contains("0 warnings").contains("sha256:");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void withoutADirectoryEveryPackInThePoliciesDirectoryIsValidated() {
    CliRun run = CliRun.of("policy", "validate", "--policies", CliRun.POLICIES);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("ru: valid: pack RU");
  }

  @Test
  void everyErrorOfABrokenPackIsListedWithFileLineAndColumnAndExitsTwo(@TempDir Path tmp)
      throws IOException {
    Path pack = copyOfRussianPack(tmp);
    Path rules = pack.resolve("rules.yaml");
    String text = Files.readString(rules, StandardCharsets.UTF_8);
    // Two independent defects: a misspelt fact and one changed letter in a quote.
    text = text.replaceFirst("fearsMobilisation", "fearsMobilsation");
    text =
        text.replace(
            "vervalt van rechtswege per 29 juni 2023", "vervalt van rechtswege per 29 juli 2023");
    Files.writeString(rules, text, StandardCharsets.UTF_8);

    CliRun run = CliRun.of("policy", "validate", pack.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    String rulesFile = rules.toString();
    assertThat(run.out())
        .containsPattern(
            java.util.regex.Pattern.quote(rulesFile)
                + ":\\d+:\\d+: error\\[unknown-fact\\]: unknown fact or definition"
                + " 'fearsMobilsation'; did you mean 'fearsMobilisation'\\?")
        .containsPattern(
            java.util.regex.Pattern.quote(rulesFile) + ":\\d+:\\d+: error\\[quote-not-found\\]")
        .contains("^")
        .contains("invalid: ");
    long quoteErrors = run.out().lines().filter(l -> l.contains("error[quote-not-found]")).count();
    assertThat(quoteErrors).as("the lapse is quoted by both moratorium rules").isEqualTo(2);
  }

  @Test
  void anUnknownPackIdNamesThePacksThatExist() {
    CliRun run = CliRun.of("policy", "validate", "--policies", CliRun.POLICIES, "XX");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no policy pack 'XX'").contains("packs there: RU");
  }

  @Test
  void aPackNestedThousandsOfLevelsDeepIsOnePositionedErrorAndExitsTwoWithoutAStackTrace(
      @TempDir Path tmp) throws IOException {
    Path pack = copyOfRussianPack(tmp);
    Path facts = pack.resolve("facts.yaml");
    Files.writeString(
        facts, "facts: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("policy", "validate", pack.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains(facts + ":1:71: error[too-deep]: the YAML is nested more than 64 levels deep")
        .contains("invalid: 1 errors");
    assertThat(run.out() + run.err())
        .doesNotContain("StackOverflowError")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void aMissingPathIsAUsageErrorNamingThePathNotAnUnknownPackId(@TempDir Path tmp) {
    String missing = tmp.resolve("absent/ru").toString();

    CliRun run = CliRun.of("policy", "validate", "--policies", CliRun.POLICIES, missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("asylex: no such directory: " + missing + "\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aFileIsAUsageErrorNamingThePathNotAnUnknownPackId() {
    for (String file : new String[] {"../policies/ru/pack.yaml", "pom.xml"}) {
      CliRun run = CliRun.of("policy", "validate", "--policies", CliRun.POLICIES, file);

      assertThat(run.exitCode()).as(file).isEqualTo(2);
      assertThat(run.err())
          .as(file)
          .isEqualTo(
              "asylex: " + file + " is not a directory: a pack is a directory holding pack.yaml\n");
    }
  }

  static Path copyOfRussianPack(Path tmp) throws IOException {
    Path source = Path.of("../policies/ru");
    Path target = tmp.resolve("ru");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return target;
  }
}
