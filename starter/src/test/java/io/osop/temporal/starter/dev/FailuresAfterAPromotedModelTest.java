package io.osop.temporal.starter.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a modest model in production (the weak training config, promoted on a fresh workspace), a
 * better candidate that regresses online is rolled back, and one whose promotion fails half way is
 * undone by the saga: either way production and serving stay on the previous model.
 */
@TestMethodOrder(OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FailuresAfterAPromotedModelTest {

  private static final String ENDPOINT = SeedPipelineInOneWorkspaceTest.ENDPOINT;

  @TempDir static Path workdir;

  private static String previousVersion;

  @Test
  @Order(1)
  void aModestModelIsPromotedOnAFreshWorkspace() throws IOException {
    DevCliRun run =
        DevCliRun.dev(
            RepositoryFiles.seedPipeline().toString(),
            "--workdir",
            workdir.toString(),
            "--set",
            "train_model.command=python train.py --config config/weak.yaml");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outcome()).isEqualTo("PROMOTED");
    previousVersion = run.artifacts().get("deploy_serving model_version");
    DevWorkspace workspace = new DevWorkspace(workdir);
    assertThat(workspace.productionVersion()).isEqualTo(previousVersion);
    assertThat(workspace.liveRevision(ENDPOINT)).isEqualTo(previousVersion);
  }

  @Test
  @Order(2)
  void aCandidateThatRegressesInTheAbWindowIsRolledBackAndThePreviousModelStays()
      throws IOException {
    assumeTrue(previousVersion != null, "needs a promoted model in production");
    DevCliRun run =
        DevCliRun.dev(
            RepositoryFiles.seedPipeline().toString(),
            "--workdir",
            workdir.toString(),
            "--config",
            RepositoryFiles.resource("dev/label-noise.yaml").toString());
    DevWorkspace workspace = new DevWorkspace(workdir);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outcome()).isEqualTo("ROLLED_BACK");
    assertThat(run.evaluationBaseline()).isEqualTo("production model " + previousVersion);
    assertThat(run.out()).containsPattern("(?m)^A/B test \\(ab_test\\): loser, .*accuracy");
    assertThat(run.nodeStatuses())
        .containsEntry("evaluate", "SUCCEEDED")
        .containsEntry("ab_test", "SUCCEEDED")
        .containsEntry("deploy_serving", "SKIPPED")
        .containsEntry("rollback", "SUCCEEDED");

    assertThat(workspace.productionVersion()).isEqualTo(previousVersion);
    assertThat(workspace.liveRevision(ENDPOINT)).isEqualTo(previousVersion);
    assertThat(workspace.servingState(ENDPOINT).path("canary").isNull()).isTrue();
  }

  @Test
  @Order(3)
  void aPromotionThatFailsHalfWayIsUndoneAndThePreviousModelServesAgain() throws IOException {
    assumeTrue(previousVersion != null, "needs a promoted model in production");
    DevCliRun run =
        DevCliRun.dev(
            RepositoryFiles.seedPipeline().toString(),
            "--workdir",
            workdir.toString(),
            "--config",
            RepositoryFiles.resource("dev/fail-promote.yaml").toString());
    DevWorkspace workspace = new DevWorkspace(workdir);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.outcome()).isEqualTo("FAILED");
    assertThat(run.nodeStatuses())
        .containsEntry("ab_test", "SUCCEEDED")
        .containsEntry("deploy_serving", "FAILED");
    assertThat(run.section("Undone:"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("deploy_serving")
                    .contains("DONE")
                    .contains("restore the serving revision of " + ENDPOINT));

    assertThat(workspace.productionVersion()).isEqualTo(previousVersion);
    assertThat(workspace.liveRevision(ENDPOINT)).isEqualTo(previousVersion);
    assertThat(workspace.servingState(ENDPOINT).path("canary").isNull()).isTrue();
    JsonNode change =
        DevWorkspace.json(
            workspace
                .store()
                .resolve("serving")
                .resolve(ENDPOINT)
                .resolve("runs")
                .resolve(run.workflowId())
                .resolve("deploy_serving.json"));
    assertThat(change.path("previous").path("name").asText()).isEqualTo(previousVersion);
    assertThat(change.path("deployed").path("name").asText())
        .as("the failed run had deployed its own revision before the saga restored")
        .startsWith(run.workflowId());
  }
}
