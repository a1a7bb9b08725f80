package io.osop.temporal.osop;

import io.osop.temporal.pipeline.Handler;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a node's {@code config} against what its handler needs, value by value. */
final class ConfigChecker {

  /** The metrics the evaluate handler computes. */
  static final List<String> SUPPORTED_METRICS =
      List.of("accuracy", "f1", "p99_latency", "demographic_parity");

  /** The data sources prepare-data reads. */
  static final List<String> SOURCE_SCHEMES = List.of("feature-store");

  /** The split names prepare-data writes. */
  static final List<String> SPLIT_NAMES = List.of("train", "val", "test");

  /** The longest shadow A/B window accepted, in hours (30 days). */
  static final double MAX_DURATION_HOURS = 720;

  private static final Pattern QUANTITY =
      Pattern.compile("^(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\\d+)?$");
  private static final Pattern FEATURE_STORE_URI =
      Pattern.compile("^feature-store://[^/\\s]+/[^/\\s]+$");

  private final Findings findings;

  ConfigChecker(Findings findings) {
    this.findings = findings;
  }

  void check(OsopNode node, Handler handler) {
    NodeConfig config = new NodeConfig(node, findings);
    new ConfigKeyChecker(findings).check(node, handler);
    switch (handler) {
      case PREPARE_DATA -> checkPrepareData(config);
      case RUN_COMMAND -> checkRunCommand(node, config);
      case EVALUATE -> checkEvaluate(config);
      case SHADOW_AB_TEST -> checkShadow(config);
      case DEPLOY_SERVING -> checkDeploy(config);
      case ROLLBACK -> {}
    }
  }

  private void checkPrepareData(NodeConfig config) {
    String source = config.requiredString("source", "feature-store://NAME/VERSION");
    if (source != null) {
      int colon = source.indexOf("://");
      String scheme = colon < 0 ? "" : source.substring(0, colon);
      if (!SOURCE_SCHEMES.contains(scheme)) {
        config.error(
            "source",
            "source '"
                + source
                + "' has "
                + (scheme.isEmpty() ? "no scheme" : "the unknown scheme '" + scheme + "'")
                + DidYouMean.hint(scheme, SOURCE_SCHEMES)
                + "; known schemes: "
                + String.join(", ", SOURCE_SCHEMES)
                + " (feature-store://NAME/VERSION)");
      } else if (!FEATURE_STORE_URI.matcher(source).matches()) {
        config.error(
            "source", "source '" + source + "' must have the form feature-store://NAME/VERSION");
      }
    }
    Map<String, Object> splits = config.optionalMap("splits");
    if (splits == null) {
      return;
    }
    double sum = 0;
    boolean allNumbers = true;
    for (Map.Entry<String, Object> split : splits.entrySet()) {
      String path = "splits." + split.getKey();
      if (!SPLIT_NAMES.contains(split.getKey())) {
        config.error(
            path,
            "unknown split '"
                + split.getKey()
                + "'"
                + DidYouMean.hint(split.getKey(), SPLIT_NAMES)
                + "; splits are "
                + String.join(", ", SPLIT_NAMES));
      }
      Double fraction = config.number(path, split.getValue());
      if (fraction == null) {
        allNumbers = false;
      } else if (!(fraction > 0 && fraction < 1)) {
        config.error(
            path, "split " + split.getKey() + " must be a fraction in (0, 1), not " + fraction);
      } else {
        sum += fraction;
      }
    }
    for (String required : List.of("train", "test")) {
      if (!splits.containsKey(required)) {
        config.error("splits", "splits needs a '" + required + "' fraction");
      }
    }
    if (allNumbers && !splits.isEmpty() && Math.abs(sum - 1.0) > 1e-9) {
      config.error("splits", "split fractions must sum to 1, but they sum to " + round(sum));
    }
  }

