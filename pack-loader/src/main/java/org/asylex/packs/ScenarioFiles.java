package org.asylex.packs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.policy.Outcome;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reads the scenario files of a pack ({@code scenarios/*.yaml}), strictly, with positions. */
public final class ScenarioFiles {
  static final Mapping FILE = Mapping.of("scenario file", "scenarios");
  static final Mapping SCENARIO =
      Mapping.of("scenario", "name", "as-of", "assume", "facts", "expect");
  static final Mapping EXPECTATION =
      Mapping.of("expectation", "outcome", "groups", "missing", "rests-on", "not-rests-on");

  private ScenarioFiles() {}

  /** The scenario files of the pack in {@code packDir}, in file-name order. */
  public static List<Path> of(Path packDir) {
    Path dir = packDir.resolve("scenarios");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Reads one scenario file; every problem goes to {@code out} with file, line and column. */
  public static Scenario.File read(Path path, Diagnostics out) {
    String name = path.toString();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      out.error(
          "unreadable",
          SourcePosition.ofFile(name),
          "cannot read the scenario file: " + e.getMessage());
      return new Scenario.File(name, List.of());
    }
    var scenarios = new ArrayList<Scenario>();
    YamlFile yaml = YamlFile.parse(name, text, out);
    Optional<Fields> file = yaml.root().flatMap(root -> FILE.read(name, root, out));
    for (Node n : file.map(f -> f.list("scenarios", true)).orElse(List.of())) {
      scenario(name, n, out).ifPresent(scenarios::add);
    }
    return new Scenario.File(name, scenarios);
  }

  private static Optional<Scenario> scenario(String file, Node n, Diagnostics out) {
    Optional<Fields> fields = SCENARIO.read(file, n, out);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    Fields f = fields.get();
    Optional<String> name = f.text("name");
    Optional<LocalDate> asOf = f.text("as-of").flatMap(d -> date(d, f.at("as-of"), out));
    Map<String, String> assume = f.textMap("assume");
    Map<String, Object> facts = new LinkedHashMap<>();
    f.node("facts")
        .ifPresentOrElse(
            node -> facts(file, node, facts, out),
            () -> out.error("missing-key", f.at(), "scenario: missing required key 'facts'"));
    var expect = new LinkedHashMap<String, Scenario.Expected>();
    f.node("expect")
        .ifPresentOrElse(
            node -> expectations(file, node, expect, out),
            () -> out.error("missing-key", f.at(), "scenario: missing required key 'expect'"));
    if (name.isEmpty() || asOf.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Scenario(name.get(), f.at(), asOf.get(), assume, facts, expect));
  }

  /** Facts keep their YAML type as JSON would: booleans, numbers, texts, nulls. */
  private static void facts(String file, Node node, Map<String, Object> into, Diagnostics out) {
    if (!(node instanceof MappingNode m)) {
      out.error(
          "wrong-shape",
          Fields.pos(file, node),
          "scenario: 'facts' must be a mapping of fact names to values");
      return;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        out.error(
            "wrong-shape",
            Fields.pos(file, t.getKeyNode()),
            "scenario: a fact name must be a word");
        continue;
      }
      if (into.containsKey(k.getValue())) {
        out.error(
            "duplicate-key",
            Fields.pos(file, k),
            "scenario: fact '" + k.getValue() + "' appears twice");
        continue;
      }
      into.put(k.getValue(), value(file, t.getValueNode(), out));
    }
  }

  private static Object value(String file, Node node, Diagnostics out) {
    if (!(node instanceof ScalarNode s)) {
      // kept as a marker so the case validation reports the wrong type at this fact
      return node instanceof SequenceNode ? List.of() : Map.of();
    }
    if (s.getScalarStyle() != ScalarStyle.PLAIN) {
      return s.getValue();
    }
    Tag tag = s.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.parseBoolean(s.getValue());
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      try {
        return new BigDecimal(s.getValue());
      } catch (NumberFormatException e) {
        return s.getValue();
      }
    }
    return s.getValue();
  }

  private static void expectations(
      String file, Node node, Map<String, Scenario.Expected> into, Diagnostics out) {
    if (!(node instanceof MappingNode m)) {
      out.error(
          "wrong-shape",
          Fields.pos(file, node),
          "scenario: 'expect' must map element ids to outcomes");
      return;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        continue;
      }
      String element = k.getValue();
      SourcePosition at = Fields.pos(file, t.getValueNode());
      Node v = t.getValueNode();
      if (v instanceof ScalarNode s) {
        outcome(s.getValue(), at, out)
            .ifPresent(
                o ->
                    into.put(
                        element, new Scenario.Expected(o, Optional.empty(), Optional.empty(), at)));
        continue;
      }
      EXPECTATION
          .read(file, v, out)
          .flatMap(f -> expectation(f, at, out))
          .ifPresent(e -> into.put(element, e));
    }
  }

  /**
   * {@code {outcome: ..., groups: [...], missing: [...], rests-on: [...], not-rests-on: [...]}}:
   * all but the outcome are optional.
   */
  private static Optional<Scenario.Expected> expectation(
      Fields f, SourcePosition at, Diagnostics out) {
    Optional<Outcome> o = f.text("outcome").flatMap(x -> outcome(x, f.at("outcome"), out));
    Optional<Set<String>> groups = optionalSet(f, "groups");
    Optional<Set<String>> missing = optionalSet(f, "missing");
    Set<String> restsOn = optionalSet(f, "rests-on").orElse(Set.of());
    Set<String> notRestsOn = optionalSet(f, "not-rests-on").orElse(Set.of());
    return o.map(x -> new Scenario.Expected(x, groups, missing, restsOn, notRestsOn, at));
  }

  private static Optional<Set<String>> optionalSet(Fields f, String key) {
    return f.has(key) ? Optional.of(new LinkedHashSet<>(f.texts(key))) : Optional.empty();
  }

  /** Any outcome, "undetermined" included: a scenario may expect it. */
  private static Optional<Outcome> outcome(String text, SourcePosition at, Diagnostics out) {
    return Values.outcome(text, at, List.of(Outcome.values()), " (expected one of ", out);
  }

  private static Optional<LocalDate> date(String text, SourcePosition at, Diagnostics out) {
    try {
      if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(LocalDate.parse(text));
      }
    } catch (DateTimeException e) {
      // reported below
    }
    out.error(
        "bad-date",
        at,
        "as-of must be a date that exists, written YYYY-MM-DD; found '" + text + "'");
    return Optional.empty();
  }
}
