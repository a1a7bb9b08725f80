package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.pipeline.EdgeMode;
import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.JoinMode;
import io.osop.temporal.pipeline.PipelineDefinition;
import io.osop.temporal.pipeline.PipelineEdge;
import io.osop.temporal.pipeline.PipelineNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedPipelinesTest {

  @Test
  void englishAndChineseSeedsValidateWithoutFindings() {
    for (String name : List.of("argo-ml-training.osop.yaml", "argo-ml-training.zh-TW.osop.yaml")) {
      Compilation result = PipelineCompiler.compile(Fixtures.sharedExample(name), Map.of());

      assertThat(result.findings()).as(name).isEmpty();
      assertThat(result.definition()).as(name).isNotNull();
      assertThat(result.handlers())
          .containsExactly(
              Map.entry("prepare_data", Handler.PREPARE_DATA),
              Map.entry("train_model", Handler.RUN_COMMAND),
              Map.entry("evaluate", Handler.EVALUATE),
              Map.entry("ab_test", Handler.SHADOW_AB_TEST),
              Map.entry("deploy_serving", Handler.DEPLOY_SERVING),
              Map.entry("rollback", Handler.ROLLBACK));
    }
  }

  @Test
  void seedResolvesToThePinnedDefinition() throws Exception {
    Path file = Fixtures.sharedExample("argo-ml-training.osop.yaml");
    PipelineDefinition definition = PipelineCompiler.compile(file, Map.of()).definition();

    String hash =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    assertThat(definition.contentHash()).isEqualTo(hash);
    assertThat(definition.pipelineId()).isEqualTo("argo-ml-training");
    assertThat(definition.name()).isEqualTo("ML Training Pipeline");
    assertThat(definition.version()).isEqualTo("1.0.0");
    assertThat(definition.sourceFile()).isEqualTo(file.toString());
    assertThat(definition.baseDirectory()).isEqualTo(file.toAbsolutePath().getParent().toString());
    assertThat(definition.nodes())
        .extracting(PipelineNode::id)
        .containsExactly(
            "prepare_data", "train_model", "evaluate", "ab_test", "deploy_serving", "rollback");
    PipelineNode train = definition.nodes().get(1);
    assertThat(train.name()).isEqualTo("Train Model");
    assertThat(train.config())
        .containsEntry("command", "python train.py --config config/prod.yaml")
        .containsEntry("resources", Map.of("gpu", 4L, "memory", "64Gi"));
    assertThat(train.retry()).isNull();
    assertThat(train.joinMode()).isEqualTo(JoinMode.WAIT_ALL);
    assertThat(definition.nodes().get(0).config().get("splits"))
        .isEqualTo(Map.of("train", 0.8, "val", 0.1, "test", 0.1));
    assertThat(definition.edges())
        .containsExactly(
            new PipelineEdge("prepare_data", "train_model", EdgeMode.SEQUENTIAL, null, null),
            new PipelineEdge("train_model", "evaluate", EdgeMode.SEQUENTIAL, null, null),
            new PipelineEdge(
                "evaluate",
                "ab_test",
                EdgeMode.CONDITIONAL,
                "metrics.accuracy > baseline.accuracy",
                "Beats baseline"),
            new PipelineEdge(
                "ab_test",
                "deploy_serving",
                EdgeMode.CONDITIONAL,
                "ab_result == 'winner'",
                "A/B test passed"),
            new PipelineEdge(
                "ab_test",
                "rollback",
                EdgeMode.CONDITIONAL,
                "ab_result == 'loser'",
                "A/B test failed"),
            new PipelineEdge(
                "evaluate",
                "rollback",
                EdgeMode.CONDITIONAL,
                "metrics.accuracy <= baseline.accuracy",
                "Below baseline — abort"));
  }

  @Test
  void modelTrainingFailsOnlyWithErrorsAboutWhatThisRuntimeCannotRun() {
    Compilation result =
        PipelineCompiler.compile(Fixtures.sharedExample("model-training.osop.yaml"), Map.of());

    assertThat(result.findings()).allMatch(Finding::isError);
    assertThat(result.findings())
        .extracting(Finding::message)
        .anyMatch(m -> m.startsWith("cycle evaluate_model -> prepare_data -> train_model"))
        .anyMatch(m -> m.contains("'review_results' has type 'human', which this runtime does not"))
        .anyMatch(m -> m.contains("'register_model' has type 'api'"))
        .anyMatch(m -> m.contains("unknown name 'f1_score'"))
        .anyMatch(m -> m.contains("no entry node"));
    assertThat(Fixtures.containing(result, "config.command is required")).hasSize(4);
  }

  @Test
  void joinModesExampleFailsOnlyForNodeTypesThisRuntimeDoesNotRun() {
    Compilation result =
        PipelineCompiler.compile(Fixtures.sharedExample("join-modes-parallel.osop.yaml"), Map.of());

    assertThat(result.findings())
        .hasSize(6)
        .allMatch(Finding::isError)
        .allMatch(f -> f.message().contains("which this runtime does not run; supported types"));
  }

  @Test
  void pastedSeedWithLostIndentationAndGluedColonFailsAtTheGluedLine() {
    Compilation result = Fixtures.compile("pasted-seed.osop.yaml");

    assertThat(result.findings()).hasSize(1);
    Finding finding = result.findings().get(0);
    assertThat(finding.position().line()).isEqualTo(11);
    assertThat(finding.position().column()).isEqualTo(1);
    assertThat(finding.message())
        .isEqualTo(
            "'name:\"ML Training Pipeline\"' has no space after the colon, so YAML reads it as one"
                + " piece of text instead of a key and a value; write name: \"ML Training"
                + " Pipeline\"");
  }

  @Test
  void pastedSeedWithOnlyLostIndentationSaysToIndentListItems() {
    Compilation result = Fixtures.compile("pasted-seed-flat.osop.yaml");

    assertThat(result.findings()).hasSize(1);
    Finding finding = result.findings().get(0);
    assertThat(finding.position().line()).isEqualTo(25);
    assertThat(finding.message()).contains("indentation is lost in copying");
  }
}
