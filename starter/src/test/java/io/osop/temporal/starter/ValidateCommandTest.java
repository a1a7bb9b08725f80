package io.osop.temporal.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidateCommandTest {

  private final String seed = CliRun.pipeline("seed.osop.yaml");
  private final String broken = CliRun.pipeline("broken.osop.yaml");

  @Test
  void validFileExitsZeroWithASummary() {
    CliRun run = CliRun.of("validate", seed);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("1 file checked: 0 errors, 0 warnings; all valid\n");
  }

  @Test
  void findingsArePrintedOnePerLineWithFileLineAndColumn() {
    CliRun run = CliRun.of("validate", seed, broken);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .containsExactly(
            broken
                + ":15:5: error: conditional edge train_model -> deploy has no 'when'"
                + " condition; add one, e.g. when: \"ab_result == 'winner'\"",
            broken
                + ":18:5: warning: unknown field 'wehn' in edge train_model -> deploy (did you"
                + " mean 'when'?); extension fields start with 'x-'",
            broken
                + ":22:12: error: in condition of edge train_model -> deploy: 'ab_result' is an"
                + " output of shadow-ab-test nodes, and this pipeline has none",
            "2 files checked: 2 errors, 1 warning; 1 with errors");
  }

  @Test
  void jsonFormatCarriesTheSameFindings() {
    CliRun run = CliRun.of("validate", "--format", "json", broken);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("\"valid\": false,\n  \"errors\": 2,\n  \"warnings\": 1,")
        .contains(
            "{\"file\": \""
                + broken
                + "\", \"line\": 18, \"column\": 5, \"override\": null, \"severity\": \"warning\","
                + " \"message\": \"unknown field 'wehn' in edge train_model -> deploy (did you"
                + " mean 'when'?); extension fields start with 'x-'\"}")
        .contains(
            "\"message\": \"conditional edge train_model -> deploy has no 'when' condition;"
                + " add one, e.g. when: \\\"ab_result == 'winner'\\\"\"");
  }

  @Test
  void overridesAreAppliedAndNamedInFindings() {
    CliRun run = CliRun.of("validate", seed, "--set", "ab_test.traffic_split=2");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(
            seed
                + ": --set ab_test.traffic_split=2: error: node 'ab_test': traffic_split must"
                + " be in (0, 1], not 2.0\n");
  }

  @Test
  void misspeltOverrideKeyIsAnErrorAndOneErrorIsSingular() {
    CliRun run = CliRun.of("validate", seed, "--set", "train_model.comand=python other.py");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .containsExactly(
            seed
                + ": --set train_model.comand=python other.py: error: node 'train_model': unknown"
                + " config key 'comand' (did you mean 'command'?); run-command reads command,"
                + " resources, env; this override would change nothing",
            "1 file checked: 1 error, 0 warnings; 1 with errors");
  }

  @Test
  void devStartsNothingForAFileWithOneErrorAndSaysSoInTheSingular() {
    CliRun run = CliRun.of("dev", seed, "--set", "train_model.comand=python other.py");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).endsWith(seed + ": 1 error; nothing was started.\n");
  }

  @Test
  void missingFileIsAnErrorFinding() {
    CliRun run = CliRun.of("validate", "no-such.osop.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("no-such.osop.yaml:1:1: error: no such file\n");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CliRun.of("validate").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("validate", "--format", "xml", seed).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("no-such-command").exitCode()).isEqualTo(2);
    assertThat(CliRun.of().exitCode()).isEqualTo(2);
  }
}
