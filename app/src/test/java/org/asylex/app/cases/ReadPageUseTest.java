package org.asylex.app.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.asylex.store.CaseFilter;
import org.asylex.store.CaseRecord;
import org.asylex.store.ReadPage;
import org.asylex.store.Store;
import org.junit.jupiter.api.Test;

/**
 * A page read by {@link Store#readPage} is on record only once its receipts are stored, with its
 * {@code case.list} events (ADR 0029): only the caseload assessment, which tells nothing of a page
 * before it is stored, may read one.
 */
class ReadPageUseTest {
  static final ArchRule ONLY_THE_CASELOAD_ASSESSMENT_READS_PAGES =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(StoredAssessments.class.getName())
          .should()
          .callMethod(Store.class, "readPage", CaseFilter.class, int.class, int.class)
          .because(
              "a page read by readPage goes on record with its receipts: only"
                  + " StoredAssessments.assessAll stores them before telling anything of it");

  @Test
  void onlyTheCaseloadAssessmentReadsPagesWhoseReadIsRecordedLater() {
    ONLY_THE_CASELOAD_ASSESSMENT_READS_PAGES.check(
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.asylex"));
  }

  @Test
  void aClassThatReadsAPageAndShowsItBreaksTheRule() {
    JavaClasses fixture = new ClassFileImporter().importClasses(ShowsAnUnrecordedPage.class);

    assertThatThrownBy(() -> ONLY_THE_CASELOAD_ASSESSMENT_READS_PAGES.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Store.readPage");
  }

  /** Reads a page and lists its cases without storing it: nothing of that read is on record. */
  static final class ShowsAnUnrecordedPage {
    static java.util.List<String> ids(Store store) {
      ReadPage page = store.readPage(CaseFilter.all(), 0, 10);
      return page.cases().stream().map(CaseRecord::id).toList();
    }
  }
}
