package io.osop.temporal.osop;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Measures how validation time grows with pipeline size, on generated pipelines of 1,000 and 10,000
 * nodes in two shapes, and prints the median wall and CPU time of several runs and the growth
 * factor. A benchmark, not a test: it asserts nothing about time.
 *
 * <ul>
 *   <li>chain: the seed's six-node block repeated in a chain; every condition names its own node's
 *       outputs ({@code outputs.evaluate_7.metrics.accuracy > ...}), so every condition is a
 *       different text that must be parsed on its own.
 *   <li>sweep: one data node fanned out to parallel train, evaluate, A/B and deploy-or-rollback
 *       branches whose conditions are the seed's own ({@code metrics.accuracy >
 *       baseline.accuracy}), so condition texts repeat.
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -pl workflows test-compile exec:java
 * -Dexec.mainClass=io.osop.temporal.osop.ValidationBenchmark -Dexec.classpathScope=test}
 */
public final class ValidationBenchmark {

  private static final int RUNS = 5;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ValidationBenchmark() {}

  /** Prints one line per shape and size and the growth factor between the sizes. */
  public static void main(String[] args) {
    for (boolean chain : new boolean[] {true, false}) {
      int[] sizes = {1_000, 10_000};
      double[] cpu = new double[sizes.length];
      for (int i = 0; i < sizes.length; i++) {
        byte[] pipeline = generate(sizes[i], chain).getBytes(StandardCharsets.UTF_8);
        check(pipeline, sizes[i]);
        double[] times = medianMillis(pipeline);
        cpu[i] = times[1];
        System.out.printf(
            "%-5s %,6d nodes, %,9d bytes: median wall %7.1f ms, cpu %7.1f ms (%d runs)%n",
            chain ? "chain" : "sweep", sizes[i], pipeline.length, times[0], times[1], RUNS);
      }
      System.out.printf("      growth: %.1fx the cpu time for 10x the nodes%n", cpu[1] / cpu[0]);
    }
  }

  private static void check(byte[] pipeline, int size) {
    Compilation result = compile(pipeline);
    if (result.hasErrors() || result.definition().nodes().size() != size) {
      throw new IllegalStateException(
          "the generated pipeline should be valid: " + result.errors().subList(0, 3));
    }
  }

  /** Median wall and CPU milliseconds after two warm-up runs. */
  private static double[] medianMillis(byte[] pipeline) {
    for (int i = 0; i < 2; i++) {
      compile(pipeline);
    }
    double[] wall = new double[RUNS];
    double[] cpu = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      compile(pipeline);
      wall[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[] {wall[RUNS / 2], cpu[RUNS / 2]};
  }

  private static Compilation compile(byte[] pipeline) {
    return PipelineCompiler.compile("generated.osop.yaml", pipeline, "/tmp", Map.of());
  }

  /** A pipeline of exactly {@code nodes} nodes in the chain or the sweep shape. */
  static String generate(int nodes, boolean chain) {
    StringBuilder nodeText = new StringBuilder();
    StringBuilder edgeText = new StringBuilder();
    int count = 0;
    String previous = null;
    if (!chain) {
      node(nodeText, "prepare", data(0));
      count = 1;
    }
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
        data(block),
        "type: cli\n    config:\n      command: python train.py --block "
            + block
            + "\n      resources: {gpu: 1, memory: 16Gi}",
        "type: cicd\n    config:\n      metrics: [accuracy, f1]\n"
            + "      baseline: models/production/latest",
        "type: infra\n    config:\n      traffic_split: 0.1\n      duration_hours: 24",
        "type: infra\n    config:\n      endpoint: models/block/"
            + block
            + "\n      canary_percent: 5",
        "type: infra"
      };
      int first = chain ? 0 : 1;
      int inBlock = Math.min(6 - first, nodes - count);
      for (int i = first; i < first + inBlock; i++) {
        node(nodeText, ids[i], bodies[i]);
      }
      count += inBlock;
      if (chain && previous != null) {
        edge(edgeText, previous, ids[0], null);
      }
      if (!chain) {
        edge(edgeText, "prepare", ids[1], null);
      }
      String metrics = chain ? "outputs." + ids[2] + ".metrics" : "metrics";
      String baseline = chain ? "outputs." + ids[2] + ".baseline" : "baseline";
      String abResult = chain ? "outputs." + ids[3] + ".ab_result" : "ab_result";
      String[][] edges = {
        {ids[0], ids[1], null},
        {ids[1], ids[2], null},
        {ids[2], ids[3], metrics + ".accuracy > " + baseline + ".accuracy"},
        {ids[3], ids[4], abResult + " == 'winner'"},
        {ids[3], ids[5], abResult + " == 'loser'"},
        {ids[2], ids[5], metrics + ".accuracy <= " + baseline + ".accuracy"},
      };
      for (String[] e : edges) {
        int from = indexOf(ids, e[0]);
        int to = indexOf(ids, e[1]);
        if (from >= first && to < first + inBlock) {
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

  private static String data(int block) {
    return "type: data\n    config:\n      source: feature-store://users/v"
        + block
        + "\n      splits: {train: 0.8, val: 0.1, test: 0.1}";
  }

  private static void node(StringBuilder out, String id, String body) {
    out.append("  - id: ").append(id).append("\n    ").append(body).append('\n');
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
