package io.osop.temporal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivitySettingsTest {

  private static final ActivityDefaults SINGLE_ATTEMPT_TRAINING =
      PipelineTestEnvironment.TEST_DEFAULTS.with(
          Handler.RUN_COMMAND,
          new ActivityDefaults.Settings(
              Duration.ofMinutes(5),
              Duration.ofMinutes(1),
              1,
              Duration.ofSeconds(1),
              1.0,
              Duration.ofSeconds(1)));

  @Test
  void builtInDefaultsGiveTrainingALongTimeoutWithHeartbeats() {
    ActivityDefaults defaults = ActivityDefaults.builtIn();

    assertThat(defaults.forHandler(Handler.RUN_COMMAND).startToClose())
        .isEqualTo(Duration.ofHours(6));
    assertThat(defaults.forHandler(Handler.RUN_COMMAND).heartbeat())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(defaults.forHandler(Handler.SHADOW_AB_TEST).heartbeat()).isNull();
    assertThat(defaults.forHandler(Handler.SHADOW_AB_TEST).startToClose())
        .isLessThanOrEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void defaultsMustCoverEveryHandler() {
    Map<Handler, ActivityDefaults.Settings> partial = new EnumMap<>(Handler.class);
    partial.put(Handler.RUN_COMMAND, ActivityDefaults.builtIn().forHandler(Handler.RUN_COMMAND));

    assertThatThrownBy(
            () -> new ActivityDefaults(partial, ActivityDefaults.builtIn().compensation()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prepare-data");
  }

  @Test
  void theWorkersDefaultsApplyUnlessTheNodeHasItsOwnRetryPolicy() {
    FakeActivities fakes = new FakeActivities();
    fakes.failFirstAttempt.put("flaky", true);
    fakes.failFirstAttempt.put("flaky_with_policy", true);
    try (PipelineTestEnvironment env =
        new PipelineTestEnvironment(fakes, SINGLE_ATTEMPT_TRAINING).start()) {
      PipelineDefinition withPolicy =
          PipelineBuilder.pipeline("policy")
              .command("flaky_with_policy")
              .retry("flaky_with_policy", 2)
              .build();
      PipelineDefinition withoutPolicy =
          PipelineBuilder.pipeline("no-policy").command("flaky").build();

      PipelineResult retried = env.run("node-policy", withPolicy);
      ApplicationFailure failed = env.runFailing("worker-default", withoutPolicy);

      assertThat(retried.outcome()).isEqualTo(Outcome.COMPLETED);
      assertThat(fakes.count("RunCommand flaky_with_policy")).isEqualTo(2);
      assertThat(failed.getType()).isEqualTo(PipelineFailureTypes.NODE_FAILED);
      assertThat(failed.getOriginalMessage()).contains("Flaky");
      assertThat(fakes.count("RunCommand flaky")).isEqualTo(1);
    }
  }

  @Test
  void aNodeThatUsesUpItsRetriesReportsEveryAttempt() {
    FakeActivities fakes = new FakeActivities();
    fakes.failEveryAttempt.put("broken", true);
    try (PipelineTestEnvironment env = new PipelineTestEnvironment(fakes).start()) {
      PipelineDefinition broken =
          PipelineBuilder.pipeline("broken").command("broken").retry("broken", 3).build();

      ApplicationFailure failed = env.runFailing("retries-used-up", broken);

      PipelineResult result = failed.getDetails().get(PipelineResult.class);
      assertThat(fakes.count("RunCommand broken")).isEqualTo(3);
      assertThat(SeedPipelineEndsTest.node(result, "broken").attempts()).isEqualTo(3);
      assertThat(SeedPipelineEndsTest.node(result, "broken").detail())
          .contains("attempt 3 of broken fails");
    }
  }
}
