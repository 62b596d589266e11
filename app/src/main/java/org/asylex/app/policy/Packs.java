package org.asylex.app.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.packs.LoadResult;
import org.asylex.packs.PackDirectory;
import org.asylex.packs.PackLoader;

/**
 * Every pack of a directory, loaded once: the usable ones by id and by country, and why the others
 * are not. Immutable once loaded.
 */
final class Packs {
  private final Map<String, PolicyPack> byId;
  private final Map<String, PolicyPack> byCountry;
  private final Map<String, List<String>> unusableIds;
  private final Map<String, List<String>> unusableCountries;
  private final Map<String, Path> dirs;
  private final List<String> problems;
  private final List<String> ids;

  private Packs(
      Map<String, PolicyPack> byId,
      Map<String, PolicyPack> byCountry,
      Map<String, List<String>> unusableIds,
      Map<String, List<String>> unusableCountries,
      Map<String, Path> dirs,
      List<String> problems,
      List<String> ids) {
    this.byId = byId;
    this.byCountry = byCountry;
    this.unusableIds = unusableIds;
    this.unusableCountries = unusableCountries;
    this.dirs = dirs;
    this.problems = problems;
    this.ids = ids;
  }

  /** A pack directory and what loading it gave. */
  private record Loaded(Path dir, LoadResult result) {}

  static Packs load(PackDirectory directory) {
    var loaded = new ArrayList<Loaded>();
    for (Path dir : directory.packs()) {
      loaded.add(new Loaded(dir, PackLoader.load(dir)));
    }
    var sorting = new Sorting();
    loaded.forEach(sorting::index);
    loaded.forEach(sorting::place);
    return new Packs(
        sorting.byId,
        sorting.byCountry,
        sorting.unusableIds,
        sorting.unusableCountries,
        sorting.dirs,
        List.copyOf(sorting.problems),
        directory.ids());
  }

  /** Sorts loaded packs into usable ones and, for the others, why not. */
  private static final class Sorting {
    final Set<String> problems = new LinkedHashSet<>();
    final Map<String, List<String>> unusableIds = new TreeMap<>();
    final Map<String, List<String>> unusableCountries = new TreeMap<>();
    final Map<String, List<Loaded>> idDirs = new LinkedHashMap<>();
    final Map<String, List<Loaded>> countryDirs = new LinkedHashMap<>();
    final Map<String, PolicyPack> byId = new TreeMap<>();
    final Map<String, PolicyPack> byCountry = new TreeMap<>();
    final Map<String, Path> dirs = new HashMap<>();

    /** Notes an invalid pack's errors, or a valid pack's id and country. */
    void index(Loaded l) {
      if (l.result().pack().isEmpty()) {
        var mine = new ArrayList<String>();
        for (Diagnostic d : l.result().errors()) {
          mine.add(d.format().lines().findFirst().orElse(d.message()));
        }
        mine.add(l.dir() + ": invalid pack (" + l.result().errors().size() + " errors)");
        problems.addAll(mine);
        // Its id and country are unknown; the directory's name stands for its id.
        String named = l.dir().getFileName().toString().toUpperCase(Locale.ROOT);
        unusableIds.put(named, mine);
        unusableCountries.put(named, mine);
        return;
      }
      PolicyPack p = l.result().pack().get();
      idDirs.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(l);
      countryDirs.computeIfAbsent(p.country(), k -> new ArrayList<>()).add(l);
    }

    /** A valid pack is usable unless another claims its id or country. */
    void place(Loaded l) {
      if (l.result().pack().isEmpty()) {
        return;
      }
      PolicyPack p = l.result().pack().get();
      List<Loaded> sameId = idDirs.get(p.id());
      List<Loaded> sameCountry = countryDirs.get(p.country());
      if (sameId.size() > 1 || sameCountry.size() > 1) {
        String problem =
            sameId.size() > 1
                ? "pack " + p.id() + " is in more than one directory: " + names(sameId)
                : "more than one pack for country " + p.country() + ": " + names(sameCountry);
        problems.add(problem);
        unusableIds.put(p.id(), List.of(problem));
        unusableCountries.put(p.country(), List.of(problem));
        return;
      }
      byId.put(p.id(), p);
      byCountry.put(p.country(), p);
      dirs.put(p.id(), l.dir());
    }
  }

  private static String names(List<Loaded> loaded) {
    return String.join(", ", loaded.stream().map(l -> l.dir().toString()).toList());
  }

  List<PolicyPack> usable() {
    return List.copyOf(byId.values());
  }

  List<String> countries() {
    return List.copyOf(byCountry.keySet());
  }

  List<String> ids() {
    return ids;
  }

  List<String> problems() {
    return problems;
  }

  Lookup byId(String id) {
    PolicyPack p = byId.get(id);
    if (p != null) {
      return new Lookup.Found(p);
    }
    List<String> why = unusableIds.get(id);
    return why == null ? new Lookup.Missing() : new Lookup.Unusable(why);
  }

  Lookup byCountry(String country) {
    PolicyPack p = byCountry.get(country);
    if (p != null) {
      return new Lookup.Found(p);
    }
    List<String> why = unusableCountries.get(country);
    return why == null ? new Lookup.Missing() : new Lookup.Unusable(why);
  }

  Path dirOf(PolicyPack pack) {
    return dirs.get(pack.id());
  }
}
