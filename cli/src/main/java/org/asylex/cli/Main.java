package org.asylex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code asylex} command. */
@Command(
    name = "asylex",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Country asylum policy as executable, explainable code.",
    subcommands = {PolicyCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  /** Exit code for invalid input or an invalid pack. */
  static final int INVALID = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line on the standard streams and returns its exit code. */
  static int run(String... args) {
    return run(
        new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given output streams; tests use this. */
  static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    var cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
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
