package io.osop.temporal.starter.dev;

import io.osop.temporal.starter.StarterCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code starter dev} invocation run in this JVM, with what it printed, and readers for the
 * parts of the summary the end-to-end tests check: outcome, workflow id, node statuses, artifacts.
 *
 * @param exitCode the command's exit code
 * @param out everything printed to standard output: live progress, then the summary
 * @param err everything printed to standard error
 */
record DevCliRun(int exitCode, String out, String err) {

  private static final Pattern OUTCOME = Pattern.compile("(?m)^Outcome: (\\S+)");
  private static final Pattern WORKFLOW_ID = Pattern.compile("(?m)^Workflow id: (\\S+)$");
  private static final Pattern NODE_STATUS =
      Pattern.compile(
          "(?m)^  (\\S+)\\s+\\S+\\s+(PENDING|RUNNING|SUCCEEDED|FAILED|SKIPPED|COMPENSATED)\\b");
  private static final Pattern ARTIFACT = Pattern.compile("^  (\\S+)\\s+(\\S+)\\s+(\\S+)$");
  private static final Pattern EVALUATION_BASELINE =
      Pattern.compile("(?m)^Evaluation \\(\\S+\\): candidate against (.+)$");

  /** Runs {@code starter dev ARGS...} and captures both streams. */
  static DevCliRun dev(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "dev";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = StarterCli.execute(new PrintWriter(out), new PrintWriter(err), all);
    return new DevCliRun(code, out.toString(), err.toString());
  }

  /** The outcome the summary names. */
  String outcome() {
    return group(OUTCOME, "an Outcome line");
  }

  /** The workflow id the summary names. */
  String workflowId() {
    return group(WORKFLOW_ID, "a Workflow id line");
  }

  /** What the evaluation summary says the candidate was compared with. */
  String evaluationBaseline() {
    return group(EVALUATION_BASELINE, "an Evaluation line");
  }

  /** The last status the live progress printed for each node, in first-seen order. */
  Map<String, String> nodeStatuses() {
    Map<String, String> statuses = new LinkedHashMap<>();
    Matcher m = NODE_STATUS.matcher(out);
    while (m.find()) {
      statuses.put(m.group(1), m.group(2));
    }
    return statuses;
  }

  /** The summary's artifact lines as "node key" to value (a URI, or a model version). */
  Map<String, String> artifacts() {
    Map<String, String> artifacts = new LinkedHashMap<>();
    for (String line : section("Artifacts:")) {
      Matcher m = ARTIFACT.matcher(line);
      if (m.matches()) {
        artifacts.put(m.group(1) + " " + m.group(2), m.group(3));
      }
    }
    return artifacts;
  }

  /** The local paths of every {@code file://} artifact the summary prints. */
  List<Path> artifactPaths() {
    return artifacts().values().stream()
        .filter(v -> v.startsWith("file:"))
        .map(v -> Path.of(URI.create(v)))
        .toList();
  }

  /** One artifact's local path, by node and output key. */
  Path artifactPath(String node, String key) {
    String uri = artifacts().get(node + " " + key);
    if (uri == null) {
      throw new AssertionError("the summary lists no " + key + " of " + node + ":\n" + this);
    }
    return Path.of(URI.create(uri));
  }

  /** The indented lines under a heading of the summary ("Undone:", "Artifacts:"). */
  List<String> section(String heading) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : out.split("\\R")) {
      if (line.equals(heading)) {
        inside = true;
      } else if (inside && line.startsWith("  ")) {
        lines.add(line);
      } else if (inside) {
        break;
      }
    }
    return lines;
  }

  private String group(Pattern pattern, String what) {
    Matcher m = pattern.matcher(out);
    String found = null;
    while (m.find()) {
      found = m.group(1);
    }
    if (found == null) {
      throw new AssertionError("the output has no " + what + ":\n" + this);
    }
    return found;
  }

  @Override
  public String toString() {
    return "exit code " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
  }
}
