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

  /** Runs the command line and returns its exit code; used by tests too. */
  static int run(String... args) {
    var cli = new CommandLine(new Main());
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
