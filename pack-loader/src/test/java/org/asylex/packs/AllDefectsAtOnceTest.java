package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asylex.engine.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One load reports every error of a pack, not just the first. */
class AllDefectsAtOnceTest {

  /** The six defects the issue names, one fixture each. */
  static final List<String> ISSUE_DEFECTS =
      List.of(
          "changed-letter-in-quote.yaml",
          "overlapping-versions.yaml",
          "unknown-fact-in-condition.yaml",
          "undefined-assumption.yaml",
          "syntax-error-in-condition.yaml",
          "conflicting-rules.yaml");

  @Test
  void sixDefectsInOneCopyAreAllReportedAtTheirPlaces(@TempDir Path tmp) {
    Path pack = RussianPack.copyTo(tmp);
    List<InvalidPackFixture> fixtures =
        ISSUE_DEFECTS.stream().map(InvalidPackFixture::named).toList();
    var edits = new ArrayList<InvalidPackFixture.Edited>();
    for (InvalidPackFixture fixture : fixtures) {
      InvalidPackFixture.Edited edit = fixture.apply(pack);
      // an edit earlier in the same file moves the replacements made before it
      int shift = fixture.replace().length() - fixture.find().length();
      edits.replaceAll(
          e ->
              !e.path().equals(edit.path())
                  ? e
                  : new InvalidPackFixture.Edited(
                      e.path(),
                      edit.text(),
                      e.start() > edit.start() ? e.start() + shift : e.start()));
      edits.add(edit);
    }

    LoadResult result = PackLoader.load(pack);

    assertThat(result.pack()).isEmpty();
    var reported = new ArrayList<Diagnostic>();
    for (int i = 0; i < fixtures.size(); i++) {
      reported.add(fixtures.get(i).assertReported(result.diagnostics(), edits.get(i)));
    }
    assertThat(reported).doesNotHaveDuplicates();
    assertThat(result.errors()).containsExactlyInAnyOrderElementsOf(reported);
  }
}
