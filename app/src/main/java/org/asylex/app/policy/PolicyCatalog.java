package org.asylex.app.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.engine.assessment.CompiledPolicy;
import org.asylex.engine.assessment.PolicyConflictException;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.packs.LoadResult;
import org.asylex.packs.PackDirectory;
import org.asylex.packs.PackLoader;

/**
 * The policy packs of a policies directory, for every front end: each pack loaded and checked once
 * (on first use), found by id or by country, with the deployment's assumption values, compiled once
 * per set of values. One rule for every front end: a pack with errors, or two packs with one id or
 * one country, cannot be used, and whoever asks for it is told why.
 *
 * <p>Compiled policies for a request's own assumption values are kept in a small cache: compiling
 * costs far more than assessing, and a {@link CompiledPolicy} serves any number of threads.
 */
public final class PolicyCatalog {
  /** Compiled policies kept for request-specific assumption values, least recently used out. */
  static final int CACHE_SIZE = 64;

  private final PackDirectory directory;
  private final AssumptionSettings settings;
  private volatile Packs packs;
  private final Map<CacheKey, CompiledPolicy> cache;

  /** The packs compiled with the deployment's values: never evicted by requests' own values. */
  private final Map<CacheKey, CompiledPolicy> deployment =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record CacheKey(String packId, String contentHash, Map<String, String> overrides) {}

