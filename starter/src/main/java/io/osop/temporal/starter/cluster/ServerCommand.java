package io.osop.temporal.starter.cluster;

import io.temporal.testserver.TestServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code starter server [--port 7233]}: the Temporal Java test server on a port, so that a worker
 * and starters in other processes form a small local cluster. Runs stay in memory: stopping the
 * server loses them. Timers run in real time unless {@code --time-skipping} is given.
 */
@Command(
    name = "server",
    description = "Run the Temporal test server on a port for a local multi-process cluster.")
public final class ServerCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "7233", description = "Port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--time-skipping",
      description =
          "Let the server skip time while no activity runs (long timers end in seconds). Off by"
              + " default: across processes it can cut a running activity's timeout short.")
  boolean timeSkipping;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    TestServer.PortBoundTestServer server;
    try {
      server = TestServer.createPortBoundServer(port, !timeSkipping);
    } catch (RuntimeException e) {
      spec.commandLine()
          .getErr()
          .printf("starter: cannot start the Temporal test server on port %d: %s%n", port, e);
      return ClusterCommand.EXIT_FAILED;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "test-server-stop"));
    spec.commandLine()
        .getOut()
        .printf(
            "Temporal test server listening on port %d (namespace default, time skipping %s)%n",
            port, timeSkipping ? "on" : "off");
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
