package org.asylex.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.asylex.packs.LoadResult;
import org.asylex.packs.PackDirectory;
import org.asylex.packs.PackLoader;

/**
 * The packs of a policies directory, by the country they are for, loaded lazily: a case names its
 * country and only that country's pack is loaded. A pack directory is named by the lower-case pack
 * id; that directory is tried first, then, only if it is not the country's, the others.
 */
final class PackCatalog {
  private final PackDirectory directory;
  private final Map<Path, LoadResult> loaded = new HashMap<>();

  PackCatalog(PackDirectory directory) {
    this.directory = directory;
  }

  PackDirectory directory() {
    return directory;
  }

  /** Loads (once) the pack in {@code dir}. */
  LoadResult load(Path dir) {
    return loaded.computeIfAbsent(dir, PackLoader::load);
  }

  /**
   * The directory of the pack for {@code country}. A directory named after the country whose pack
   * is invalid is returned too, so that its errors are reported rather than hidden.
   */
  Optional<Path> find(String country) {
    Optional<Path> named = directory.find(country);
    if (named.isPresent()) {
      LoadResult r = load(named.get());
      if (r.pack().isEmpty() || r.pack().get().country().equals(country)) {
        return named;
      }
    }
    for (Path dir : directory.packs()) {
      if (named.isPresent() && named.get().equals(dir)) {
        continue;
      }
      if (load(dir).pack().filter(p -> p.country().equals(country)).isPresent()) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The countries of every valid pack, sorted; loads every pack (for messages only). */
  List<String> countries() {
    var countries = new TreeSet<String>();
    for (Path dir : directory.packs()) {
      load(dir).pack().ifPresent(p -> countries.add(p.country()));
    }
    return List.copyOf(countries);
  }
}
