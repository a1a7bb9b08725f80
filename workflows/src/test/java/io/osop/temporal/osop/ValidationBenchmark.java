package io.osop.temporal.osop;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Measures how validation time grows with pipeline size: generates pipelines of 1,000 and 10,000
 * nodes (chains of the seed's six-node block, each condition naming its own node's outputs, so
 * every condition is compiled on its own) and prints the median time of several runs and the growth
 * factor. A benchmark, not a test: it asserts nothing about time.
 *
 * <p>Run: {@code ./mvnw -q -pl workflows test-compile exec:java
 * -Dexec.mainClass=io.osop.temporal.osop.ValidationBenchmark -Dexec.classpathScope=test}
 */
public final class ValidationBenchmark {

  private static final int RUNS = 7;

  private ValidationBenchmark() {}

  /** Prints one line per size and the growth factor between them. */
  public static void main(String[] args) {
    int[] sizes = {1_000, 10_000};
    double[] medians = new double[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      byte[] pipeline = generate(sizes[i]).getBytes(StandardCharsets.UTF_8);
      check(pipeline, sizes[i]);
      medians[i] = medianMillis(pipeline);
      System.out.printf(
          "%,6d nodes, %,9d bytes: median %8.1f ms over %d runs%n",
          sizes[i], pipeline.length, medians[i], RUNS);
    }
    System.out.printf(
        "growth: %.1fx the time for %.0fx the nodes%n",
        medians[1] / medians[0], (double) sizes[1] / sizes[0]);
  }

  private static void check(byte[] pipeline, int size) {
    Compilation result = compile(pipeline);
    if (!result.findings().isEmpty() || result.definition().nodes().size() != size) {
      throw new IllegalStateException(
          "the generated pipeline should be valid: " + result.findings().subList(0, 3));
    }
  }

  private static double medianMillis(byte[] pipeline) {
    for (int i = 0; i < 3; i++) {
      compile(pipeline);
    }
    double[] times = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      compile(pipeline);
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[RUNS / 2];
  }

  private static Compilation compile(byte[] pipeline) {
    return PipelineCompiler.compile("generated.osop.yaml", pipeline, "/tmp", Map.of());
  }

  /** A chain of seed-shaped blocks, cut to exactly {@code nodes} nodes. */
  static String generate(int nodes) {
    StringBuilder nodeText = new StringBuilder();
    StringBuilder edgeText = new StringBuilder();
    int count = 0;
    String previous = null;
    for (int block = 0; count < nodes; block++) {
      String[] ids = {
        "prepare_" + block,
        "train_" + block,
        "evaluate_" + block,
        "ab_" + block,
        "deploy_" + block,
        "rollback_" + block
      };
      String[] bodies = {
        "type: data\n    config:\n      source: feature-store://users/v"
            + block
            + "\n      splits: {train: 0.8, val: 0.1, test: 0.1}",
        "type: cli\n    config:\n      command: python train.py --block "
            + block
            + "\n      resources: {gpu: 1, memory: 16Gi}",
        "type: cicd\n    config:\n      metrics: [accuracy, f1]\n      baseline: models/production/latest",
        "type: infra\n    config:\n      traffic_split: 0.1\n      duration_hours: 24",
        "type: infra\n    config:\n      endpoint: models/block/"
            + block
            + "\n      canary_percent: 5",
        "type: infra"
      };
      int inBlock = Math.min(6, nodes - count);
      for (int i = 0; i < inBlock; i++) {
        nodeText.append("  - id: ").append(ids[i]).append("\n    ").append(bodies[i]).append('\n');
      }
      count += inBlock;
      if (previous != null) {
        edge(edgeText, previous, ids[0], null);
      }
      String evaluate = "outputs." + ids[2] + ".metrics.accuracy";
      String baseline = "outputs." + ids[2] + ".baseline.accuracy";
      String[][] edges = {
        {ids[0], ids[1], null},
        {ids[1], ids[2], null},
        {ids[2], ids[3], evaluate + " > " + baseline},
        {ids[3], ids[4], "outputs." + ids[3] + ".ab_result == 'winner'"},
        {ids[3], ids[5], "outputs." + ids[3] + ".ab_result == 'loser'"},
        {ids[2], ids[5], evaluate + " <= " + baseline},
      };
      for (String[] e : edges) {
        if (indexOf(ids, e[1]) < inBlock) {
          edge(edgeText, e[0], e[1], e[2]);
        }
      }
      previous = ids[4];
    }
    return "osop_version: \"1.0\"\nid: generated\nname: Generated\nnodes:\n"
        + nodeText
        + "edges:\n"
        + edgeText;
  }

  private static void edge(StringBuilder out, String from, String to, String when) {
    out.append("  - from: ").append(from).append("\n    to: ").append(to).append('\n');
    if (when != null) {
      out.append("    mode: conditional\n    when: \"").append(when).append("\"\n");
    }
  }

  private static int indexOf(String[] ids, String id) {
    return Arrays.asList(ids).indexOf(id);
  }
}
