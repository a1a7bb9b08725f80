package io.osop.temporal.osop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --set NODE.KEY=VALUE} overrides to node configs before validation. KEY may be
 * dotted into nested config maps; VALUE is read as a YAML scalar or flow value ({@code 0.2}, {@code
 * [accuracy, f1]}, {@code {gpu: 1}}). Findings about an override name the {@code --set}.
 */
final class ConfigOverrides {

  private final String file;
  private final Findings findings;

  ConfigOverrides(String file, Findings findings) {
    this.file = file;
    this.findings = findings;
  }

  /** The pipeline with every well-formed override applied to its node's config. */
  OsopPipeline apply(OsopPipeline pipeline, Map<String, String> overrides) {
    if (overrides.isEmpty()) {
      return pipeline;
    }
    Map<String, OsopNode> byId = new LinkedHashMap<>();
    for (OsopNode node : pipeline.nodes()) {
      if (node.id() != null) {
        byId.putIfAbsent(node.id(), node);
      }
    }
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      applyOne(byId, override.getKey(), override.getValue());
    }
    List<OsopNode> nodes = new ArrayList<>();
    for (OsopNode node : pipeline.nodes()) {
      nodes.add(node.id() != null && byId.get(node.id()) != null ? byId.get(node.id()) : node);
    }
    return new OsopPipeline(
        pipeline.file(),
        pipeline.osopVersion(),
        pipeline.id(),
        pipeline.name(),
        pipeline.description(),
        pipeline.version(),
        List.copyOf(nodes),
        pipeline.edges(),
        pipeline.position(),
        pipeline.positions());
  }

  private void applyOne(Map<String, OsopNode> byId, String target, String valueText) {
    String text = target + "=" + valueText;
    SourcePosition at = SourcePosition.ofOverride(file, text);
    int dot = target.indexOf('.');
    if (dot <= 0 || dot == target.length() - 1 || target.endsWith(".") || target.contains("..")) {
      findings.error(at, "an override is NODE.KEY=VALUE, for example evaluate.baseline=models/x");
      return;
    }
    String nodeId = target.substring(0, dot);
    List<String> path = Arrays.asList(target.substring(dot + 1).split("\\."));
    OsopNode node = byId.get(nodeId);
    if (node == null) {
      findings.error(
          at, "no node '" + nodeId + "' in the pipeline" + DidYouMean.hint(nodeId, byId.keySet()));
      return;
    }
    Object value = parseValue(valueText, at);
    if (value == Unparsable.VALUE) {
      return;
    }
    Map<String, Object> config = ConfigValues.mutable(node.config());
    Map<String, Object> parent = config;
    for (int i = 0; i < path.size() - 1; i++) {
      Object child = parent.get(path.get(i));
      if (child == null) {
        child = new LinkedHashMap<String, Object>();
        parent.put(path.get(i), child);
      }
      if (!(child instanceof Map<?, ?>)) {
        findings.error(
            at,
            "config."
                + String.join(".", path.subList(0, i + 1))
                + " of node '"
                + nodeId
                + "' is not a mapping, so it has no key '"
                + path.get(i + 1)
                + "'");
        return;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> next = (Map<String, Object>) child;
      parent = next;
    }
    parent.put(path.get(path.size() - 1), value);
    Map<String, SourcePosition> positions = new LinkedHashMap<>(node.positions());
    String prefix = "config." + String.join(".", path);
    positions.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + "."));
    for (int i = 1; i <= path.size(); i++) {
      positions.put("config." + String.join(".", path.subList(0, i)), at);
    }
    positions.putIfAbsent("config", at);
    @SuppressWarnings("unchecked")
    Map<String, Object> frozen = (Map<String, Object>) ConfigValues.immutable(config);
    byId.put(
        nodeId,
        new OsopNode(
            node.id(),
            node.type(),
            node.subtype(),
            node.name(),
            node.description(),
            frozen,
            node.maxRetries(),
            node.backoffSeconds(),
            node.retryStrategy(),
            node.timeoutSeconds(),
            node.position(),
            java.util.Collections.unmodifiableMap(positions)));
  }

  /** The value as YAML reads it, or {@link Unparsable#VALUE} after reporting why not. */
  private Object parseValue(String valueText, SourcePosition at) {
    if (valueText.isEmpty()) {
      return "";
    }
    Findings local = new Findings();
    YamlNode node =
        new SafeYamlLoader("--set", local).load(valueText.getBytes(StandardCharsets.UTF_8));
    if (node == null || local.hasErrors()) {
      String reason =
          local.sorted().stream().findFirst().map(Finding::message).orElse("invalid value");
      findings.error(at, "the value cannot be read as YAML: " + reason);
      return Unparsable.VALUE;
    }
    return ConfigValues.immutable(ScalarValues.toJava(node));
  }

  private enum Unparsable {
    VALUE
  }
}
