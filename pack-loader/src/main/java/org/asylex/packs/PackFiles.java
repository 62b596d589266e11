package org.asylex.packs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;

/** Reads the files of one pack directory as UTF-8 text; every problem is reported. */
final class PackFiles {
  private final Path dir;
  private final Diagnostics out;

  PackFiles(Path dir, Diagnostics out) {
    this.dir = dir;
    this.out = out;
  }

  Path dir() {
    return dir;
  }

  /** The path of a pack file as messages name it. */
  String display(String file) {
    return dir.resolve(file).toString();
  }

  /** The text of one of the pack's YAML files; a missing or unreadable file is reported. */
  Optional<String> packFile(String name) {
    Path path = dir.resolve(name);
    if (!Files.isRegularFile(path)) {
      out.error(
          "missing-file",
          SourcePosition.ofFile(path.toString()),
          "the pack has no "
              + name
              + " (a pack holds "
              + String.join(", ", PackLoader.PACK_FILES)
              + " and sources/)");
      return Optional.empty();
    }
    SourcePosition at = SourcePosition.ofFile(path.toString());
    if (!insidePack(path, at, name + " leads outside the pack directory through a symbolic link")) {
      return Optional.empty();
    }
    return readUtf8(path);
  }

  /**
   * The text of a source document, {@code relative} to the pack directory as the source entry at
   * {@code at} names it; it must lie inside the pack.
   */
  Optional<String> source(String relative, SourcePosition at) {
    Path path = dir.resolve(relative).normalize();
    if (!path.startsWith(dir.normalize()) || relative.startsWith("/")) {
      out.error(
          "bad-path", at, "source file '" + relative + "' must lie inside the pack directory");
      return Optional.empty();
    }
    if (!Files.isRegularFile(path)) {
      out.error("missing-file", at, "source file '" + relative + "' does not exist in " + dir);
      return Optional.empty();
    }
    String outside =
        "source file '" + relative + "' leads outside the pack directory through a symbolic link";
    if (!insidePack(path, at, outside)) {
      return Optional.empty();
    }
    return readUtf8(path);
  }

  /**
   * Whether {@code path}, every link resolved, lies inside the pack directory (itself resolved, so
   * a pack that is a link is fine); reports {@code outside} at {@code at} when it does not, so no
   * file outside the pack is ever read, nor its text shown.
   */
  private boolean insidePack(Path path, SourcePosition at, String outside) {
    try {
      if (path.toRealPath().startsWith(dir.toRealPath())) {
        return true;
      }
      out.error("bad-path", at, outside + "; a pack reads only files inside its directory");
    } catch (IOException e) {
      out.error("unreadable", at, "cannot read the file: " + e.getMessage());
    }
    return false;
  }

  private Optional<String> readUtf8(Path path) {
    byte[] bytes = new byte[0];
    try {
      bytes = Files.readAllBytes(path);
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      notUtf8(path, bytes);
    } catch (IOException e) {
      out.error(
          "unreadable",
          SourcePosition.ofFile(path.toString()),
          "cannot read the file: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** Reports the first byte of {@code bytes} that is not UTF-8, at its line and column. */
  private void notUtf8(Path path, byte[] bytes) {
    var in = ByteBuffer.wrap(bytes);
    CharBuffer valid = CharBuffer.allocate(bytes.length + 1);
    StandardCharsets.UTF_8.newDecoder().decode(in, valid, true); // stops at the first bad byte
    String before = valid.flip().toString();
    int bad = in.position() < bytes.length ? bytes[in.position()] & 0xFF : 0;
    out.error(
        "not-utf8",
        new SourcePosition(
            path.toString(),
            1 + (int) before.chars().filter(c -> c == '\n').count(),
            before.length() - before.lastIndexOf('\n')),
        String.format(
            "the file is not valid UTF-8 text: byte 0x%02X here is not UTF-8; save the file as"
                + " UTF-8",
            bad));
  }
}
