package org.asylex.packs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;

/** SHA-256 over every pack file (path and bytes), so an assessment names exactly what it used. */
final class ContentHash {
  private ContentHash() {}

  /** {@code sha256:<hex>}; scenarios/ is not part of the pack. */
  static String of(Path dir, Diagnostics out) {
    try (Stream<Path> files = Files.walk(dir)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<Path> sorted =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !dir.relativize(p).startsWith("scenarios"))
              .sorted()
              .toList();
      for (Path p : sorted) {
        digest.update(
            dir.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(p));
        digest.update((byte) 0);
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      out.error(
          "unreadable",
          SourcePosition.ofFile(dir.toString()),
          "cannot read the pack to hash it: " + e.getMessage());
      return "sha256:unavailable";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
