package org.asylex.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The engine core is pure: it depends on the JDK's value types alone, reads no clock and no
 * environment, and keeps no static state. Adapters (the pack loader, the CLI) do the I/O.
 *
 * <p>Each rule is also run against a small class of this test that breaks it, so that a rule that
 * could never fail would be noticed.
 */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("org.asylex.engine");

  private static final String ENGINE = "org.asylex.engine..";

  /** java.lang (not reflection), collections, regex, streams, functions, dates, numbers. */
  private static final ArchRule ONLY_JDK_VALUE_TYPES =
      classes()
          .that()
          .resideInAPackage(ENGINE)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java.lang", "java.util..", "java.time..", "java.math..", ENGINE);

  private static final ArchRule NO_IO_NO_FRAMEWORK =
      noClasses()
          .that()
          .resideInAPackage(ENGINE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.io..",
              "java.nio..",
              "java.net..",
              "java.sql..",
              "java.lang.reflect..",
              "java.util.logging..",
              "com.fasterxml..",
              "org.yaml..",
              "org.snakeyaml..",
              "picocli..",
              "io.javalin..",
              "org.slf4j..");

  private static final DescribedPredicate<JavaMethodCall> READS_THE_CLOCK =
      DescribedPredicate.describe(
          "read the current time (java.time *.now(...), System.currentTimeMillis/nanoTime)",
          call ->
              (call.getTargetOwner().getPackageName().equals("java.time")
                      && call.getName().equals("now"))
                  || (call.getTargetOwner().isEquivalentTo(System.class)
                      && (call.getName().equals("currentTimeMillis")
                          || call.getName().equals("nanoTime"))));

  private static final ArchRule NO_CLOCK =
      noClasses()
          .that()
          .resideInAPackage(ENGINE)
          .should()
          .callMethodWhere(READS_THE_CLOCK)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Clock.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(InstantSource.class);

  private static final DescribedPredicate<JavaMethodCall> READS_THE_ENVIRONMENT =
      DescribedPredicate.describe(
          "read the environment or system properties",
          call ->
              (call.getTargetOwner().isEquivalentTo(System.class)
                      && (call.getName().equals("getenv")
                          || call.getName().equals("getProperty")
                          || call.getName().equals("getProperties")))
                  || (call.getTargetOwner().isEquivalentTo(Integer.class)
                      && call.getName().equals("getInteger"))
                  || (call.getTargetOwner().isEquivalentTo(Long.class)
                      && call.getName().equals("getLong"))
                  || (call.getTargetOwner().isEquivalentTo(Boolean.class)
                      && call.getName().equals("getBoolean")));

  private static final ArchRule NO_ENVIRONMENT =
      noClasses().that().resideInAPackage(ENGINE).should().callMethodWhere(READS_THE_ENVIRONMENT);

  private static final ArchRule NO_STATIC_STATE =
      fields()
          .that()
          .areDeclaredInClassesThat()
          .resideInAPackage(ENGINE)
          .and()
          .areStatic()
          .should()
          .beFinal();

  @Test
  void theImportedCoreIsTheWholeEngineWithoutItsTests() {
    assertThat(CORE.contain("org.asylex.engine.expr.ExpressionParser")).isTrue();
    assertThat(CORE.contain("org.asylex.engine.policy.PackValidator")).isTrue();
    assertThat(CORE.contain("org.asylex.engine.source.QuoteLocator")).isTrue();
    assertThat(CORE.contain(ArchitectureTest.class)).isFalse();
  }

  @Test
  void theCoreDependsOnlyOnTheJdksValueTypesAndItself() {
    ONLY_JDK_VALUE_TYPES.check(CORE);
  }

  @Test
  void theCoreDoesNoInputOrOutputAndUsesNoFramework() {
    NO_IO_NO_FRAMEWORK.check(CORE);
  }

  @Test
  void theCoreNeverReadsTheClockSoTheAssessmentDateIsAlwaysAParameter() {
    NO_CLOCK.check(CORE);
  }

  @Test
  void theCoreNeverReadsTheEnvironmentOrSystemProperties() {
    NO_ENVIRONMENT.check(CORE);
  }

  @Test
  void theCoreKeepsNoStaticStateSoEveryStaticFieldIsFinal() {
    NO_STATIC_STATE.check(CORE);
  }

  // Classes that break the rules, to show that each rule can fail.

  static final class ReadsAFile {
    String read() throws IOException {
      return Files.readString(Path.of("pack.yaml"));
    }
  }

  static final class ReadsTheClock {
    LocalDate today() {
      return LocalDate.now();
    }
  }

  static final class ReadsTheZonedClock {
    ZonedDateTime now() {
      return ZonedDateTime.now();
    }
  }

  static final class HoldsAClock {
    private final Clock clock;

    HoldsAClock(Clock clock) {
      this.clock = clock;
    }

    Clock clock() {
      return clock;
    }
  }

  static final class ReadsTheMillis {
    long millis() {
      return System.currentTimeMillis();
    }
  }

  static final class ReadsTheEnvironment {
    String home() {
      return System.getenv("HOME");
    }
  }

  static final class ReadsASystemProperty {
    String user() {
      return System.getProperty("user.name");
    }
  }

  static final class KeepsStaticState {
    static int counter;

    int next() {
      return ++counter;
    }
  }

  private static JavaClasses violator(Class<?> type) {
    return new ClassFileImporter().importClasses(type);
  }

  @Test
  void theDependencyRulesRejectAClassThatReadsAFile() {
    assertThatThrownBy(() -> ONLY_JDK_VALUE_TYPES.check(violator(ReadsAFile.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.nio.file.Files");
    assertThatThrownBy(() -> NO_IO_NO_FRAMEWORK.check(violator(ReadsAFile.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.nio.file.Path");
  }

  @Test
  void theClockRuleRejectsEveryWayOfReadingTheTime() {
    for (Class<?> type :
        new Class<?>[] {
          ReadsTheClock.class, ReadsTheZonedClock.class, HoldsAClock.class, ReadsTheMillis.class
        }) {
      assertThatThrownBy(() -> NO_CLOCK.check(violator(type)))
          .as("%s", type.getSimpleName())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(type.getSimpleName());
    }
  }

  @Test
  void theEnvironmentRuleRejectsEnvironmentVariablesAndSystemProperties() {
    for (Class<?> type : new Class<?>[] {ReadsTheEnvironment.class, ReadsASystemProperty.class}) {
      assertThatThrownBy(() -> NO_ENVIRONMENT.check(violator(type)))
          .as("%s", type.getSimpleName())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(type.getSimpleName());
    }
  }

  @Test
  void theStaticStateRuleRejectsAStaticFieldThatIsNotFinal() {
    assertThatThrownBy(() -> NO_STATIC_STATE.check(violator(KeepsStaticState.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("KeepsStaticState.counter");
  }
}
