package io.osop.temporal.starter.cluster;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetSocketAddress;
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
      names = "--bind",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for all).")
  String bind;

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
    TestServicesStarter services = new TestServicesStarter(!timeSkipping, 0);
    Server server;
    try {
      // Built like TestServer.createPortBoundServer, but bound to one address rather than all.
      ServerBuilder<?> builder =
          NettyServerBuilder.forAddress(
              new InetSocketAddress(bind, port), InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      server = builder.build().start();
    } catch (IOException | RuntimeException e) {
      services.close();
      spec.commandLine()
          .getErr()
          .printf("starter: cannot start the Temporal test server on %s:%d: %s%n", bind, port, e);
      return ClusterCommand.EXIT_FAILED;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  services.close();
                  stopped.countDown();
                },
                "test-server-stop"));
    spec.commandLine()
        .getOut()
        .printf(
            "Temporal test server listening on %s port %d (namespace default, time skipping %s)%n",
            bind, port, timeSkipping ? "on" : "off");
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
