package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module stays readable: no main source file over 500 lines, no method (or constructor) over 60
 * lines from its first line to its closing brace.
 */
class SourceSizeTest {
  static final Path MAIN = Path.of("src/main/java");
  static final int MAX_FILE_LINES = 500;
  static final int MAX_METHOD_LINES = 60;

  private static final Pattern TYPE = Pattern.compile("\\b(class|record|interface|enum)\\b");

  /** A method and its length in lines. */
  record Method(String where, int lines) {}

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void noMainSourceFileIsOverTheLimit() throws IOException {
    for (Path p : sources()) {
      assertThat(Files.readAllLines(p)).as(p.toString()).hasSizeLessThanOrEqualTo(MAX_FILE_LINES);
    }
  }

  @Test
  void noMethodIsOverTheLimit() throws IOException {
    var tooLong = new ArrayList<Method>();
    for (Path p : sources()) {
      methods(p.getFileName().toString(), Files.readString(p)).stream()
          .filter(m -> m.lines() > MAX_METHOD_LINES)
          .forEach(tooLong::add);
    }
    assertThat(tooLong).as("methods over %d lines", MAX_METHOD_LINES).isEmpty();
  }

  @Test
  void methodsAreMeasuredFromTheirFirstLineToTheirClosingBrace() {
    String source =
        """
        /** A class. */
        final class A {
          record R(int x) {
            R {
              check(x);
            }
          }

          private static final String S = "{ not a block";

          @Override
          public String toString() {
            Runnable r = () -> {
              if (true) { /* } */ }
            };
            return \"""
                }}}
                \""";
          }
        }
        """;

    assertThat(methods("A.java", source))
        .containsExactly(new Method("A.java:4", 3), new Method("A.java:11", 9));
  }

  /** Every method, constructor and initializer of {@code source}, with its length. */
  static List<Method> methods(String file, String source) {
    String code = blanked(source);
    var result = new ArrayList<Method>();
    Deque<int[]> blocks = new ArrayDeque<>(); // {kind, first line}: 0 type, 1 method, 2 other
    int headerStart = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '{') {
        String header = code.substring(headerStart, i).strip();
        int kind = kind(blocks, header);
        int first = lineOf(code, headerStart + leadingSpace(code, headerStart, i));
        blocks.push(new int[] {kind, first});
      } else if (c == '}' && !blocks.isEmpty()) {
        int[] block = blocks.pop();
        if (block[0] == 1) {
          result.add(new Method(file + ":" + block[1], lineOf(code, i) - block[1] + 1));
        }
      }
      if (c == '{' || c == '}' || c == ';') {
        headerStart = i + 1;
      }
    }
    return result;
  }

  private static int kind(Deque<int[]> blocks, String header) {
    boolean inType = blocks.isEmpty() || blocks.peek()[0] == 0;
    if (!inType) {
      return 2;
    }
    if (TYPE.matcher(header).find()) {
      return 0;
    }
    int paren = header.indexOf('(');
    String beforeParen = paren < 0 ? header : header.substring(0, paren);
    return beforeParen.contains("=") ? 2 : 1;
  }

  private static int leadingSpace(String code, int from, int to) {
    int i = from;
    while (i < to && Character.isWhitespace(code.charAt(i))) {
      i++;
    }
    return i - from;
  }

  private static int lineOf(String code, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** {@code source} with comments, strings, text blocks and characters blanked, lines kept. */
  static String blanked(String source) {
    var out = new StringBuilder(source);
    int i = 0;
    while (i < source.length()) {
      String end = opening(source, i);
      if (end == null) {
        i++;
        continue;
      }
      int close = closing(source, i + (end.equals("\"\"\"") ? 3 : end.equals("*/") ? 2 : 1), end);
      for (int j = i; j < close; j++) {
        if (out.charAt(j) != '\n') {
          out.setCharAt(j, ' ');
        }
      }
      i = close;
    }
    return out.toString();
  }

  /** What ends the literal or comment that starts at {@code i}, or null. */
  private static String opening(String s, int i) {
    if (s.startsWith("\"\"\"", i)) {
      return "\"\"\"";
    }
    if (s.startsWith("//", i)) {
      return "\n";
    }
    if (s.startsWith("/*", i)) {
      return "*/";
    }
    char c = s.charAt(i);
    return c == '"' ? "\"" : c == '\'' ? "'" : null;
  }

  /** The offset just after {@code end}, skipping escaped characters. */
  private static int closing(String s, int from, String end) {
    int i = from;
    while (i < s.length() && !s.startsWith(end, i)) {
      i += s.charAt(i) == '\\' && !end.equals("\n") && !end.equals("*/") ? 2 : 1;
    }
    return Math.min(s.length(), i + end.length());
  }
}