  private void checkRunCommand(OsopNode node, NodeConfig config) {
    if (!node.config().containsKey("command") && node.positions().containsKey("runtime")) {
      config.error(
          "command",
          "config.command is required; this runtime reads the command from config, not from"
              + " runtime.command");
    } else {
      String command = config.requiredString("command", "python train.py");
      if (command != null && command.isBlank()) {
        config.error("command", "command must not be empty");
      }
    }
    Map<String, Object> resources = config.optionalMap("resources");
    if (resources == null) {
      return;
    }
    if (resources.containsKey("memory")) {
      checkQuantity(config, "resources.memory", resources.get("memory"), "64Gi or 65536Mi");
    }
    if (resources.containsKey("cpu")) {
      checkQuantity(config, "resources.cpu", resources.get("cpu"), "4 or 500m");
    }
    if (resources.containsKey("gpu")) {
      Object gpu = resources.get("gpu");
      if (!(gpu instanceof Long count) || count < 1) {
        config.error(
            "resources.gpu",
            "resources.gpu must be a positive whole number of GPUs, not " + describe(gpu));
      }
    }
  }

  private void checkQuantity(NodeConfig config, String path, Object value, String example) {
    boolean valid =
        value instanceof Long n
            ? n > 0
            : value instanceof Double d
                ? d > 0 && !d.isInfinite()
                : value instanceof String s && QUANTITY.matcher(s).matches() && !isZero(s);
    if (!valid) {
      String hint = "";
      if (value instanceof String s && s.matches("\\d+(\\.\\d+)?[KMGTPE]B")) {
        String digits = s.substring(0, s.length() - 2);
        char unit = s.charAt(s.length() - 2);
        hint = " (did you mean " + digits + unit + "i or " + digits + unit + "?)";
      }
      config.error(
          path,
          path
              + " must be a positive Kubernetes quantity such as "
              + example
              + ", not "
              + describe(value)
              + hint);
    }
  }

  private static boolean isZero(String quantity) {
    java.util.regex.Matcher matcher = QUANTITY.matcher(quantity);
    return matcher.matches() && Double.parseDouble(matcher.group(1)) == 0;
  }

  private void checkEvaluate(NodeConfig config) {
    Object metrics = config.value("metrics");
    if (metrics == null) {
      config.error(
          "metrics",
          "evaluate needs config.metrics, a list among " + String.join(", ", SUPPORTED_METRICS));
    } else if (!(metrics instanceof List<?> list) || list.isEmpty()) {
      config.error(
          "metrics",
          "metrics must be a non-empty list among "
              + String.join(", ", SUPPORTED_METRICS)
              + ", not "
              + describe(metrics));
    } else {
      for (int i = 0; i < list.size(); i++) {
        Object metric = list.get(i);
        if (!(metric instanceof String name) || !SUPPORTED_METRICS.contains(name)) {
          String text = String.valueOf(metric);
          config.error(
              "metrics." + i,
              "unsupported metric '"
                  + text
                  + "'"
                  + DidYouMean.hint(text, SUPPORTED_METRICS)
                  + "; supported: "
                  + String.join(", ", SUPPORTED_METRICS));
        }
      }
    }
    if (config.value("baseline") != null) {
      String baseline = config.requiredString("baseline", "models/production/latest");
      if (baseline != null && baseline.isBlank()) {
        config.error("baseline", "baseline must not be empty");
      }
    }
  }

  private void checkShadow(NodeConfig config) {
    Double split = config.requiredNumber("traffic_split", "0.1");
    if (split != null && !(split > 0 && split <= 1)) {
      config.error("traffic_split", "traffic_split must be in (0, 1], not " + split);
    }
    Double hours = config.requiredNumber("duration_hours", "24");
    if (hours != null && !(hours > 0 && hours <= MAX_DURATION_HOURS)) {
      config.error(
          "duration_hours",
          "duration_hours must be positive and at most "
              + (long) MAX_DURATION_HOURS
              + ", not "
              + hours);
    }
  }

  private void checkDeploy(NodeConfig config) {
    String endpoint = config.requiredString("endpoint", "models/recommendation/v3");
    if (endpoint != null && endpoint.isBlank()) {
      config.error("endpoint", "endpoint must not be empty");
    }
    Double percent = config.requiredNumber("canary_percent", "5");
    if (percent != null && !(percent > 0 && percent <= 100)) {
      config.error("canary_percent", "canary_percent must be in (0, 100], not " + percent);
    }
  }

  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return String.valueOf(value);
  }

  private static String round(double value) {
    return String.valueOf(Math.round(value * 1e9) / 1e9);
  }
}
