package org.asylex.packs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.policy.Origin;
import org.asylex.engine.text.LocalizedText;
import org.asylex.engine.text.NearestName;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The keys of one YAML mapping, read strictly: unknown and duplicate keys are errors (with the
 * nearest valid key suggested), required keys must be present, and every value must have the
 * expected shape. Reading never stops at the first problem.
 */
final class Fields {
  /** A text in both languages: {@code {nl: ..., en: ...}}. */
  static final Mapping TEXT = Mapping.of("text", "nl", "en");

  private final String file;
  private final String what;
  private final Node node;
  private final Diagnostics out;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private Fields(String file, String what, Node node, Diagnostics out) {
    this.file = file;
    this.what = what;
    this.node = node;
    this.out = out;
  }

  /**
   * Reads {@code node} as a mapping with the given keys.
   *
   * @param what how the mapping is named in messages, e.g. "rule"
   * @param keys the accepted keys, in the order messages list them
   * @return empty (with an error) when the node is not a mapping
   */
  static Optional<Fields> of(
      String file, String what, Node node, List<String> keys, Diagnostics out) {
    if (!(node instanceof MappingNode mapping)) {
      out.error(
          "wrong-shape",
          pos(file, node),
          what
              + ": expected a mapping of keys ("
              + String.join(", ", keys)
              + "), found "
              + shape(node));
      return Optional.empty();
    }
    var fields = new Fields(file, what, node, out);
    var seen = new HashMap<String, Node>();
    for (NodeTuple t : mapping.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        out.error("wrong-shape", pos(file, t.getKeyNode()), what + ": a key must be a plain word");
        continue;
      }
      String key = k.getValue();
      Node earlier = seen.putIfAbsent(key, k);
      if (earlier != null) {
        out.add(
            Diagnostic.error(
                    "duplicate-key", pos(file, k), what + ": key '" + key + "' appears twice")
                .withRelated(pos(file, earlier), "first here"));
        continue;
      }
      if (!keys.contains(key)) {
        out.error(
            "unknown-key",
            pos(file, k),
            what + ": unknown key '" + key + "'" + suggestion(key, keys));
        continue;
      }
      fields.entries.put(key, t);
    }
    return Optional.of(fields);
  }

  private static String suggestion(String key, List<String> keys) {
    String s = NearestName.didYouMean(key, keys);
    return s.isEmpty() ? " (expected one of " + String.join(", ", keys) + ")" : s;
  }

  static SourcePosition pos(String file, Node node) {
    return YamlFile.position(file, node.getStartMark());
  }

  static String shape(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "the text '" + ((ScalarNode) node).getValue() + "'";
  }

  SourcePosition at() {
    return pos(file, node);
  }

  /** The pack file this mapping is in, as messages name it. */
  String file() {
    return file;
  }

  /** The position of the value of {@code key}, or of the mapping when it is absent. */
  SourcePosition at(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? at() : pos(file, t.getValueNode());
  }

  /** The mapping's position and the position of every value it has, for later messages. */
  Origin origin() {
    var fields = new LinkedHashMap<String, SourcePosition>();
    entries.forEach((k, t) -> fields.put(k, pos(file, t.getValueNode())));
    return new Origin(at(), fields);
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  Optional<Node> node(String key) {
    return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
  }

  private void missing(String key, String expected) {
    out.error(
        "missing-key", at(), what + ": missing required key '" + key + "' (" + expected + ")");
  }

  /** A required text value. */
  Optional<String> text(String key) {
    if (!has(key)) {
      missing(key, "a text");
      return Optional.empty();
    }
    return optionalText(key);
  }

  Optional<ScalarNode> scalar(String key) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof ScalarNode s) {
      return Optional.of(s);
    }
    out.error(
        "wrong-shape",
        pos(file, n.get()),
        what + ": '" + key + "' must be a text, found " + shape(n.get()));
    return Optional.empty();
  }

  Optional<String> optionalText(String key) {
    Optional<ScalarNode> s = scalar(key);
    if (s.isPresent() && s.get().getValue().isBlank()) {
      out.error("empty-value", pos(file, s.get()), what + ": '" + key + "' must not be empty");
      return Optional.empty();
    }
    return s.map(ScalarNode::getValue);
  }

  /** A required {nl, en} text. */
  Optional<LocalizedText> localized(String key) {
    if (!has(key)) {
      missing(key, "a text in nl and en");
      return Optional.empty();
    }
    return optionalLocalized(key);
  }

  Optional<LocalizedText> optionalLocalized(String key) {
    return node(key).flatMap(n -> localizedText(n, what + " " + key));
  }

  Optional<LocalizedText> localizedText(Node n, String label) {
    return TEXT.read(file, label, n, out)
        .flatMap(
            f -> {
              Optional<String> nl = f.text("nl");
              Optional<String> en = f.text("en");
              return nl.isPresent() && en.isPresent()
                  ? Optional.of(new LocalizedText(nl.get(), en.get()))
                  : Optional.empty();
            });
  }

  /** The items of a list value; absent is an empty list unless required. */
  List<Node> list(String key, boolean required) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      if (required) {
        missing(key, "a list");
      }
      return List.of();
    }
    if (n.get() instanceof SequenceNode s) {
      return s.getValue();
    }
    out.error(
        "wrong-shape",
        pos(file, n.get()),
        what + ": '" + key + "' must be a list, found " + shape(n.get()));
    return List.of();
  }

  /** A list of texts; a single text is accepted as a list of one. */
  List<String> texts(String key) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return List.of();
    }
    if (n.get() instanceof ScalarNode s) {
      return List.of(s.getValue());
    }
    var result = new ArrayList<String>();
    for (Node item : list(key, false)) {
      if (item instanceof ScalarNode s) {
        result.add(s.getValue());
      } else {
        out.error(
            "wrong-shape",
            pos(file, item),
            what + ": each item of '" + key + "' must be a text, found " + shape(item));
      }
    }
    return result;
  }

  /** A mapping of text to text, such as official identifiers. */
  Map<String, String> textMap(String key) {
    var result = new LinkedHashMap<String, String>();
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return result;
    }
    if (!(n.get() instanceof MappingNode m)) {
      out.error(
          "wrong-shape",
          pos(file, n.get()),
          what + ": '" + key + "' must be a mapping of names to texts");
      return result;
    }
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
        if (result.putIfAbsent(k.getValue(), v.getValue()) != null) {
          out.error(
              "duplicate-key", pos(file, k), what + ": key '" + k.getValue() + "' appears twice");
        }
      } else {
        out.error(
            "wrong-shape",
            pos(file, t.getKeyNode()),
            what + ": '" + key + "' must map names to texts");
      }
    }
    return result;
  }
}
