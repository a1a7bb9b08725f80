package io.osop.temporal.starter.cluster;

import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shape of every command that talks to a cluster: connect (failing fast), act, print; a failure
 * the user can act on is one line on stderr and exit status 1.
 */
abstract class ClusterCommand implements Callable<Integer> {
  /** Exit status of a command that failed. */
  static final int EXIT_FAILED = 1;

  /** Exit status of a command whose input (pipeline file, flags) is invalid. */
  static final int EXIT_INVALID = 2;

  @Mixin ClusterOptions cluster;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      prepare();
    } catch (CommandFailure e) {
      err().println("starter: " + e.getMessage());
      return EXIT_INVALID;
    }
    try (ClusterClient client = ClusterClient.connect(cluster)) {
      return execute(client);
    } catch (CommandFailure e) {
      err().println("starter: " + e.getMessage());
      return EXIT_FAILED;
    } catch (WorkflowNotFoundException e) {
      err()
          .println(
              "starter: no run with id "
                  + e.getExecution().getWorkflowId()
                  + " in namespace "
                  + cluster.namespace);
      return EXIT_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err().println("starter: interrupted");
      return EXIT_FAILED;
    }
  }

  /** Checks what can be checked without the cluster (the pipeline file, flags). */
  void prepare() throws CommandFailure {}

  /** Runs the command on a connected cluster and returns the exit status. */
  abstract int execute(ClusterClient client) throws CommandFailure, InterruptedException;

  WorkflowStub stub(ClusterClient client, String workflowId) {
    return client.client().newUntypedWorkflowStub(workflowId);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
