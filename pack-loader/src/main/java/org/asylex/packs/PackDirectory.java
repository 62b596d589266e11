package org.asylex.packs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The directory that holds the packs, one sub-directory per pack ({@code policies/ru/}). */
public record PackDirectory(Path root) {

  /** Every sub-directory that holds a pack.yaml, by name. */
  public List<Path> packs() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve(PackLoader.PACK_FILE)))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The directory of the pack with this id (XX is in {@code xx/}), if there is one. */
  public Optional<Path> find(String id) {
    Path dir = root.resolve(id.toLowerCase(Locale.ROOT));
    return Files.isRegularFile(dir.resolve(PackLoader.PACK_FILE))
        ? Optional.of(dir)
        : Optional.empty();
  }

  /** Pack ids available here, for messages. */
  public List<String> ids() {
    return packs().stream().map(p -> p.getFileName().toString().toUpperCase(Locale.ROOT)).toList();
  }
}
