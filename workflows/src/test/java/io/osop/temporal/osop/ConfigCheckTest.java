package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigCheckTest {

  private final Compilation result = Fixtures.compile("config-errors.osop.yaml");

  @Test
  void sourceMustUseAKnownScheme() {
    assertThat(Fixtures.at(result, 8, 15).message())
        .isEqualTo(
            "node 'prepare_data': source 's3://bucket/users' has the unknown scheme 's3'; known"
                + " schemes: feature-store (feature-store://NAME/VERSION)");
    assertThat(Fixtures.at(result, 32, 15).message())
        .isEqualTo(
            "node 'prepare_more': source 'feature-store://users' must have the form"
                + " feature-store://NAME/VERSION");
  }

  @Test
  void splitsMustBeFractionsOfKnownSplitsSummingToOne() {
    assertThat(Fixtures.at(result, 9, 15).message())
        .isEqualTo("node 'prepare_data': split fractions must sum to 1, but they sum to 1.2");
    assertThat(Fixtures.at(result, 9, 45).message())
        .isEqualTo(
            "node 'prepare_data': unknown split 'tset' (did you mean 'test'?); splits are train,"
                + " val, test");
    assertThat(Fixtures.at(result, 9, 56).message())
        .isEqualTo("node 'prepare_data': split test must be a fraction in (0, 1), not 1.5");
    assertThat(Fixtures.at(result, 33, 15).message())
        .isEqualTo("node 'prepare_more': split fractions must sum to 1, but they sum to 0.8");
  }

  @Test
  void commandMustNotBeEmpty() {
    assertThat(Fixtures.at(result, 13, 16).message())
        .isEqualTo("node 'train_model': command must not be empty");
  }

  @Test
  void gpuMustBeAPositiveWholeNumberAndMemoryAKubernetesQuantity() {
    assertThat(Fixtures.at(result, 14, 25).message())
        .isEqualTo(
            "node 'train_model': resources.gpu must be a positive whole number of GPUs, not 0.5");
    assertThat(Fixtures.at(result, 14, 38).message())
        .isEqualTo(
            "node 'train_model': resources.memory must be a positive Kubernetes quantity such as"
                + " 64Gi or 65536Mi, not '64GB' (did you mean 64Gi or 64G?)");
  }

  @Test
  void metricsMustBeSupported() {
    assertThat(Fixtures.at(result, 18, 27).message())
        .isEqualTo(
            "node 'evaluate': unsupported metric 'recall'; supported: accuracy, f1, p99_latency,"
                + " demographic_parity");
  }

  @Test
  void shadowTrafficSplitAndDurationMustBeInRange() {
    assertThat(Fixtures.at(result, 22, 22).message())
        .isEqualTo("node 'ab_test': traffic_split must be in (0, 1], not 0.0");
    assertThat(Fixtures.at(result, 23, 23).message())
        .isEqualTo("node 'ab_test': duration_hours must be positive and at most 720, not 10000.0");
  }

  @Test
  void canaryPercentMustBeInRange() {
    assertThat(Fixtures.at(result, 28, 23).message())
        .isEqualTo("node 'deploy_serving': canary_percent must be in (0, 100], not 150.0");
  }

  @Test
  void everyConfigErrorIsReportedAtOnce() {
    assertThat(result.errors()).hasSize(13);
  }
}
