package io.osop.temporal.starter.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.worker.WorkerMain;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerMainProcessTest {
  @TempDir Path dir;

  @Test
  void wrongConfigurationStopsTheWorkerWithOneLinePerProblem() throws Exception {
    Path config = Path.of("src/test/resources/config/wrong.yaml").toAbsolutePath();

    try (JavaProcess worker =
        JavaProcess.start(
            dir, Map.of(), WorkerMain.class.getName(), "--config", config.toString())) {
      int exit = worker.waitFor(60);

      assertThat(exit).isEqualTo(WorkerMain.EXIT_CONFIG);
      assertThat(
              worker
                  .output()
                  .lines()
                  .filter(line -> line.contains(" ERROR "))
                  .map(line -> line.substring(line.indexOf("ERROR"))))
          .containsExactlyInAnyOrder(
              line(
                  config,
                  "temporal.address: required: the Temporal frontend as host:port"
                      + " (or TEMPORAL_ADDRESS)"),
              line(
                  config, "temporal.tls.client_cert: file does not exist: /nonexistent/client.pem"),
              line(config, "temporal.tls.client_key: file does not exist: /nonexistent/client.key"),
              line(
                  config,
                  "backends.training: unknown backend 'slurm'; choose one of kubernetes, local"),
              line(config, "limits.run-command: must be a whole number from 1 to 10000, got -2"));
    }
  }

  private static String line(Path config, String problem) {
    return "ERROR [main] io.osop.temporal.worker.WorkerMain - Invalid worker configuration: "
        + config
        + ": "
        + problem;
  }
}
