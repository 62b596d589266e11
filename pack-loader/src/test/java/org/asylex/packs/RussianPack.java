package org.asylex.packs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The real Russian Federation pack, and throw-away copies of it to break. */
final class RussianPack {
  /** The pack, seen from the module directory that Maven runs the tests in. */
  static final Path DIR = Path.of("../policies/ru");

  private RussianPack() {}

  /** Copies the pack, sources included, to {@code parent/ru} and returns that directory. */
  static Path copyTo(Path parent) {
    Path target = parent.resolve("ru");
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(DIR.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