  private PolicyCatalog(Path root, AssumptionSettings settings) {
    this.directory = new PackDirectory(Objects.requireNonNull(root, "root"));
    this.settings = Objects.requireNonNull(settings, "settings");
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

  /** The packs under {@code root}, loaded when first asked for, with these assumption values. */
  public static PolicyCatalog of(Path root, AssumptionSettings settings) {
    return new PolicyCatalog(root, settings);
  }

  /** Where the packs are. */
  public Path root() {
    return directory.root();
  }

  /** The deployment's assumption settings. */
  public AssumptionSettings settings() {
    return settings;
  }

  private Packs loaded() {
    Packs p = packs;
    if (p == null) {
      synchronized (this) {
        p = packs;
        if (p == null) {
          p = Packs.load(directory);
          packs = p;
        }
      }
    }
    return p;
  }

  /** Every usable pack, by id. */
  public List<PolicyPack> packs() {
    return loaded().usable();
  }

  /** The countries that have a usable pack, sorted. */
  public List<String> countries() {
    return loaded().countries();
  }

  /** The pack of a country: found, missing, or there but unusable (with why). */
  public Lookup byCountry(String country) {
    return loaded().byCountry(country);
  }

  /**
   * The usable pack of the country that {@code facts} name (their {@code countryOfOrigin}), for the
   * labels of their values; empty when they name none or its pack is missing or unusable.
   */
  public Optional<PolicyPack> packFor(Map<String, ?> facts) {
    return facts.get(org.asylex.engine.assessment.CaseInput.COUNTRY_FACT) instanceof String code
            && byCountry(code) instanceof Lookup.Found found
        ? Optional.of(found.pack())
        : Optional.empty();
  }

  /** The usable pack with this id. */
  public Optional<PolicyPack> byId(String id) {
    return loaded().byId(id) instanceof Lookup.Found f ? Optional.of(f.pack()) : Optional.empty();
  }

  /**
   * The usable pack with this id.
   *
   * @throws Refused {@link Refusal.PackNotFound} or {@link Refusal.PackUnusable}
   */
  public PolicyPack require(String id) {
    Lookup lookup = loaded().byId(id);
    if (lookup instanceof Lookup.Found f) {
      return f.pack();
    }
    if (lookup instanceof Lookup.Unusable u) {
      throw new Refused(new Refusal.PackUnusable(id, u.problems()));
    }
    throw new Refused(new Refusal.PackNotFound(id, loaded().ids()));
  }

  /** What kept packs out, each as {@code file:line:col: message} where known. */
  public List<String> problems() {
    return loaded().problems();
  }

  /**
   * Checks that every pack can be used with the deployment's values: no pack with errors, no two
   * packs with one id or country, no values for a pack that is not there, no values a pack cannot
   * take. A server does not start otherwise, so that a request never meets such a pack.
   *
   * @throws InvalidPacks naming every problem
   */
  public void requireAllUsable() {
    if (!Files.isDirectory(directory.root())) {
      throw new InvalidPacks(List.of(directory.root() + ": no such directory of policy packs"));
    }
    Packs all = loaded();
    var problems = new ArrayList<>(all.problems());
    if (all.usable().isEmpty() && problems.isEmpty()) {
      problems.add(directory.root() + ": no policy packs (sub-directories with a pack.yaml)");
    }
    for (PolicyPack pack : all.usable()) {
      try {
        compiled(pack);
      } catch (Refused e) {
        // One problem per value that does not fit, so that each is named on a line of its own.
        if (e.refusal() instanceof Refusal.InvalidAssumptions a) {
          a.problems().forEach(p -> problems.add(all.dirOf(pack) + ": " + p.message()));
        } else {
          problems.add(all.dirOf(pack) + ": " + e.getMessage());
        }
      }
    }
    for (String packId : settings.perPack().keySet()) {
      if (all.byId(packId) instanceof Lookup.Missing) {
        problems.add(
            "assumption values are configured for pack "
                + packId
                + ", which is not in "
                + directory.root());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPacks(problems);
    }
  }

  /** The deployment's overrides of a pack's assumptions (empty when it uses the defaults). */
  public Map<String, String> overrides(PolicyPack pack) {
    return settings.forPack(pack.id());
  }

  /**
   * The deployment's assumption values of a pack, with {@code request} over them.
   *
   * @throws Refused {@link Refusal.InvalidAssumptions} naming every value that does not fit
   */
  public AssumptionValues values(PolicyPack pack, Map<String, String> request) {
    var all = new TreeMap<>(overrides(pack));
    all.putAll(request);
    return exactValues(pack, all);
  }

  /** The deployment's assumption values of a pack. */
  public AssumptionValues values(PolicyPack pack) {
    return values(pack, Map.of());
  }

  /** The pack compiled with the deployment's assumption values. */
  public CompiledPolicy compiled(PolicyPack pack) {
    return compiled(pack, Map.of());
  }

  /**
   * The pack compiled with the deployment's values and {@code request} over them; compiled once per
   * set of values while it stays in the cache.
   *
   * @throws Refused {@link Refusal.InvalidAssumptions} or {@link Refusal.PolicyConflict}
   */
  public CompiledPolicy compiled(PolicyPack pack, Map<String, String> request) {
    var all = new TreeMap<>(overrides(pack));
    all.putAll(request);
    if (request.isEmpty()) {
      var key = new CacheKey(pack.id(), pack.contentHash(), Map.copyOf(all));
      CompiledPolicy pinned = deployment.get(key);
      if (pinned == null) {
        pinned = compile(pack, exactValues(pack, all));
        deployment.put(key, pinned);
      }
      return pinned;
    }
    return compiledExactly(pack, all);
  }

  /**
   * The pack compiled with exactly these overrides of its defaults, whatever the deployment sets:
   * to re-run a stored assessment with the values it was made with.
   */
  public CompiledPolicy compiledExactly(PolicyPack pack, Map<String, String> overrides) {
    var key = new CacheKey(pack.id(), pack.contentHash(), Map.copyOf(overrides));
    CompiledPolicy cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    // Compiled outside the lock: two requests may compile the same values once each, harmlessly.
    CompiledPolicy policy = compile(pack, exactValues(pack, overrides));
    cache.put(key, policy);
    return policy;
  }

  /** How many compiled policies are cached now (tests of the bound). */
  int cachedPolicies() {
    return cache.size();
  }

  private static AssumptionValues exactValues(PolicyPack pack, Map<String, String> overrides) {
    var problems = AssumptionChecks.check(pack, overrides);
    if (!problems.isEmpty()) {
      throw new Refused(new Refusal.InvalidAssumptions(pack.id(), problems));
    }
    return AssumptionValues.withOverrides(pack, overrides);
  }

  /**
   * Compiles a pack under these values.
   *
   * @throws Refused {@link Refusal.PolicyConflict} naming both rules and where they are
   */
  public static CompiledPolicy compile(PolicyPack pack, AssumptionValues values) {
    try {
      return CompiledPolicy.compile(pack, values);
    } catch (PolicyConflictException e) {
      throw new Refused(conflict(pack, e));
    }
  }

  /** A conflict as a refusal, with both rules' positions. */
  public static Refusal.PolicyConflict conflict(PolicyPack pack, PolicyConflictException e) {
    return new Refusal.PolicyConflict(
        pack.id(),
        e.firstRule(),
        e.secondRule(),
        e.firstPosition(),
        e.secondPosition(),
        e.getMessage());
  }

  /**
   * Loads one pack directory afresh, with every diagnostic: what {@code asylex policy validate}
   * reports. Nothing is kept.
   */
  public static LoadResult validate(Path dir) {
    return PackLoader.load(dir);
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

  /** Loads every pack directory (named by its lower-case id): the directory for messages. */
  Optional<Path> directoryOf(PolicyPack pack) {
    return Optional.ofNullable(loaded().dirOf(pack));
  }
}
