package io.osop.temporal.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.osop.temporal.pipeline.Handler;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerConfigLoaderTest {

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(WorkerConfigLoaderTest.class.getResource("/config/" + name).toURI());
  }

  @Test
  void readsEverySectionOfAProductionFile() throws Exception {
    WorkerConfig config = WorkerConfigLoader.load(fixture("production.yaml"), Map.of());

    assertThat(config.temporal().address()).isEqualTo("temporal-frontend.temporal.svc:7233");
    assertThat(config.temporal().namespace()).isEqualTo("ml");
    assertThat(config.temporal().taskQueue()).isEqualTo("ml-pipelines");
    assertThat(config.temporal().tls()).isNull();
    assertThat(config.backends().objectStore().type()).isEqualTo("gcs");
    assertThat(config.backends().objectStore().string("bucket", null)).isEqualTo("ml-artifacts");
    assertThat(config.backends().training().type()).isEqualTo("kubernetes");
    assertThat(config.backends().training().settings()).containsKey("tolerations");
    assertThat(config.backends().traffic().type()).isEqualTo("istio");
    assertThat(config.limits()).containsEntry(Handler.RUN_COMMAND, 3);
    assertThat(config.limits()).containsEntry(Handler.EVALUATE, 4);
    assertThat(config.limits()).containsEntry(Handler.PREPARE_DATA, 2);
    assertThat(config.activityDefaults().forHandler(Handler.RUN_COMMAND).startToClose())
        .isEqualTo(Duration.ofHours(8));
    assertThat(config.activityDefaults().forHandler(Handler.RUN_COMMAND).maximumAttempts())
        .isEqualTo(2);
    assertThat(config.httpPort()).isEqualTo(9464);
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    Map<String, String> env =
        Map.of(
            "TEMPORAL_ADDRESS", "127.0.0.1:17233",
            "TEMPORAL_NAMESPACE", "staging",
            "OSOP_WORKER__HTTP__PORT", "0",
            "OSOP_WORKER__LIMITS__RUN_COMMAND", "5",
            "OSOP_WORKER__BACKENDS__TRAINING", "local");

    WorkerConfig config = WorkerConfigLoader.load(fixture("production.yaml"), env);

    assertThat(config.temporal().address()).isEqualTo("127.0.0.1:17233");
    assertThat(config.temporal().namespace()).isEqualTo("staging");
    assertThat(config.httpPort()).isZero();
    assertThat(config.limits()).containsEntry(Handler.RUN_COMMAND, 5);
    assertThat(config.backends().training().type()).isEqualTo("local");
  }

  @Test
  void environmentAloneIsEnoughWithoutAFile() throws Exception {
    WorkerConfig config = WorkerConfigLoader.load(null, Map.of("TEMPORAL_ADDRESS", "host:7233"));

    assertThat(config.temporal().namespace()).isEqualTo("default");
    assertThat(config.temporal().taskQueue()).isEqualTo(WorkerConfigLoader.DEFAULT_TASK_QUEUE);
    assertThat(config.backends().objectStore().type()).isEqualTo("local");
    assertThat(config.limits()).containsEntry(Handler.RUN_COMMAND, 1);
  }

  @Test
  void wrongConfigurationGivesOneLinePerProblem() throws Exception {
    Path file = fixture("wrong.yaml");

    InvalidConfigException error =
        catchThrowableOfType(
            InvalidConfigException.class, () -> WorkerConfigLoader.load(file, Map.of()));

    assertThat(error.problems())
        .containsExactlyInAnyOrder(
            file
                + ": temporal.address: required: the Temporal frontend as host:port (or"
                + " TEMPORAL_ADDRESS)",
            file + ": temporal.tls.client_cert: file does not exist: /nonexistent/client.pem",
            file + ": temporal.tls.client_key: file does not exist: /nonexistent/client.key",
            file + ": backends.training: unknown backend 'slurm'; choose one of kubernetes, local",
            file + ": limits.run-command: must be a whole number from 1 to 10000, got -2");
  }

  @Test
  void misspelledKeysAndOutOfRangeValuesAreNamed() throws Exception {
    Path file = fixture("typos.yaml");

    InvalidConfigException error =
        catchThrowableOfType(
            InvalidConfigException.class, () -> WorkerConfigLoader.load(file, Map.of()));

    assertThat(error.problems())
        .containsExactlyInAnyOrder(
            file + ": temporal.adress: unknown key",
            file + ": backends.training.image: required by the kubernetes backend",
            file + ": backends.training.imgae: unknown setting for the kubernetes backend",
            file
                + ": limits.train: unknown handler; choose one of prepare-data, run-command,"
                + " evaluate, shadow-ab-test, deploy-serving, rollback",
            file + ": http.port: must be a whole number from 0 to 65535, got 70000");
  }

  @Test
  void tlsFilesThatExistAreAccepted(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("client.pem"), "cert");
    Path key = Files.writeString(dir.resolve("client.key"), "key");
    Map<String, String> env =
        Map.of(
            "TEMPORAL_ADDRESS", "ns.tmprl.cloud:7233",
            "TEMPORAL_TLS_CERT", cert.toString(),
            "TEMPORAL_TLS_KEY", key.toString());

    WorkerConfig config = WorkerConfigLoader.load(null, env);

    assertThat(config.temporal().tls().clientCert()).isEqualTo(cert);
    assertThat(config.temporal().tls().clientKey()).isEqualTo(key);
    assertThat(config.temporal().tls().ca()).isNull();
  }

  @Test
  void aMissingFileIsReportedByName() {
    Path file = Path.of("/nonexistent/worker.yaml");

    InvalidConfigException error =
        catchThrowableOfType(
            InvalidConfigException.class, () -> WorkerConfigLoader.load(file, Map.of()));

    assertThat(error.problems()).containsExactly("/nonexistent/worker.yaml: file not found");
  }
}
