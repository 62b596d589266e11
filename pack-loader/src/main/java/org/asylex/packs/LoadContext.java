package org.asylex.packs;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;

/** What the readers of one pack load share: its files, the diagnostics, what went missing. */
final class LoadContext {
  /** One pack file: its YAML and its top-level mapping. */
  record PackFile(YamlFile yaml, Fields fields) {
    /** The file's name as messages show it. */
    String name() {
      return yaml.name();
    }
  }

  private final PackFiles files;
  private final Diagnostics out;

  /**
   * Places where a list came out empty, or a rule without versions, only because its items had
   * errors that are already reported: the semantic check's "has no versions" and "cites no source"
   * would repeat those errors as false statements.
   */
  private final Set<SourcePosition> emptiedByErrors = new HashSet<>();

  /** A pack file is missing, unreadable or not YAML (reported), so the pack has holes. */
  private boolean fileUnread;

  LoadContext(PackFiles files, Diagnostics out) {
    this.files = files;
    this.out = out;
  }

  PackFiles files() {
    return files;
  }

  Diagnostics out() {
    return out;
  }

  /**
   * Reads the pack file {@code name} and its top-level mapping; empty when the file is missing,
   * unreadable, not YAML, empty or not a mapping (all reported).
   */
  Optional<PackFile> read(String name, Mapping topLevel) {
    Optional<YamlFile> yaml = files.packFile(name).map(text -> parse(name, text));
    Optional<YamlFile> withRoot = yaml.filter(y -> y.root().isPresent());
    fileUnread |= withRoot.isEmpty();
    if (withRoot.isEmpty()) {
      return Optional.empty();
    }
    return topLevel
        .read(files.display(name), withRoot.get().root().get(), out)
        .map(fields -> new PackFile(withRoot.get(), fields));
  }

  private YamlFile parse(String name, String text) {
    return YamlFile.parse(files.display(name), text, out);
  }

  /** Notes that the list or rule at {@code at} is empty because its items had errors. */
  void emptiedByErrors(SourcePosition at) {
    emptiedByErrors.add(at);
  }

  boolean wasEmptiedByErrors(SourcePosition at) {
    return emptiedByErrors.contains(at);
  }

  boolean fileUnread() {
    return fileUnread;
  }
}
