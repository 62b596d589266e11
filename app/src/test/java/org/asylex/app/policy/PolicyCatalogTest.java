package org.asylex.app.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue every front end serves packs from (moved here from the server's own copy). */
class PolicyCatalogTest {
  private static final Path POLICIES = repoRoot().resolve("policies");

  /** The repository: the nearest directory up from here that holds {@code policies/ru}. */
  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("policies/ru/pack.yaml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no policies/ru/pack.yaml above " + Path.of("").toAbsolutePath());
  }

  private static PolicyCatalog catalog(Map<String, Map<String, String>> perPack) {
    PolicyCatalog catalog = PolicyCatalog.of(POLICIES, new AssumptionSettings(perPack, Map.of()));
    catalog.requireAllUsable();
    return catalog;
  }

  @Test
  void everyPackIsLoadedByIdAndCountry() {
    PolicyCatalog catalog = catalog(Map.of());

    assertThat(catalog.packs()).extracting(PolicyPack::id).containsExactly("RU");
    assertThat(catalog.byId("RU")).isPresent();
    assertThat(catalog.byCountry("RU"))
        .isEqualTo(new Lookup.Found(catalog.byId("RU").orElseThrow()));
    assertThat(catalog.byId("XX")).isEmpty();
    assertThat(catalog.countries()).containsExactly("RU");
    PolicyPack ru = catalog.byId("RU").orElseThrow();
    assertThat(catalog.values(ru).isOverridden("in-force-date")).isFalse();
  }

  @Test
  void theDeploymentsValuesAreCompiledIn() {
    PolicyCatalog catalog = catalog(Map.of("RU", Map.of("in-force-date", "2023-07-01")));
    PolicyPack ru = catalog.byId("RU").orElseThrow();

    assertThat(catalog.values(ru).isOverridden("in-force-date")).isTrue();
    assertThat(catalog.overrides(ru)).containsEntry("in-force-date", "2023-07-01");
    AssumptionValues merged =
        catalog.compiled(ru, Map.of("moratorium-age-27-included", "true")).assumptionValues();
    assertThat(merged.isOverridden("in-force-date")).isTrue();
    assertThat(merged.isOverridden("moratorium-age-27-included")).isTrue();
    // exactly these values, whatever the deployment says: as a receipt was made
    assertThat(
            catalog.compiledExactly(ru, Map.of()).assumptionValues().isOverridden("in-force-date"))
        .isFalse();
  }

  @Test
  void compiledPoliciesForRequestValuesAreCachedAndBounded() {
    PolicyCatalog catalog = catalog(Map.of());
    PolicyPack ru = catalog.byId("RU").orElseThrow();

    CompiledPolicy once = catalog.compiled(ru, Map.of("in-force-date", "2023-07-01"));
    assertThat(catalog.compiled(ru, Map.of("in-force-date", "2023-07-01"))).isSameAs(once);
    assertThat(catalog.compiled(ru, Map.of())).isSameAs(catalog.compiled(ru));
    for (int day = 1; day <= PolicyCatalog.CACHE_SIZE + 10; day++) {
      String date = java.time.LocalDate.of(2023, 7, 1).plusDays(day).toString();
      catalog.compiled(ru, Map.of("in-force-date", date));
    }
    assertThat(catalog.cachedPolicies()).isEqualTo(PolicyCatalog.CACHE_SIZE);
  }

  @Test
  void badOverridesAreEveryOneNamed() {
    assertThatThrownBy(
            () ->
                catalog(
                    Map.of(
                        "RU", Map.of("no-such-assumption", "x", "in-force-date", "soon"),
                        "XX", Map.of("a", "b"))))
        .isInstanceOfSatisfying(
            PolicyCatalog.InvalidPacks.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).contains("no-such-assumption"))
                    .anySatisfy(p -> assertThat(p).contains("in-force-date"))
                    .anySatisfy(p -> assertThat(p).contains("pack XX")));
  }

  @Test
  void aMissingOrEmptyDirectoryIsRefused(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                PolicyCatalog.of(dir.resolve("none"), AssumptionSettings.none()).requireAllUsable())
        .isInstanceOf(PolicyCatalog.InvalidPacks.class)
        .hasMessageContaining("no such directory");
    assertThatThrownBy(() -> PolicyCatalog.of(dir, AssumptionSettings.none()).requireAllUsable())
        .isInstanceOf(PolicyCatalog.InvalidPacks.class)
        .hasMessageContaining("no policy packs");
  }

  @Test
  void anInvalidPackIsRefusedWithItsPlaces(@TempDir Path dir) throws IOException {
    Path ru = dir.resolve("ru");
    copy(POLICIES.resolve("ru"), ru);
    Path rules = ru.resolve("rules.yaml");
    Files.writeString(
        rules,
        Files.readString(rules).replaceFirst("refusesMilitaryService", "refusesMilitarySrvice"));

    assertThatThrownBy(() -> PolicyCatalog.of(dir, AssumptionSettings.none()).requireAllUsable())
        .isInstanceOfSatisfying(
            PolicyCatalog.InvalidPacks.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(p -> assertThat(p).matches(".*rules\\.yaml:\\d+:\\d+: .*"))
                    .anySatisfy(p -> assertThat(p).contains("invalid pack")));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
