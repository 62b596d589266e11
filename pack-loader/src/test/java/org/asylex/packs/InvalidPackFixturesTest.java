package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.asylex.engine.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One invalid pack per defect: each fixture of {@code invalid-packs/} edits a copy of the Russian
 * pack, and the copy must be rejected with the fixture's diagnostic, at its file, line and column.
 */
class InvalidPackFixturesTest {

  static Stream<InvalidPackFixture> fixtures() {
    return InvalidPackFixture.all();
  }

  @Test
  void anUneditedCopyLoadsWithoutErrorsOrWarnings(@TempDir Path tmp) {
    LoadResult result = PackLoader.load(RussianPack.copyTo(tmp));

    assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
    assertThat(result.pack()).isPresent();
  }

  @Test
  void everyDefectTheIssueNamesHasAFixture() {
    assertThat(fixtures().map(InvalidPackFixture::name))
        .containsAll(AllDefectsAtOnceTest.ISSUE_DEFECTS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theEditedPackIsRejectedWithTheDefectsFileLineAndColumn(
      InvalidPackFixture fixture, @TempDir Path tmp) {
    Path pack = RussianPack.copyTo(tmp);
    InvalidPackFixture.Edited edited = fixture.apply(pack);

    LoadResult result = PackLoader.load(pack);

    assertThat(result.pack()).as("%s: the pack is rejected", fixture.name()).isEmpty();
    Diagnostic reported = fixture.assertReported(result.diagnostics(), edited);
    if (fixture.expect().noOtherErrors()) {
      assertThat(result.errors())
          .as(
              "%s: no follow-up errors; the loader said:%n%s",
              fixture.name(),
              result.diagnostics().stream()
                  .map(Diagnostic::format)
                  .collect(Collectors.joining("\n")))
          .containsExactly(reported);
    }
  }
}
