package io.osop.temporal.starter.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed pipeline run three times in one workspace through {@code starter dev} and the real
 * activities: a fresh workspace promotes, a weak candidate is then rejected against the production
 * model, and an identical rerun keeps to its own artifacts.
 */
@TestMethodOrder(OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SeedPipelineInOneWorkspaceTest {

  static final String ENDPOINT = "models/recommendation/v3";

  @TempDir static Path workdir;

  private static DevCliRun first;
  private static String firstVersion;
  private static Map<String, String> firstRunChecksums;
  private static Map<String, String> firstModelChecksums;

  @Test
  @Order(1)
  void aFreshWorkspacePromotesTheCandidateAndPointsProductionAtIt() throws IOException {
    DevCliRun run = DevCliRun.dev(RepositoryFiles.seedPipeline().toString(), "--workdir", dir());
    DevWorkspace workspace = new DevWorkspace(workdir);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outcome()).isEqualTo("PROMOTED");
    assertThat(run.evaluationBaseline()).contains("majority-class");
    assertThat(run.nodeStatuses())
        .containsEntry("prepare_data", "SUCCEEDED")
        .containsEntry("train_model", "SUCCEEDED")
        .containsEntry("evaluate", "SUCCEEDED")
        .containsEntry("ab_test", "SUCCEEDED")
        .containsEntry("deploy_serving", "SUCCEEDED")
        .containsEntry("rollback", "SKIPPED");

    String version = run.artifacts().get("deploy_serving model_version");
    assertThat(version).startsWith(run.workflowId());
    assertThat(workspace.productionVersion()).isEqualTo(version);
    assertThat(workspace.liveRevision(ENDPOINT)).isEqualTo(version);
    assertThat(workspace.store().resolve("models/versions").resolve(version).resolve("model.onnx"))
        .isRegularFile();

    assertThat(run.artifactPaths())
        .hasSize(5)
        .allSatisfy(path -> assertThat(path).exists())
        .allSatisfy(path -> assertThat(path).startsWith(workspace.runFolder(run.workflowId())));
    Path dataset = run.artifactPath("prepare_data", "dataset_uri");
    assertThat(dataset.resolve("test.csv")).isNotEmptyFile();
    JsonNode live = workspace.servingState(ENDPOINT).path("live");
    assertThat(Path.of(URI.create(live.path("probeDatasetUri").asText())))
        .as("the live revision's health probes read the run's held-out rows")
        .isEqualTo(dataset);
    JsonNode report = DevWorkspace.json(run.artifactPath("evaluate", "report_uri"));
    assertThat(report.path("baselineKind").asText()).isEqualTo("majority-class");

    first = run;
    firstVersion = version;
    firstRunChecksums = DevWorkspace.checksums(workspace.runFolder(run.workflowId()));
    firstModelChecksums =
        DevWorkspace.checksums(workspace.store().resolve("models/versions").resolve(version));
  }

  @Test
  @Order(2)
  void aWeakCandidateIsRejectedAtEvaluationAgainstTheProductionModel() throws IOException {
    assumeTrue(first != null, "needs the promoted first run");
    DevCliRun run =
        DevCliRun.dev(
            RepositoryFiles.seedPipeline().toString(),
            "--workdir",
            dir(),
            "--set",
            "train_model.command=python train.py --config config/weak.yaml");
    DevWorkspace workspace = new DevWorkspace(workdir);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outcome()).isEqualTo("REJECTED");
    assertThat(run.evaluationBaseline()).isEqualTo("production model " + firstVersion);
    JsonNode report = DevWorkspace.json(run.artifactPath("evaluate", "report_uri"));
    assertThat(report.path("baselineKind").asText()).isEqualTo("production");
    assertThat(report.path("candidate").path("metrics").path("accuracy").asDouble())
        .isLessThan(report.path("baseline").path("metrics").path("accuracy").asDouble());
    assertThat(run.nodeStatuses())
        .containsEntry("evaluate", "SUCCEEDED")
        .containsEntry("ab_test", "SKIPPED")
        .containsEntry("deploy_serving", "SKIPPED")
        .containsEntry("rollback", "SUCCEEDED");
    assertThat(run.artifacts()).doesNotContainKey("deploy_serving model_version");

    assertThat(workspace.productionVersion()).isEqualTo(firstVersion);
    assertThat(workspace.liveRevision(ENDPOINT)).isEqualTo(firstVersion);
    assertThat(workspace.store().resolve("serving").resolve(ENDPOINT).resolve("runs"))
        .isDirectoryNotContaining(path -> path.getFileName().toString().equals(run.workflowId()));
    assertThat(workspace.store().resolve("serving/shadow"))
        .isDirectoryNotContaining(path -> path.getFileName().toString().contains(run.workflowId()));
  }

  @Test
  @Order(3)
  void anIdenticalRerunWritesItsOwnArtifactsAndLeavesTheFirstRunsBytes() throws IOException {
    assumeTrue(first != null, "needs the promoted first run");
    DevCliRun run = DevCliRun.dev(RepositoryFiles.seedPipeline().toString(), "--workdir", dir());
    DevWorkspace workspace = new DevWorkspace(workdir);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.workflowId()).isNotEqualTo(first.workflowId());
    Path ownFolder = workspace.runFolder(run.workflowId());
    assertThat(run.artifactPaths())
        .isNotEmpty()
        .allSatisfy(path -> assertThat(path).exists().startsWith(ownFolder));
    assertThat(run.artifactPaths()).doesNotContainAnyElementsOf(first.artifactPaths());

    assertThat(DevWorkspace.checksums(workspace.runFolder(first.workflowId())))
        .as("the first run's artifacts after the reruns")
        .isEqualTo(firstRunChecksums);
    assertThat(
            DevWorkspace.checksums(
                workspace.store().resolve("models/versions").resolve(firstVersion)))
        .as("the first run's registered model after the reruns")
        .isEqualTo(firstModelChecksums);
    try (var runs = Files.list(workspace.store().resolve("runs"))) {
      assertThat(runs.map(p -> p.getFileName().toString()))
          .as("one artifact folder per run")
          .hasSize(3)
          .contains(first.workflowId(), run.workflowId());
    }
  }

  private static String dir() {
    return workdir.toString();
  }
}
