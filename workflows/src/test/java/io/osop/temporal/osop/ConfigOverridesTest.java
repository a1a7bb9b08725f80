package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigOverridesTest {

  @Test
  void overridesReplaceNestedValuesParsedAsYaml() {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("train_model.resources.gpu", "1");
    overrides.put("evaluate.metrics", "[accuracy, f1]");
    overrides.put("prepare_data.splits", "{train: 0.7, val: 0.15, test: 0.15}");
    overrides.put("ab_test.duration_hours", "0.5");
    overrides.put("deploy_serving.endpoint", "'models/recommendation/v4'");

    Compilation result = Fixtures.compile("seed.osop.yaml", overrides);

    assertThat(result.findings()).isEmpty();
    Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
    result.definition().nodes().forEach(n -> configs.put(n.id(), n.config()));
    assertThat(configs.get("train_model").get("resources"))
        .isEqualTo(Map.of("gpu", 1L, "memory", "64Gi"));
    assertThat(configs.get("evaluate").get("metrics")).isEqualTo(List.of("accuracy", "f1"));
    assertThat(configs.get("prepare_data").get("splits"))
        .isEqualTo(Map.of("train", 0.7, "val", 0.15, "test", 0.15));
    assertThat(configs.get("ab_test").get("duration_hours")).isEqualTo(0.5);
    assertThat(configs.get("deploy_serving").get("endpoint")).isEqualTo("models/recommendation/v4");
  }

  @Test
  void findingAboutAnOverriddenValueNamesTheSet() {
    Compilation result =
        Fixtures.compile("seed.osop.yaml", Map.of("deploy_serving.canary_percent", "0"));

    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.position().isOverride()).isTrue();
              assertThat(f.position().override()).isEqualTo("deploy_serving.canary_percent=0");
              assertThat(f.toString())
                  .endsWith(
                      "seed.osop.yaml: --set deploy_serving.canary_percent=0: error: node"
                          + " 'deploy_serving': canary_percent must be in (0, 100], not 0.0");
            });
  }

  @Test
  void unknownNodeIsAnErrorWithDidYouMean() {
    Compilation result = Fixtures.compile("seed.osop.yaml", Map.of("evalute.baseline", "x"));

    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.position().override()).isEqualTo("evalute.baseline=x");
              assertThat(f.message())
                  .isEqualTo("no node 'evalute' in the pipeline (did you mean 'evaluate'?)");
            });
  }

  @Test
  void malformedOverridesAreErrors() {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("evaluate", "x");
    overrides.put("evaluate.metrics", "[accuracy");
    overrides.put("train_model.command.gpu", "1");

    Compilation result = Fixtures.compile("seed.osop.yaml", overrides);

    assertThat(result.findings())
        .extracting(Finding::message)
        .containsExactlyInAnyOrder(
            "an override is NODE.KEY=VALUE, for example evaluate.baseline=models/x",
            "the value cannot be read as YAML: invalid YAML: expected ',' or ']', but got"
                + " <stream end> (while parsing a flow sequence)",
            "config.command of node 'train_model' is not a mapping, so it has no key 'gpu'");
  }
}
