package org.asylex.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.asylex.cli.fixture.FrontEndThatDoesTheWorkItself;
import org.junit.jupiter.api.Test;

/**
 * The front ends (the command line, the HTTP server and the web UI) hold no workflow logic: they
 * parse, call one use case of the application layer, and render. So they never compile packs, check
 * case input, load packs, build receipts or talk to the store's ports, and the command line uses
 * nothing of the server but its entry point.
 */
class FrontEndArchitectureTest {
  private static final String[] FRONT_ENDS = {
    "org.asylex.cli..", "org.asylex.server..", "org.asylex.web.."
  };

  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.asylex");

  /** The use cases a front end must not carry out itself. */
  static final ArchRule NO_WORKFLOW_IN_FRONT_ENDS =
      noClasses()
          .that()
          .resideInAnyPackage(FRONT_ENDS)
          .should()
          .callMethod(
              org.asylex.engine.assessment.CompiledPolicy.class,
              "compile",
              org.asylex.engine.policy.PolicyPack.class,
              org.asylex.engine.policy.AssumptionValues.class)
          .orShould()
          .callMethodWhere(
              com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                  com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                      com.tngtech.archunit.base.DescribedPredicate.describe(
                          "CaseInput, PackLoader or Receipts",
                          c ->
                              c.getName().equals("org.asylex.engine.assessment.CaseInput")
                                  || c.getName().equals("org.asylex.packs.PackLoader")
                                  || c.getName().equals("org.asylex.app.cases.Receipts")))))
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.asylex.store.Store")
          .orShould()
          .dependOnClassesThat()
          .haveNameMatching(
              "org\\.asylex\\.store\\.(Cases|CaseAssessments|AuditTrail|Users|Transaction"
                  + "|GroupCommit|Jdbi.*|Database|Transactions)")
          .orShould()
          .callConstructor(
              org.asylex.store.StoredAssessment.class,
              String.class,
              String.class,
              long.class,
              java.time.LocalDate.class,
              java.util.Map.class,
              String.class,
              String.class,
              String.class,
              java.util.Map.class,
              String.class,
              org.asylex.store.StoredAssessment.Findings.class,
              String.class,
              java.time.Instant.class,
              java.util.Optional.class)
          .because("a front end parses, calls one use case of org.asylex.app and renders");

  /** The command line starts the server, and knows nothing else of it. */
  static final ArchRule CLI_USES_ONLY_THE_SERVERS_ENTRY_POINT =
      noClasses()
          .that()
          .resideInAPackage("org.asylex.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.asylex.server.*..")
          .because("the command line uses nothing of the server but its entry point");

  /** The command line mounts the web UI, and knows nothing else of it. */
  static final ArchRule CLI_USES_ONLY_THE_WEB_UIS_ENTRY_POINT =
      noClasses()
          .that()
          .resideInAPackage("org.asylex.cli..")
          .should()
          .dependOnClassesThat(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "classes of the web UI but WebUi and its configuration (WebConfig, WebOidc)",
                  c ->
                      c.getPackageName().startsWith("org.asylex.web")
                          && !c.getName().equals("org.asylex.web.WebUi")
                          && !c.getName().equals("org.asylex.web.WebOidc")
                          && !c.getName().equals("org.asylex.web.WebConfig")))
          .because("the command line uses nothing of the web UI but its entry point");

  /** The API knows nothing of the pages mounted beside it. */
  static final ArchRule SERVER_KNOWS_NOTHING_OF_THE_WEB_UI =
      noClasses()
          .that()
          .resideInAPackage("org.asylex.server..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.asylex.web..")
          .because("the web UI is mounted through ServerExtension");

  @Test
  void frontEndsHoldNoWorkflowLogic() {
    NO_WORKFLOW_IN_FRONT_ENDS.check(PRODUCT);
  }

  @Test
  void theCommandLineUsesOnlyTheServersEntryPoint() {
    CLI_USES_ONLY_THE_SERVERS_ENTRY_POINT.check(PRODUCT);
  }

  @Test
  void theCommandLineUsesOnlyTheWebUisEntryPoint() {
    CLI_USES_ONLY_THE_WEB_UIS_ENTRY_POINT.check(PRODUCT);
  }

  @Test
  void theServerKnowsNothingOfTheWebUi() {
    SERVER_KNOWS_NOTHING_OF_THE_WEB_UI.check(PRODUCT);
  }

  @Test
  void aFrontEndThatDoesTheWorkItselfBreaksTheRules() {
    JavaClasses fixture =
        new ClassFileImporter().importClasses(FrontEndThatDoesTheWorkItself.class);

    assertThatThrownBy(() -> NO_WORKFLOW_IN_FRONT_ENDS.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CompiledPolicy.compile")
        .hasMessageContaining("CaseInput.validate")
        .hasMessageContaining("org.asylex.store.Store")
        .hasMessageContaining("StoredAssessment.<init>");
    assertThatThrownBy(() -> CLI_USES_ONLY_THE_SERVERS_ENTRY_POINT.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("org.asylex.server.http");
    assertThatThrownBy(() -> CLI_USES_ONLY_THE_WEB_UIS_ENTRY_POINT.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("org.asylex.web.Texts");
  }
}
