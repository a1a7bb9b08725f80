package io.osop.temporal.worker;

import io.osop.temporal.worker.config.InvalidConfigException;
import io.osop.temporal.worker.config.WorkerConfig;
import io.osop.temporal.worker.config.WorkerConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Entry point of {@code bin/worker [--config FILE]}: loads and validates the configuration, starts
 * the worker, and on SIGTERM or SIGINT stops it gracefully and exits 0.
 */
public final class WorkerMain {
  static {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "worker-logback.xml");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(WorkerMain.class);

  /** Exit status for a configuration that does not validate or a bad command line. */
  public static final int EXIT_CONFIG = 2;

  /** Exit status when the worker could not start for another reason. */
  public static final int EXIT_START = 1;

  private WorkerMain() {}

  /** Runs the worker until it is told to stop. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    Path configFile;
    try {
      configFile = configFile(args);
    } catch (IllegalArgumentException e) {
      log.error("Bad command line: {} usage: worker [--config FILE]", e.getMessage());
      return EXIT_CONFIG;
    }
    WorkerConfig config;
    WorkerComponents components;
    try {
      config = WorkerConfigLoader.load(configFile, System.getenv());
      components = Backends.create(config);
    } catch (InvalidConfigException e) {
      e.problems().forEach(problem -> log.error("Invalid worker configuration: {}", problem));
      return EXIT_CONFIG;
    }

    CountDownLatch stopRequested = new CountDownLatch(1);
    try {
      WorkerService service = WorkerService.create(config, components);
      for (String signal : new String[] {"TERM", "INT"}) {
        Signal.handle(
            new Signal(signal),
            received -> {
              log.info("Worker received a stop signal. signal={}", received.getName());
              service.requestStop();
              stopRequested.countDown();
            });
      }
      service.run();
      stopRequested.await();
      service.stop();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.error("Worker interrupted while starting or stopping.");
      return EXIT_START;
    } catch (Exception e) {
      log.error("Worker could not start. reason={}", e.getMessage(), e);
      return EXIT_START;
    }
  }

  private static Path configFile(String[] args) {
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--config") || arg.equals("-c")) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--config needs a file");
        }
        file = Path.of(args[++i]);
      } else if (arg.startsWith("--config=")) {
        file = Path.of(arg.substring("--config=".length()));
      } else {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    String fromEnv = System.getenv("OSOP_WORKER_CONFIG");
    return file == null && fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : file;
  }
}
