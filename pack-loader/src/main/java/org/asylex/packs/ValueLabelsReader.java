package org.asylex.packs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.text.LocalizedText;
import org.asylex.engine.text.NearestName;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code labels}: the words a reader sees for each value of an enum fact or a choice
 * assumption (or for codes of a country or region fact), {@code {VALUE: {nl: ..., en: ...}}}, and
 * checks them against the values: a labelled value must exist ({@code unknown-labelled-value}),
 * once some values of a closed list are labelled every one must be ({@code value-without-label}),
 * and only a type with values takes labels ({@code labels-without-values}). A label without one of
 * its languages is the usual {@code missing-key}.
 */
final class ValueLabelsReader {
  static final String KEY = "labels";

  /** What the labelled values are: a closed list, codes of a pattern, or nothing to label. */
  sealed interface Domain {
    /** The values of an enum fact or a choice assumption, all of which a label set must cover. */
    record Closed(List<String> values) implements Domain {}

    /** Codes of a country or region fact: any code of the pattern may be labelled, not all must. */
    record Codes(String pattern, String expected) implements Domain {}

    /** A type without values. */
    record None(String why) implements Domain {}
  }

  private ValueLabelsReader() {}

  /**
   * The labels of {@code owner} (a fact or an assumption, as named in messages), in the order of
   * its values for a closed list, else in the pack's order; empty when it has none or they are
   * wrong (the problems are reported).
   */
  static Map<String, LocalizedText> read(
      String file, Fields f, String owner, Domain domain, Diagnostics out) {
    var result = new LinkedHashMap<String, LocalizedText>();
    SourcePosition at = f.at(KEY);
    Optional<MappingNode> mapping = mapping(f, owner, domain, out);
    if (mapping.isEmpty()) {
      return result;
    }
    MappingNode m = mapping.get();
    var positions = new LinkedHashMap<String, SourcePosition>();
    boolean ok = true;
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        out.error(
            "wrong-shape",
            Fields.pos(file, t.getKeyNode()),
            owner + ": a label's key must be a value");
        ok = false;
        continue;
      }
      String value = k.getValue();
      SourcePosition keyAt = Fields.pos(file, k);
      SourcePosition earlier = positions.putIfAbsent(value, keyAt);
      if (earlier != null) {
        out.add(
            org.asylex.engine.diagnostic.Diagnostic.error(
                    "duplicate-key", keyAt, owner + ": value '" + value + "' is labelled twice")
                .withRelated(earlier, "first here"));
        ok = false;
        continue;
      }
      if (!known(value, domain, owner, keyAt, out)) {
        ok = false;
      }
      Optional<LocalizedText> text =
          f.localizedText(t.getValueNode(), owner + " label of '" + value + "'");
      if (text.isEmpty()) {
        ok = false;
      } else {
        result.put(value, text.get());
      }
    }
    ok &= complete(domain, positions.keySet(), owner, at, out);
    if (!ok) {
      return new LinkedHashMap<>();
    }
    if (domain instanceof Domain.Closed closed) {
      var ordered = new LinkedHashMap<String, LocalizedText>();
      closed.values().forEach(v -> ordered.put(v, result.get(v)));
      return ordered;
    }
    return result;
  }

  /** The labels' mapping, if present, of a type that has values, and a mapping. */
  private static Optional<MappingNode> mapping(
      Fields f, String owner, Domain domain, Diagnostics out) {
    Optional<Node> node = f.node(KEY);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (domain instanceof Domain.None none) {
      out.error("labels-without-values", f.at(KEY), owner + ": 'labels' " + none.why());
      return Optional.empty();
    }
    if (node.get() instanceof MappingNode m) {
      return Optional.of(m);
    }
    out.error(
        "wrong-shape",
        f.at(KEY),
        owner
            + ": 'labels' must map each value to a text in nl and en, found "
            + Fields.shape(node.get()));
    return Optional.empty();
  }

  /** Whether every value of a closed list is labelled; reports each one left out. */
  private static boolean complete(
      Domain domain,
      java.util.Set<String> labelled,
      String owner,
      SourcePosition at,
      Diagnostics out) {
    boolean ok = true;
    if (domain instanceof Domain.Closed closed) {
      for (String v : closed.values()) {
        if (!labelled.contains(v)) {
          out.error(
              "value-without-label",
              at,
              owner
                  + ": value '"
                  + v
                  + "' has no label (label every value or none: "
                  + String.join(", ", closed.values())
                  + ")");
          ok = false;
        }
      }
    }
    return ok;
  }

  private static boolean known(
      String value, Domain domain, String owner, SourcePosition at, Diagnostics out) {
    if (domain instanceof Domain.Closed closed && !closed.values().contains(value)) {
      out.error(
          "unknown-labelled-value",
          at,
          owner
              + ": '"
              + value
              + "' is labelled but is not one of its values ("
              + String.join(", ", closed.values())
              + ")"
              + NearestName.didYouMean(value, closed.values()));
      return false;
    }
    if (domain instanceof Domain.Codes codes && !value.matches(codes.pattern())) {
      out.error(
          "unknown-labelled-value",
          at,
          owner + ": '" + value + "' is labelled but is not " + codes.expected());
      return false;
    }
    return true;
  }
}
