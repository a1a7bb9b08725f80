package io.osop.temporal.starter.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The English edition of the seed pipeline runs like the original through {@code starter dev}. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class EnglishSeedPipelineTest {

  @TempDir Path workdir;

  @Test
  void theEnglishSeedPromotesOnAFreshWorkspace() throws IOException {
    DevCliRun run =
        DevCliRun.dev(
            RepositoryFiles.englishSeedPipeline().toString(), "--workdir", workdir.toString());
    DevWorkspace workspace = new DevWorkspace(workdir);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outcome()).isEqualTo("PROMOTED");
    String version = run.artifacts().get("deploy_serving model_version");
    assertThat(version).startsWith(run.workflowId());
    assertThat(workspace.productionVersion()).isEqualTo(version);
    assertThat(workspace.liveRevision(SeedPipelineInOneWorkspaceTest.ENDPOINT)).isEqualTo(version);
    assertThat(run.artifactPaths()).hasSize(5).allSatisfy(path -> assertThat(path).exists());
  }
}
