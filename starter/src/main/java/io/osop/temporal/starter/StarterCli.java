package io.osop.temporal.starter;

import io.osop.temporal.starter.cluster.HistoryCommand;
import io.osop.temporal.starter.cluster.ListCommand;
import io.osop.temporal.starter.cluster.ResultCommand;
import io.osop.temporal.starter.cluster.RunCommand;
import io.osop.temporal.starter.cluster.ServerCommand;
import io.osop.temporal.starter.cluster.SignalCommands;
import io.osop.temporal.starter.cluster.StatusCommand;
import io.osop.temporal.starter.dev.DevCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code starter} command line: checks, draws and runs OSOP pipelines. Each subcommand is its
 * own class listed in {@code subcommands}; exit codes are 0 for success, 1 for a failed check or
 * run, 2 for a usage error.
 */
@Command(
    name = "starter",
    mixinStandardHelpOptions = true,
    version = "starter 0.1.0",
    description = "Validate, draw and run OSOP ML pipelines on Temporal.",
    subcommands = {
      ValidateCommand.class,
      GraphCommand.class,
      DevCommand.class,
      RunCommand.class,
      StatusCommand.class,
      ListCommand.class,
      ResultCommand.class,
      SignalCommands.Cancel.class,
      SignalCommands.Approve.class,
      SignalCommands.Reject.class,
      SignalCommands.Extend.class,
      HistoryCommand.class,
      ServerCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class StarterCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Runs the command line with the given streams and returns its exit code, without exiting; for
   * tests and embedding.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The configured picocli command line; usage errors exit with 2. */
  public static CommandLine commandLine() {
    CommandLine commandLine =
        new CommandLine(new StarterCli()).setCaseInsensitiveEnumValuesAllowed(true);
    // Every subcommand answers -h/--help, even when its required parameters are missing.
    commandLine.getSubcommands().values().stream()
        .map(CommandLine::getCommandSpec)
        .filter(spec -> !spec.mixinStandardHelpOptions())
        .forEach(spec -> spec.mixinStandardHelpOptions(true));
    return commandLine;
  }

  /** Without a subcommand, says what the subcommands are and fails as a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }
}
