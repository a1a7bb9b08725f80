package io.osop.temporal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.osop.NodeOutputs;
import org.junit.jupiter.api.Test;

class NodeOutputKeysTest {

  @Test
  void theInterpreterProducesExactlyTheOutputsTheValidatorTypes() {
    for (Handler handler : Handler.values()) {
      assertThat(NodeOutputKeys.of(handler))
          .as(handler.id())
          .containsExactlyInAnyOrderElementsOf(NodeOutputs.of(handler).keySet());
    }
  }
}
