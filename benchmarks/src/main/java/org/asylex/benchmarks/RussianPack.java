package org.asylex.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.packs.LoadResult;
import org.asylex.packs.PackLoader;

/** The real RU pack, loaded with the pack loader and compiled under its default assumptions. */
public final class RussianPack {
  /** System property naming the pack directory; by default found from the working directory. */
  public static final String PROPERTY = "asylex.pack";

  private RussianPack() {}

  /** {@code policies/ru} from the repository root, or {@code ../policies/ru} from a module. */
  public static Path directory() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path candidate : new Path[] {Path.of("policies/ru"), Path.of("../policies/ru")}) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "cannot find policies/ru: run from the repository root or set -D" + PROPERTY + "=DIR");
  }

  public static PolicyPack load() {
    Path dir = directory();
    LoadResult result = PackLoader.load(dir);
    return result
        .pack()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the pack in " + dir + " has errors: " + result.errors()));
  }

  /** The pack compiled under its defaults: in-force date 2023-06-08, age 27 excluded. */
  public static CompiledPolicy compileDefaults(PolicyPack pack) {
    return CompiledPolicy.compile(pack, AssumptionValues.defaults(pack));
  }
}
