package io.osop.temporal.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphCommandTest {

  private final String seed = CliRun.pipeline("seed.osop.yaml");
  private final String failurePaths = CliRun.pipeline("failure-paths.osop.yaml");

  @Test
  void textShowsHandlersAndConditions() {
    CliRun run = CliRun.of("graph", seed);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            argo-ml-training: ML Training Pipeline (version 1.0.0)

            nodes (6):
              prepare_data    data   -> prepare-data
              train_model     cli    -> run-command
              evaluate        cicd   -> evaluate
              ab_test         infra  -> shadow-ab-test
              deploy_serving  infra  -> deploy-serving
              rollback        infra  -> rollback

            edges (6):
              prepare_data -> train_model  sequential
              train_model -> evaluate      sequential
              evaluate -> ab_test          conditional  when metrics.accuracy > baseline.accuracy
              ab_test -> deploy_serving    conditional  when ab_result == 'winner'
              ab_test -> rollback          conditional  when ab_result == 'loser'
              evaluate -> rollback         conditional  when metrics.accuracy <= baseline.accuracy
            """);
  }

  @Test
  void mermaidEscapesConditionsAndDashesFailurePaths() {
    CliRun run = CliRun.of("graph", "--format", "mermaid", failurePaths);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            flowchart TD
              a["Step #quot;A#quot;<br/><i>run-command</i>"]
              b["b<br/><i>run-command</i>"]
              c["c<br/><i>run-command</i>"]
              undo["undo<br/><i>rollback</i>"]
              a --> c
              b --> c
              c -.->|"fallback"| undo
            """);
    assertThat(CliRun.of("graph", "--format", "mermaid", seed).out())
        .contains("evaluate -->|\"metrics.accuracy #gt; baseline.accuracy\"| ab_test");
  }

  @Test
  void dotQuotesLabels() {
    CliRun run = CliRun.of("graph", "--format", "dot", failurePaths);

    assertThat(run.out())
        .startsWith("digraph \"failure-paths\" {\n")
        .contains("  \"a\" [label=\"Step \\\"A\\\"\\nrun-command\"];\n")
        .contains("  \"c\" -> \"undo\" [label=\"fallback\", style=dashed];\n")
        .endsWith("}\n");
  }

  @Test
  void textMarksJoinModes() {
    assertThat(CliRun.of("graph", failurePaths).out())
        .contains("c     cli    -> run-command  [wait_any]");
  }

  @Test
  void fileWithErrorsPrintsFindingsAndExitsOne() {
    String broken = CliRun.pipeline("broken.osop.yaml");

    CliRun run = CliRun.of("graph", broken);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(broken + ":15:5: error: conditional edge");
  }
}
