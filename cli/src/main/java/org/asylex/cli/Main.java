package org.asylex.cli;

import org.asylex.app.Today;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code asylex} command. */
@Command(
    name = "asylex",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Country asylum policy as executable, explainable code.",
    subcommands = {
      AssessCommand.class,
      ImpactCommand.class,
      PolicyCommand.class,
      CaseCommand.class,
      AuditCommand.class,
      UserCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  /** Exit code for a reproduced assessment that differs, or an audit trail that is broken. */
  static final int DIFFERENT = 1;

  /** Exit code for invalid input or an invalid pack. */
  static final int INVALID = 2;

  /** Exit code for a case store that cannot be reached, or that failed. */
  static final int STORE_FAILED = 3;

  private final java.io.InputStream in;
  private final Today today;

  private Main(java.io.InputStream in, Today today) {
    this.in = in;
    this.today = today;
  }

  /** Standard input as this run sees it: {@code asylex assess -} reads a case from it. */
  java.io.InputStream stdin() {
    return in;
  }

  /** Today in the Netherlands, from the run's clock (the system's, or a test's). */
  Today today() {
    return today;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line on the standard streams and returns its exit code. */
  static int run(String... args) {
    var utf8 = java.nio.charset.StandardCharsets.UTF_8;
    return run(
        System.in,
        new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, utf8), true),
        new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, utf8), true),
        args);
  }

  /** Runs the command line with the given output streams; tests use this. */
  static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    return run(java.io.InputStream.nullInputStream(), out, err, args);
  }

  /** Runs the command line with the given standard input and output streams; tests use this. */
  static int run(
      java.io.InputStream in, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    return run(Today.system(), in, out, err, args);
  }

  /** Runs the command line on a fixed "today"; tests use this. */
  static int run(
      Today today,
      java.io.InputStream in,
      java.io.PrintWriter out,
      java.io.PrintWriter err,
      String... args) {
    var cli = new CommandLine(new Main(in, today));
    // Every line goes out with control characters escaped (Terminal): text from outside, in
    // whatever message, never reaches the terminal as an escape code; so no colours in the help.
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cli.setOut(Terminal.escaping(out));
    cli.setErr(Terminal.escaping(err));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // Never a stack trace to the user; ASYLEX_DEBUG=1 shows it for developers.
          commandLine.getErr().println("asylex: internal error: " + e);
          if (System.getenv("ASYLEX_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          }
          return 1;
        });
    return cli.execute(args);
  }

  /** The version of this build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"asylex " + (v == null ? "development build" : v)};
    }
  }
}
