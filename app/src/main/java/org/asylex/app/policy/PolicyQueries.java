package org.asylex.app.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyDiff;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Timeline;
import org.asylex.packs.LoadResult;
import org.asylex.packs.PackDirectory;
import org.asylex.packs.ScenarioFiles;
import org.asylex.packs.ScenarioRunner;

/**
 * A pack for a legal reader: the pack itself with its assumption values, its timeline, and what
 * differs between two dates. A pack is named by its id (in the catalogue) or, on the command line,
 * by a directory of its own.
 */
public final class PolicyQueries {
  private final PolicyCatalog policies;

  public PolicyQueries(PolicyCatalog policies) {
    this.policies = Objects.requireNonNull(policies, "policies");
  }

  /** A pack with the assumption values it is read under. */
  public record PackView(PolicyPack pack, AssumptionValues values) {}

  /** A pack's timeline under its assumption values. */
  public record TimelineView(
      PolicyPack pack, AssumptionValues values, List<Timeline.Entry> entries) {
    public TimelineView {
      entries = List.copyOf(entries);
    }
  }

  /** What differs between two dates. */
  public record DiffView(PolicyPack pack, AssumptionValues values, PolicyDiff.Result diff) {}

  /**
   * The pack with this id, with the deployment's values and {@code request} over them.
   *
   * @throws Refused when there is no such usable pack, or the values do not fit
   */
  public PackView pack(String id, Map<String, String> request) {
    PolicyPack pack = policies.require(id);
    return new PackView(pack, policies.values(pack, request));
  }

  /**
   * The pack in {@code dir}, loaded afresh (it need not be in the catalogue), with the deployment's
   * values for its id.
   *
   * @throws InvalidPack when it has errors, with every diagnostic
   */
  public PackView packIn(Path dir) {
    LoadResult result = PolicyCatalog.validate(dir);
    if (result.pack().isEmpty()) {
      throw new InvalidPack(dir, result);
    }
    PolicyPack pack = result.pack().get();
    return new PackView(pack, policies.values(pack));
  }

  /** A pack named by id or by directory, as the command line takes it. */
  public PackView packByIdOrDirectory(String idOrDir) {
    return packIn(locate(idOrDir));
  }

  /**
   * The directory of a pack named by a directory (a path, or a directory with a pack.yaml) or by
   * its id (the directory named after it in the catalogue's root).
   *
   * @throws Refused {@link Refusal.NoPackDirectory} for a path that is not a directory, {@link
   *     Refusal.PackNotFound} for an id without a directory
   */
  public Path locate(String idOrDir) {
    Path asDir = Path.of(idOrDir);
    boolean path = idOrDir.contains("/") || idOrDir.contains("\\");
    if (Files.isDirectory(asDir) && (path || Files.isRegularFile(asDir.resolve("pack.yaml")))) {
      return asDir;
    }
    // a path that exists or looks like one is never a pack id
    if (Files.exists(asDir) && !Files.isDirectory(asDir) || path) {
      throw new Refused(new Refusal.NoPackDirectory(idOrDir, Files.exists(asDir)));
    }
    var directory = new PackDirectory(policies.root());
    return directory
        .find(idOrDir)
        .orElseThrow(
            () ->
                new Refused(
                    new Refusal.PackNotFound(
                        idOrDir, policies.root().toString(), directory.ids())));
  }

  /** Every pack directory under the catalogue's root, by name. */
  public List<Path> directories() {
    return new PackDirectory(policies.root()).packs();
  }

  /** The outcome of a pack's scenarios: each result, and the problems of unreadable files. */
  public record ScenarioResults(List<ScenarioRunner.Result> results, List<Diagnostic> problems) {
    public ScenarioResults {
      results = List.copyOf(results);
      problems = List.copyOf(problems);
    }

    public long passed() {
      return results.stream().filter(ScenarioRunner.Result::passed).count();
    }
  }

  /** Runs the scenarios of the pack in {@code dir} ({@code scenarios/*.yaml}). */
  public ScenarioResults scenarios(Path dir) {
    PackView view = packIn(dir);
    var runner = new ScenarioRunner(view.pack());
    var diagnostics = new Diagnostics();
    var results = new java.util.ArrayList<ScenarioRunner.Result>();
    for (Path file : ScenarioFiles.of(dir)) {
      for (var scenario : ScenarioFiles.read(file, diagnostics).scenarios()) {
        results.add(runner.run(scenario));
      }
    }
    return new ScenarioResults(results, diagnostics.sorted());
  }

  public TimelineView timeline(PackView view) {
    return new TimelineView(view.pack(), view.values(), Timeline.of(view.pack(), view.values()));
  }

  /**
   * What differs between {@code from} and {@code to}.
   *
   * @throws Refused when {@code to} lies before {@code from}
   */
  public DiffView diff(PackView view, LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new Refused(
          new Refusal.InvalidValue("to", "before-from", "to must not lie before from"));
    }
    return new DiffView(
        view.pack(), view.values(), PolicyDiff.of(view.pack(), view.values(), from, to));
  }

  /** A pack directory whose pack has errors. */
  public static final class InvalidPack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient LoadResult result;

    public InvalidPack(Path dir, LoadResult result) {
      super(
          dir
              + ": invalid pack ("
              + result.errors().size()
              + " errors); run 'asylex policy validate "
              + dir
              + "'");
      this.result = result;
    }

    public LoadResult result() {
      return result;
    }
  }
}
