package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigKeyCheckTest {

  private final Compilation result = Fixtures.compile("config-keys.osop.yaml");

  @Test
  void misspeltGuardrailInTheFileIsAWarningAtTheKey() {
    Finding finding = Fixtures.at(result, 25, 7);
    assertThat(finding.isError()).isFalse();
    assertThat(finding.message())
        .isEqualTo(
            "node 'ab_test': unknown config key 'max_error_rte' (did you mean 'max_error_rate'?);"
                + " shadow-ab-test reads traffic_split, duration_hours, check_interval_hours,"
                + " max_error_rate, max_accuracy_drop, max_p99_latency_ms, min_labelled,"
                + " min_requests, accuracy_tolerance, endpoint, baseline; extension keys start"
                + " with 'x-'");
  }

  @Test
  void misspeltCanaryPercentInTheFileIsAWarningWithDidYouMean() {
    Finding finding = Fixtures.at(result, 30, 7);
    assertThat(finding.isError()).isFalse();
    assertThat(finding.message())
        .isEqualTo(
            "node 'deploy_serving': unknown config key 'canary_pct' (did you mean"
                + " 'canary_percent'?); deploy-serving reads endpoint, canary_percent; extension"
                + " keys start with 'x-'");
  }

  @Test
  void unknownResourceIsAnErrorBecauseTheExecutorRejectsIt() {
    Finding finding = Fixtures.at(result, 15, 20);
    assertThat(finding.isError()).isTrue();
    assertThat(finding.message())
        .isEqualTo(
            "node 'train_model': unknown config key 'resources.gpus' (did you mean 'gpu'?);"
                + " resources are gpu, memory, cpu");
  }

  @Test
  void extensionKeysPassAndNothingElseIsReported() {
    assertThat(Fixtures.at(result, 29, 7).message())
        .isEqualTo(
            "node 'deploy_serving': config.canary_percent is required (for example"
                + " canary_percent: 5)");
    assertThat(result.errors()).hasSize(2);
    assertThat(result.findings()).hasSize(4);
  }

  @Test
  void misspeltOverrideIsAnErrorThatNamesTheSet() {
    Compilation overridden =
        Fixtures.compile("seed.osop.yaml", Map.of("train_model.comand", "python other.py"));

    assertThat(overridden.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.isError()).isTrue();
              assertThat(f.toString())
                  .endsWith(
                      "seed.osop.yaml: --set train_model.comand=python other.py: error: node"
                          + " 'train_model': unknown config key 'comand' (did you mean"
                          + " 'command'?); run-command reads command, resources, env; this"
                          + " override would change nothing");
            });
    assertThat(overridden.definition()).isNull();
  }

  @Test
  void misspeltNestedOverrideIsAnError() {
    Compilation overridden =
        Fixtures.compile("seed.osop.yaml", Map.of("train_model.resources.gpus", "1"));

    assertThat(overridden.findings())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.toString())
                    .endsWith(
                        "--set train_model.resources.gpus=1: error: node 'train_model': unknown"
                            + " config key 'resources.gpus' (did you mean 'gpu'?); resources are"
                            + " gpu, memory, cpu; this override would change nothing"));
  }
}
