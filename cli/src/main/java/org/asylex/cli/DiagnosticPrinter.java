package org.asylex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.SourcePosition;

/** Prints diagnostics as {@code file:line:col: error[code]: message} with the line underlined. */
final class DiagnosticPrinter {
  private final Map<String, List<String>> files = new HashMap<>();
  private final PrintWriter out;

  DiagnosticPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(Diagnostic d) {
    out.println(d.format().lines().findFirst().orElse(""));
    excerpt(d.position());
    for (Diagnostic.Related r : d.related()) {
      out.println("  note: " + r.position() + ": " + r.note());
      excerpt(r.position());
    }
  }

  private void excerpt(SourcePosition at) {
    if (at.line() == 0) {
      return;
    }
    List<String> lines = files.computeIfAbsent(at.file(), DiagnosticPrinter::read);
    if (at.line() > lines.size()) {
      return;
    }
    String line = lines.get(at.line() - 1);
    String number = Integer.toString(at.line());
    out.println("  " + number + " | " + line);
    if (at.column() > 0) {
      String pad = " ".repeat(number.length());
      out.println("  " + pad + " | " + " ".repeat(Math.min(at.column() - 1, line.length())) + "^");
    }
  }

  private static List<String> read(String file) {
    try {
      return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
