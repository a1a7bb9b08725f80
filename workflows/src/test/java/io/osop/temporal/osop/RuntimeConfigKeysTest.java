package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.pipeline.Handler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the runtime's sources and fails when a step or activity reads a config key that {@link
 * HandlerConfigKeys} lacks, so the validator cannot fall behind the runtime.
 */
class RuntimeConfigKeysTest {

  private static final String STEP_READS =
      "config\\.(?:requiredString|string|requiredNumber|number|positive|map|numberMap|stringMap"
          + "|stringList)\\(\"([a-z_]+)\"";

  @ParameterizedTest(name = "{0} reads only keys of {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "workflows/src/main/java/io/osop/temporal/pipeline/PrepareDataStep.java;PREPARE_DATA;"
            + STEP_READS,
        "workflows/src/main/java/io/osop/temporal/pipeline/RunCommandStep.java;RUN_COMMAND;"
            + STEP_READS,
        "workflows/src/main/java/io/osop/temporal/pipeline/EvaluateStep.java;EVALUATE;"
            + STEP_READS,
        "workflows/src/main/java/io/osop/temporal/pipeline/ShadowAbTestStep.java;SHADOW_AB_TEST;"
            + STEP_READS,
        "workflows/src/main/java/io/osop/temporal/pipeline/DeployServingStep.java;DEPLOY_SERVING;"
            + STEP_READS,
        "activities/src/main/java/io/osop/temporal/activities/serving/ShadowSettings.java"
            + ";SHADOW_AB_TEST;\\(c, \"([a-z_]+)\"",
        "activities/src/main/java/io/osop/temporal/activities/data/DataActivitiesImpl.java"
            + ";PREPARE_DATA;config\\.get\\(\"([a-z_]+)\"\\)",
      })
  void everyKeyTheRuntimeReadsIsKnown(String source, Handler handler, String reads)
      throws IOException {
    assertThat(keysRead(source, reads)).isNotEmpty().isSubsetOf(HandlerConfigKeys.of(handler));
  }

  @ParameterizedTest(name = "{0} reads only the known resources")
  @CsvSource(
      "activities/src/main/java/io/osop/temporal/activities/training/kubernetes/JobResources.java")
  void everyResourceTheExecutorReadsIsKnown(String source) throws IOException {
    assertThat(keysRead(source, "resources\\.get\\(\"([a-z_]+)\"\\)"))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(HandlerConfigKeys.RESOURCE_KEYS);
  }

  private static List<String> keysRead(String source, String pattern) throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("mvnw"))) {
      root = root.getParent();
    }
    Assumptions.assumeTrue(root != null, "the repository root (with mvnw) was not found");
    Path file = root.resolve(source);
    assertThat(file).as("runtime source %s", source).exists();
    Matcher matcher = Pattern.compile(pattern).matcher(Files.readString(file));
    List<String> keys = new ArrayList<>();
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }
}
