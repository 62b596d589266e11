package org.asylex.packs;

import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * One YAML file of a pack, composed into nodes that keep their line and column. Only the node tree
 * is used: scalars stay text and are read by the field's declared type, so YAML never guesses that
 * {@code no} is false or {@code 2024-01-31} a timestamp.
 */
final class YamlFile {
  /**
   * The deepest nesting of mappings and lists a file may have. A pack needs about eight levels; the
   * limit keeps a hostile file from exhausting the stack (as the expression parser's does).
   */
  static final int MAX_DEPTH = 64;

  private final String name;
  private final String text;
  private final Optional<Node> root;

  private YamlFile(String name, String text, Optional<Node> root) {
    this.name = name;
    this.text = text;
    this.root = root;
  }

  /** Composes {@code text}; a syntax error is reported with its position and gives no root. */
  static YamlFile parse(String name, String text, Diagnostics out) {
    var settings =
        LoadSettings.builder()
            .setLabel(name)
            .setUseMarks(true)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(10)
            .setCodePointLimit(5 * 1024 * 1024)
            .build();
    try {
      var parser = new ParserImpl(settings, new StreamReader(settings, text));
      var composer = new Composer(settings, new DepthLimitedParser(parser, MAX_DEPTH));
      Optional<Node> root = composer.hasNext() ? Optional.of(composer.next()) : Optional.empty();
      if (composer.hasNext()) {
        out.error(
            "yaml-syntax",
            position(name, composer.next().getStartMark()),
            "a pack file holds one YAML document; remove the '---' separator");
      }
      if (root.isEmpty()) {
        out.error("empty-file", SourcePosition.ofFile(name), "the file is empty");
      }
      return new YamlFile(name, text, root);
    } catch (DepthLimitedParser.TooDeep e) {
      out.error(
          "too-deep",
          position(name, e.mark()),
          "the YAML is nested more than "
              + MAX_DEPTH
              + " levels deep here; a pack file needs far fewer, so flatten it");
      return new YamlFile(name, text, Optional.empty());
    } catch (MarkedYamlEngineException e) {
      SourcePosition at = position(name, e.getProblemMark());
      var error =
          Diagnostic.error(
              "yaml-syntax", at, "YAML syntax error: " + e.getProblem() + contextOf(e));
      // the problem is often found a line after the cause (an unclosed '[' or quote): name both
      SourcePosition context = position(name, e.getContextMark());
      if (e.getContext() != null && context.line() > 0 && !context.equals(at)) {
        error = error.withRelated(context, e.getContext());
      }
      out.add(error);
      return new YamlFile(name, text, Optional.empty());
    } catch (YamlEngineException e) {
      out.error("yaml-syntax", SourcePosition.ofFile(name), "YAML error: " + e.getMessage());
      return new YamlFile(name, text, Optional.empty());
    }
  }

  private static String contextOf(MarkedYamlEngineException e) {
    return e.getContext() == null ? "" : " (" + e.getContext() + ")";
  }

  static SourcePosition position(String file, Optional<Mark> mark) {
    return mark.map(m -> new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(SourcePosition.ofFile(file));
  }

  String name() {
    return name;
  }

  String text() {
    return text;
  }

  Optional<Node> root() {
    return root;
  }
}
