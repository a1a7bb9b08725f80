package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.pipeline.EdgeMode;
import io.osop.temporal.pipeline.JoinMode;
import io.osop.temporal.pipeline.PipelineDefinition;
import io.osop.temporal.pipeline.PipelineNode;
import io.osop.temporal.pipeline.RetrySettings;
import org.junit.jupiter.api.Test;

class PipelineDefinitionTest {

  private final PipelineDefinition definition =
      Fixtures.compile("retry-join.osop.yaml").definition();

  @Test
  void retryPolicyBecomesAttemptsBackoffAndCoefficient() {
    PipelineNode train = definition.nodes().get(3);

    assertThat(train.retry()).isEqualTo(new RetrySettings(3, 60, 2.0));
    assertThat(train.timeoutSeconds()).isEqualTo(14400);
  }

  @Test
  void joinModeAndCountComeFromAnIncomingEdge() {
    PipelineNode train = definition.nodes().get(3);

    assertThat(train.joinMode()).isEqualTo(JoinMode.WAIT_N);
    assertThat(train.joinCount()).isEqualTo(2);
    assertThat(definition.nodes().get(0).joinMode()).isEqualTo(JoinMode.WAIT_ALL);
  }

  @Test
  void nodesWithoutNameOrRetryGetDefaults() {
    PipelineNode first = definition.nodes().get(0);

    assertThat(first.name()).isEqualTo("prepare_a");
    assertThat(first.retry()).isNull();
    assertThat(first.timeoutSeconds()).isZero();
    assertThat(definition.version()).isEqualTo("2.3.0");
    assertThat(definition.edges()).allMatch(e -> e.mode() == EdgeMode.PARALLEL);
  }

  @Test
  void definitionIsAbsentWhenThereIsAnError() {
    Compilation broken = Fixtures.compile("graph-errors.osop.yaml");

    assertThat(broken.definition()).isNull();
    assertThat(broken.definitionIfValid()).isEmpty();
    assertThat(broken.pipeline()).isNotNull();
  }
}
