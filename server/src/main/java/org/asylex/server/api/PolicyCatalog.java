package org.asylex.server.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.PolicyConflictException;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.packs.LoadResult;
import org.asylex.packs.PackDirectory;
import org.asylex.packs.PackLoader;

/**
 * The policy packs a server answers with: every pack of a policies directory, loaded and checked
 * once at start, each compiled with the deployment's assumption values. A server does not start
 * with an invalid pack, so a request never meets one.
 *
 * <p>Compiled policies for other assumption values (a request's own) are kept in a small cache:
 * compiling costs far more than assessing, and {@link CompiledPolicy} is immutable, so one compiled
 * policy serves concurrent requests.
 */
public final class PolicyCatalog {
  /** Compiled policies kept for request-specific assumption values, least recently used out. */
  static final int CACHE_SIZE = 64;

  private final Path root;
  private final Map<String, Loaded> byId;
  private final Map<String, Loaded> byCountry;
  private final Map<CacheKey, CompiledPolicy> cache;

  /** A pack with the deployment's assumption overrides and its policy compiled under them. */
  private record Loaded(PolicyPack pack, Map<String, String> overrides, CompiledPolicy policy) {}

  private record CacheKey(String packId, Map<String, String> overrides) {}

  private PolicyCatalog(Path root, List<Loaded> packs) {
    this.root = root;
    var ids = new TreeMap<String, Loaded>();
    var countries = new TreeMap<String, Loaded>();
    for (Loaded p : packs) {
      ids.put(p.pack().id(), p);
      countries.put(p.pack().country(), p);
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.byCountry = Collections.unmodifiableMap(countries);
    this.cache =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              private static final long serialVersionUID = 1L;

              @Override
              protected boolean removeEldestEntry(Map.Entry<CacheKey, CompiledPolicy> eldest) {
                return size() > CACHE_SIZE;
              }
            });
  }

  /**
   * Loads, checks and compiles every pack under {@code packsDirectory}.
   *
   * @param overridesByPackId the deployment's assumption values, by pack id (id to value as text)
   * @throws InvalidPacks naming every problem: invalid packs, two packs with one id or country,
   *     overrides of unknown packs or assumptions, values under which rules conflict
   */
  public static PolicyCatalog load(
      Path packsDirectory, Map<String, Map<String, String>> overridesByPackId) {
    Objects.requireNonNull(packsDirectory, "packsDirectory");
    Objects.requireNonNull(overridesByPackId, "overridesByPackId");
    var problems = new ArrayList<String>();
    if (!Files.isDirectory(packsDirectory)) {
      throw new InvalidPacks(List.of(packsDirectory + ": no such directory of policy packs"));
    }
    List<Path> dirs = new PackDirectory(packsDirectory).packs();
    if (dirs.isEmpty()) {
      throw new InvalidPacks(
          List.of(packsDirectory + ": no policy packs (sub-directories with a pack.yaml)"));
    }
    var loaded = new ArrayList<Loaded>();
    var ids = new HashMap<String, Path>();
    var countries = new HashMap<String, Path>();
    for (Path dir : dirs) {
      LoadResult result = PackLoader.load(dir);
      if (result.pack().isEmpty()) {
        for (Diagnostic d : result.errors()) {
          problems.add(d.format().lines().findFirst().orElse(d.message()));
        }
        problems.add(dir + ": invalid pack (" + result.errors().size() + " errors)");
        continue;
      }
      PolicyPack pack = result.pack().get();
      Path other = ids.putIfAbsent(pack.id(), dir);
      if (other != null) {
        problems.add(dir + ": pack " + pack.id() + " is also in " + other);
        continue;
      }
      Path sameCountry = countries.putIfAbsent(pack.country(), dir);
      if (sameCountry != null) {
        problems.add(
            dir
                + ": a second pack for country "
                + pack.country()
                + " (the first is in "
                + sameCountry
                + ")");
        continue;
      }
      Map<String, String> overrides =
          Map.copyOf(overridesByPackId.getOrDefault(pack.id(), Map.of()));
      try {
        AssumptionValues values = AssumptionValues.withOverrides(pack, overrides);
        loaded.add(new Loaded(pack, overrides, CompiledPolicy.compile(pack, values)));
      } catch (AssumptionValues.InvalidOverrides e) {
        e.problems().forEach(p -> problems.add(dir + ": " + p));
      } catch (PolicyConflictException e) {
        problems.add(
            dir
                + ": pack "
                + pack.id()
                + " cannot be used with these assumption values: "
                + e.getMessage());
      }
    }
    for (String packId : overridesByPackId.keySet()) {
      if (!ids.containsKey(packId)) {
        problems.add(
            "assumption values are configured for pack "
                + packId
                + ", which is not in "
                + packsDirectory);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPacks(problems);
    }
    return new PolicyCatalog(packsDirectory, loaded);
  }

  /** Where the packs were loaded from. */
  public Path root() {
    return root;
  }

  /** Every pack, ordered by id. */
  public List<PolicyPack> packs() {
    return byId.values().stream().map(Loaded::pack).toList();
  }

  public Optional<PolicyPack> byId(String id) {
    return Optional.ofNullable(byId.get(id)).map(Loaded::pack);
  }

  public Optional<PolicyPack> byCountry(String country) {
    return Optional.ofNullable(byCountry.get(country)).map(Loaded::pack);
  }

  /** The countries that have a pack, sorted. */
  public List<String> countries() {
    return List.copyOf(byCountry.keySet());
  }

  /** The deployment's assumption overrides of a pack (empty when it uses the defaults). */
  public Map<String, String> overrides(PolicyPack pack) {
    return loaded(pack).overrides();
  }

  /** The deployment's assumption values of a pack: its defaults with the configured overrides. */
  public AssumptionValues values(PolicyPack pack) {
    return loaded(pack).policy().assumptionValues();
  }

  /** The pack compiled with the deployment's assumption values. */
  public CompiledPolicy compiled(PolicyPack pack) {
    return loaded(pack).policy();
  }

  /**
   * The pack compiled with the deployment's assumption values and {@code requestOverrides} over
   * them. Compiled once per set of values while it stays in the cache.
   *
   * @throws AssumptionValues.InvalidOverrides for an unknown id or a value of the wrong type
   * @throws PolicyConflictException when rules overlap under these values
   */
  public CompiledPolicy compiled(PolicyPack pack, Map<String, String> requestOverrides) {
    Loaded l = loaded(pack);
    if (requestOverrides.isEmpty()) {
      return l.policy();
    }
    var all = new TreeMap<>(l.overrides());
    all.putAll(requestOverrides);
    return cached(pack, all);
  }

  /**
   * The pack compiled with exactly these overrides of its defaults, whatever the deployment
   * configures: to re-run a stored assessment with the values it was made with.
   *
   * @throws AssumptionValues.InvalidOverrides for an unknown id or a value of the wrong type
   * @throws PolicyConflictException when rules overlap under these values
   */
  public CompiledPolicy compiledExactly(PolicyPack pack, Map<String, String> overrides) {
    Loaded l = loaded(pack);
    if (overrides.equals(l.overrides())) {
      return l.policy();
    }
    return cached(pack, overrides);
  }

  private CompiledPolicy cached(PolicyPack pack, Map<String, String> overrides) {
    var key = new CacheKey(pack.id(), Map.copyOf(overrides));
    CompiledPolicy cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    // Compiled outside the lock: two requests may compile the same values once each, harmlessly.
    CompiledPolicy policy =
        CompiledPolicy.compile(pack, AssumptionValues.withOverrides(pack, overrides));
    cache.put(key, policy);
    return policy;
  }

  /** How many request-specific compiled policies are cached; for tests. */
  int cachedPolicies() {
    return cache.size();
  }

  private Loaded loaded(PolicyPack pack) {
    Loaded l = byId.get(pack.id());
    if (l == null || !l.pack().contentHash().equals(pack.contentHash())) {
      throw new IllegalArgumentException("pack " + pack.id() + " is not one of this catalog's");
    }
    return l;
  }

  /** The packs cannot be served: every problem, as {@code file:line:col: message} where known. */
  public static final class InvalidPacks extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public InvalidPacks(List<String> problems) {
      super(
          problems.size() == 1
              ? problems.get(0)
              : problems.size()
                  + " problems with the policy packs: "
                  + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
