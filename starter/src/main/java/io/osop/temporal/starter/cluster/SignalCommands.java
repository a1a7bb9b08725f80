package io.osop.temporal.starter.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that steer a running run: cancel it, or decide or lengthen its A/B window. */
public final class SignalCommands {
  private SignalCommands() {}

  /** {@code starter cancel ID}: cancels a run; its saga compensations run before it ends. */
  @Command(name = "cancel", description = "Cancel a run; its compensations run before it ends.")
  public static final class Cancel extends ClusterCommand {
    @Parameters(paramLabel = "ID", description = "The run's workflow id.")
    String workflowId;

    @Override
    int execute(ClusterClient client) {
      stub(client, workflowId).cancel();
      out().printf("cancel requested for %s%n", workflowId);
      out().flush();
      return 0;
    }
  }

  /** Sends an A/B decision signal with a reason. */
  abstract static class Decision extends ClusterCommand {
    @Parameters(paramLabel = "ID", description = "The run's workflow id.")
    String workflowId;

    @Option(names = "--reason", description = "Why; kept in the run's A/B evidence.")
    String reason;

    /** The signal, which is also the verb of the default reason. */
    abstract String signal();

    @Override
    int execute(ClusterClient client) {
      String why = reason != null ? reason : signal() + "d from the starter CLI";
      stub(client, workflowId).signal(signal(), why);
      out().printf("%sd %s: %s%n", signal(), workflowId, why);
      out().flush();
      return 0;
    }
  }

  /** {@code starter approve ID}: ends the running A/B window with the candidate as winner. */
  @Command(name = "approve", description = "End the running A/B window: the candidate wins.")
  public static final class Approve extends Decision {
    @Override
    String signal() {
      return "approve";
    }
  }

  /** {@code starter reject ID}: ends the running A/B window with the candidate as loser. */
  @Command(name = "reject", description = "End the running A/B window: the candidate loses.")
  public static final class Reject extends Decision {
    @Override
    String signal() {
      return "reject";
    }
  }

  /** {@code starter extend ID --hours N}: lengthens the running A/B window. */
  @Command(name = "extend", description = "Lengthen the running A/B window by some hours.")
  public static final class Extend extends ClusterCommand {
    @Parameters(paramLabel = "ID", description = "The run's workflow id.")
    String workflowId;

    @Option(names = "--hours", required = true, description = "Hours to add (positive).")
    double hours;

    @Override
    int execute(ClusterClient client) throws CommandFailure {
      if (!(hours > 0)) {
        throw new CommandFailure("--hours must be positive, got " + hours);
      }
      stub(client, workflowId).signal("extend", hours);
      out().printf("extended the A/B window of %s by %s h%n", workflowId, hours);
      out().flush();
      return 0;
    }
  }
}
