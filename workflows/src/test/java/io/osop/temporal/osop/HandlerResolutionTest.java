package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.pipeline.Handler;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerResolutionTest {

  private final Compilation result = Fixtures.compile("handler-resolution.osop.yaml");

  @Test
  void subtypeTypeConfigAndPositionEachResolveAHandler() {
    assertThat(result.handlers())
        .containsExactly(
            Map.entry("train", Handler.RUN_COMMAND),
            Map.entry("check", Handler.EVALUATE),
            Map.entry("shadow", Handler.SHADOW_AB_TEST),
            Map.entry("undo", Handler.ROLLBACK),
            Map.entry("explicit_rollback", Handler.ROLLBACK));
  }

  @Test
  void infraNodeWithConfigOfTwoHandlersNamesTheSubtypesThatSettleIt() {
    assertThat(Fixtures.at(result, 23, 7).message())
        .isEqualTo(
            "infra node 'both' has config for both shadow-ab-test (traffic_split,"
                + " duration_hours) and deploy-serving (endpoint, canary_percent); set subtype:"
                + " shadow-ab-test or subtype: deploy-serving");
  }

  @Test
  void configlessInfraNodeOnANormalPathIsAmbiguous() {
    assertThat(Fixtures.at(result, 28, 11).message())
        .startsWith(
            "cannot tell which handler runs infra node 'mystery': it has no config and is not"
                + " reached only by conditional, fallback or error edges")
        .contains("set subtype: shadow-ab-test, deploy-serving or rollback");
  }

  @Test
  void unsupportedNodeTypeListsWhatIsSupported() {
    assertThat(Fixtures.at(result, 30, 11).message())
        .isEqualTo(
            "node 'ask_human' has type 'human', which this runtime does not run; supported"
                + " types: data, cli, cicd, infra, or set subtype to a handler (prepare-data,"
                + " run-command, evaluate, shadow-ab-test, deploy-serving, rollback)");
  }

  @Test
  void unsupportedEdgeModeListsWhatIsSupported() {
    assertThat(Fixtures.at(result, 58, 11).message())
        .isEqualTo(
            "edge mode 'loop' is not supported by this runtime yet; supported modes: sequential,"
                + " conditional, parallel, fallback, error, timeout");
  }

  @Test
  void seedRollbackIsResolvedByItsPlaceInTheGraph() {
    Compilation seed = Fixtures.compile("seed.osop.yaml");

    assertThat(seed.handlers()).containsEntry("rollback", Handler.ROLLBACK);
  }
}
