package io.osop.temporal.starter.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed pipeline over the UCI Adult census table as found in {@code ../shared/data}: the source
 * is overridden on the command line, the table is laid out in a temporary feature store with the
 * committed schema, and the trained model scores in the range the data supports.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AdultCensusPipelineTest {

  @TempDir Path workdir;
  @TempDir Path featureStore;

  @Test
  void theSeedPipelineTrainsAnAdultCensusModelWithExpectedAccuracy() throws IOException {
    Path data = RepositoryFiles.shared("data/adult.csv");
    Path table = Files.createDirectories(featureStore.resolve("adult/v1"));
    Files.copy(
        RepositoryFiles.root().resolve("examples/adult/feature-store/adult/v1/schema.yaml"),
        table.resolve("schema.yaml"));
    Files.copy(data, table.resolve("adult.csv"));

    DevCliRun run =
        DevCliRun.dev(
            RepositoryFiles.seedPipeline().toString(),
            "--workdir",
            workdir.toString(),
            "--feature-store",
            featureStore.toString(),
            "--set",
            "prepare_data.source=feature-store://adult/v1");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("preparing data from feature-store://adult/v1");
    JsonNode report = DevWorkspace.json(run.artifactPath("evaluate", "report_uri"));
    assertThat(report.path("candidate").path("metrics").path("accuracy").asDouble())
        .as("candidate accuracy on the Adult test split\n%s", run)
        .isBetween(0.82, 0.86);
    assertThat(report.path("testRows").asInt()).isGreaterThan(3000);
    assertThat(run.outcome()).isEqualTo("PROMOTED");
  }
}
