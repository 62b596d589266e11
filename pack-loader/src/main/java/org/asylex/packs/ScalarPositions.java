package org.asylex.packs;

import org.asylex.engine.diagnostic.SourcePosition;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Maps an offset in a scalar's value back to the file. YAML folds lines and strips indentation, so
 * the value's characters are aligned with the raw text between the scalar's marks: each value
 * character is found at or after the previous one, a folded space matching a line break.
 */
final class ScalarPositions {
  private final String file;
  private final int[] lines;
  private final int[] columns;
  private final SourcePosition start;

  ScalarPositions(YamlFile yaml, ScalarNode node) {
    this.file = yaml.name();
    this.start = YamlFile.position(file, node.getStartMark());
    String value = node.getValue();
    lines = new int[value.length() + 1];
    columns = new int[value.length() + 1];
    String text = yaml.text();
    int rawStart = offset(text, node.getStartMark().orElse(null));
    int rawEnd = Math.min(text.length(), offset(text, node.getEndMark().orElse(null)));
    int line = start.line();
    int column = start.column();
    int j = rawStart;
    if (node.getScalarStyle() == ScalarStyle.LITERAL
        || node.getScalarStyle() == ScalarStyle.FOLDED) {
      // a block scalar's value starts on the line after its header ('>-', '|' and an optional
      // comment), so a header comment can never be mistaken for the value's first characters
      int lineEnd = text.indexOf('\n', rawStart);
      if (lineEnd >= 0 && lineEnd < rawEnd) {
        j = lineEnd + 1;
        line++;
        column = 1;
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char v = value.charAt(i);
      while (j < rawEnd && !matches(v, text.charAt(j))) {
        if (text.charAt(j) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
        j++;
      }
      if (j >= rawEnd) {
        // escapes make the value differ from the raw text: fall back to the scalar's start
        for (int k = i; k <= value.length(); k++) {
          lines[k] = start.line();
          columns[k] = start.column();
        }
        return;
      }
      lines[i] = line;
      columns[i] = column;
      if (text.charAt(j) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      j++;
    }
    lines[value.length()] = line;
    columns[value.length()] = column;
  }

  private static boolean matches(char valueChar, char rawChar) {
    return valueChar == rawChar || (valueChar == ' ' && rawChar == '\n');
  }

  private static int offset(String text, Mark mark) {
    if (mark == null) {
      return 0;
    }
    int line = 0;
    int i = 0;
    while (line < mark.getLine() && i < text.length()) {
      if (text.charAt(i++) == '\n') {
        line++;
      }
    }
    return Math.min(text.length(), i + mark.getColumn());
  }

  SourcePosition at(int offset) {
    int i = Math.max(0, Math.min(offset, lines.length - 1));
    return new SourcePosition(file, lines[i], columns[i]);
  }
}
