package io.osop.temporal.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds resolved pipeline definitions for tests, as the loader would from a file. */
final class PipelineBuilder {

  private final String id;
  private final Map<String, PipelineNode> nodes = new LinkedHashMap<>();
  private final List<PipelineEdge> edges = new ArrayList<>();

  private PipelineBuilder(String id) {
    this.id = id;
  }

  static PipelineBuilder pipeline(String id) {
    return new PipelineBuilder(id);
  }

  PipelineBuilder node(String nodeId, Handler handler, Map<String, Object> config) {
    nodes.put(
        nodeId, new PipelineNode(nodeId, nodeId, handler, config, null, 0, JoinMode.WAIT_ALL, 0));
    return this;
  }

  /** A run-command node whose command names the node. */
  PipelineBuilder command(String nodeId) {
    return node(nodeId, Handler.RUN_COMMAND, Map.of("command", "python train.py --node " + nodeId));
  }

  PipelineBuilder join(String nodeId, JoinMode mode, int count) {
    PipelineNode node = nodes.get(nodeId);
    nodes.put(
        nodeId,
        new PipelineNode(
            node.id(),
            node.name(),
            node.handler(),
            node.config(),
            node.retry(),
            node.timeoutSeconds(),
            mode,
            count));
    return this;
  }

  PipelineBuilder retry(String nodeId, int maximumAttempts) {
    PipelineNode node = nodes.get(nodeId);
    nodes.put(
        nodeId,
        new PipelineNode(
            node.id(),
            node.name(),
            node.handler(),
            node.config(),
            new RetrySettings(maximumAttempts, 1, 2.0),
            node.timeoutSeconds(),
            node.joinMode(),
            node.joinCount()));
    return this;
  }

  PipelineBuilder timeout(String nodeId, long seconds) {
    PipelineNode node = nodes.get(nodeId);
    nodes.put(
        nodeId,
        new PipelineNode(
            node.id(),
            node.name(),
            node.handler(),
            node.config(),
            node.retry(),
            seconds,
            node.joinMode(),
            node.joinCount()));
    return this;
  }

  PipelineBuilder edge(String from, String to) {
    return edge(from, to, EdgeMode.SEQUENTIAL, null, null);
  }

  PipelineBuilder edge(String from, String to, EdgeMode mode, String when) {
    return edge(from, to, mode, when, null);
  }

  PipelineBuilder edge(String from, String to, EdgeMode mode, String when, String label) {
    edges.add(new PipelineEdge(from, to, mode, when, label));
    return this;
  }

  PipelineDefinition build() {
    return new PipelineDefinition(
        id,
        id,
        "1.0.0",
        "sha256-test-" + id,
        id + ".osop.yaml",
        "/tmp/pipelines",
        List.copyOf(nodes.values()),
        List.copyOf(edges));
  }

  /** The seed pipeline (examples/argo-ml-training.osop.yaml) as the loader resolves it. */
  static PipelineDefinition seed() {
    return pipeline("argo-ml-training")
        .node(
            "prepare_data",
            Handler.PREPARE_DATA,
            Map.of(
                "source",
                "feature-store://user-embeddings/v3",
                "splits",
                orderedMap("train", 0.8, "val", 0.1, "test", 0.1)))
        .node(
            "train_model",
            Handler.RUN_COMMAND,
            Map.of(
                "command",
                "python train.py --config config/prod.yaml",
                "resources",
                orderedMap("gpu", 4, "memory", "64Gi")))
        .node(
            "evaluate",
            Handler.EVALUATE,
            Map.of(
                "metrics",
                List.of("accuracy", "f1", "p99_latency", "demographic_parity"),
                "baseline",
                "models/production/latest"))
        .node(
            "ab_test",
            Handler.SHADOW_AB_TEST,
            orderedMap("traffic_split", 0.1, "duration_hours", 24))
        .node(
            "deploy_serving",
            Handler.DEPLOY_SERVING,
            orderedMap("endpoint", "models/recommendation/v3", "canary_percent", 5))
        .node("rollback", Handler.ROLLBACK, Map.of())
        .edge("prepare_data", "train_model")
        .edge("train_model", "evaluate")
        .edge(
            "evaluate",
            "ab_test",
            EdgeMode.CONDITIONAL,
            "metrics.accuracy > baseline.accuracy",
            "Beats baseline")
        .edge(
            "ab_test",
            "deploy_serving",
            EdgeMode.CONDITIONAL,
            "ab_result == 'winner'",
            "A/B test passed")
        .edge(
            "ab_test", "rollback", EdgeMode.CONDITIONAL, "ab_result == 'loser'", "A/B test failed")
        .edge(
            "evaluate",
            "rollback",
            EdgeMode.CONDITIONAL,
            "metrics.accuracy <= baseline.accuracy",
            "Below baseline — abort")
        .build();
  }

  private static Map<String, Object> orderedMap(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
