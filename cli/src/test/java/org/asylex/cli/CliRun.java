package org.asylex.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in-process, with what it printed. */
record CliRun(int exitCode, String out, String err) {
  static final String POLICIES = "../policies";

  static final String EXAMPLES = "../examples";

  static CliRun of(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** A run on a fixed "today". */
  static CliRun on(org.asylex.app.Today today, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code =
        Main.run(
            today,
            java.io.InputStream.nullInputStream(),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** A run with {@code stdin} as standard input (UTF-8). */
  static CliRun withStdin(String stdin, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var in =
        new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    int code = Main.run(in, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
