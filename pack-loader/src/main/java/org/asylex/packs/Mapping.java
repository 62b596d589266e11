package org.asylex.packs;

import java.util.List;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostics;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One kind of YAML mapping in a pack file (a rule, a source quote, ...) and the keys it accepts, in
 * the order {@code docs/pack-format-reference.md} lists them. The readers declare their mappings as
 * data so that a test can hold them against that reference.
 *
 * @param name the mapping's name in the reference, and in messages unless a reader names it
 * @param keys every key the mapping accepts, required or not
 */
record Mapping(String name, List<String> keys) {
  Mapping {
    keys = List.copyOf(keys);
  }

  static Mapping of(String name, String... keys) {
    return new Mapping(name, List.of(keys));
  }

  /** Reads {@code node} as this mapping, named by {@link #name} in messages. */
  Optional<Fields> read(String file, Node node, Diagnostics out) {
    return read(file, name, node, out);
  }

  /** Reads {@code node} as this mapping, named {@code what} in messages (e.g. "pack title"). */
  Optional<Fields> read(String file, String what, Node node, Diagnostics out) {
    return Fields.of(file, what, node, keys, out);
  }
}
