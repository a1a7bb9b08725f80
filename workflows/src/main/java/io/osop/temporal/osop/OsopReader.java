package io.osop.temporal.osop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link OsopPipeline} model from a loaded YAML tree and checks its structure against
 * the OSOP schema: required fields, field types, enums and unknown fields.
 */
final class OsopReader {

  private final String file;
  private final Findings findings;
  private final FieldReader fields;

  OsopReader(String file, Findings findings) {
    this.file = file;
    this.findings = findings;
    this.fields = new FieldReader(findings);
  }

  /** The model, or null when the document is not a mapping at all. */
  OsopPipeline read(YamlNode root) {
    if (!(root instanceof YamlNode.Mapping top)) {
      findings.error(
          root.position(),
          "a pipeline file must be a mapping with osop_version, id, name, nodes and edges, but it"
              + " is "
              + root.describe());
      return null;
    }
    fields.check(top, OsopSchema.TOP_FIELDS, OsopSchema.REQUIRED_TOP, "the pipeline");
    checkVersion(top);
    checkNonEmpty(top, "id");
    checkNonEmpty(top, "name");
    List<OsopNode> nodes = readNodes(top);
    List<OsopEdge> edges = readEdges(top);
    String description = FieldReader.string(top, "description");
    return new OsopPipeline(
        file,
        FieldReader.string(top, "osop_version"),
        FieldReader.string(top, "id"),
        FieldReader.string(top, "name"),
        description != null ? description : FieldReader.string(top, "purpose"),
        FieldReader.string(top, "version"),
        nodes,
        edges,
        top.position(),
        positions(top));
  }

  private void checkVersion(YamlNode.Mapping top) {
    String version = FieldReader.string(top, "osop_version");
    if (version == null) {
      return;
    }
    SourcePosition at = top.get("osop_version").position();
    if (!version.matches("[0-9]+\\.[0-9]+(\\.[0-9]+)?")) {
      findings.error(at, "osop_version '" + version + "' is not a version such as \"1.0\"");
    } else if (!version.startsWith("1.") && !version.startsWith("2.")) {
      findings.error(
          at, "osop_version " + version + " is not supported; this tool reads OSOP 1.x and 2.x");
    }
  }

  private void checkNonEmpty(YamlNode.Mapping mapping, String key) {
    String value = FieldReader.string(mapping, key);
    if (value != null && value.isBlank()) {
      findings.error(mapping.get(key).position(), "'" + key + "' must not be empty");
    }
  }

  private List<OsopNode> readNodes(YamlNode.Mapping top) {
    if (!(top.get("nodes") instanceof YamlNode.Sequence sequence)) {
      return List.of();
    }
    if (sequence.items().isEmpty()) {
      findings.error(sequence.position(), "'nodes' is empty; a pipeline needs at least one node");
    }
    List<OsopNode> nodes = new ArrayList<>();
    int index = 0;
    for (YamlNode item : sequence.items()) {
      index++;
      if (item instanceof YamlNode.Mapping mapping) {
        nodes.add(readNode(mapping, index));
      } else {
        findings.error(
            item.position(),
            "node " + index + " must be a mapping with id and type, but it is " + item.describe());
      }
    }
    return List.copyOf(nodes);
  }

  private OsopNode readNode(YamlNode.Mapping mapping, int index) {
    String id = FieldReader.string(mapping, "id");
    String where = id != null ? "node '" + id + "'" : "node " + index;
    fields.check(mapping, OsopSchema.NODE_FIELDS, OsopSchema.REQUIRED_NODE, where);
    checkNonEmpty(mapping, "id");
    String type = FieldReader.string(mapping, "type");
    if (type != null && !OsopSchema.NODE_TYPES.contains(type)) {
      findings.error(
          mapping.get("type").position(),
          "unknown node type '"
              + type
              + "' in "
              + where
              + DidYouMean.hint(type, OsopSchema.NODE_TYPES)
              + "; OSOP node types are "
              + String.join(", ", OsopSchema.NODE_TYPES));
    }
    Map<String, SourcePosition> positions = positions(mapping);
    Map<String, Object> config = Map.of();
    if (mapping.get("config") instanceof YamlNode.Mapping configNode) {
      config = immutableConfig(configNode);
      collectPositions("config", configNode, positions);
    }
    Integer maxRetries = null;
    Double backoff = null;
    String strategy = null;
    if (mapping.get("retry_policy") instanceof YamlNode.Mapping retry) {
      fields.check(retry, OsopSchema.RETRY_FIELDS, List.of(), "retry_policy of " + where);
      collectPositions("retry_policy", retry, positions);
      Long retries = FieldReader.integer(retry, "max_retries");
      maxRetries = retries == null ? null : (int) Math.min(Integer.MAX_VALUE, retries);
      backoff = FieldReader.number(retry, "backoff_sec");
      nonNegative(retry, "max_retries", retries == null ? null : retries.doubleValue());
      nonNegative(retry, "backoff_sec", backoff);
      strategy = FieldReader.string(retry, "strategy");
      if (strategy != null && !OsopSchema.RETRY_STRATEGIES.contains(strategy)) {
        findings.error(
            retry.get("strategy").position(),
            "unknown retry strategy '"
                + strategy
                + "'"
                + DidYouMean.hint(strategy, OsopSchema.RETRY_STRATEGIES)
                + "; use one of "
                + String.join(", ", OsopSchema.RETRY_STRATEGIES));
      }
    }
    Double timeout = FieldReader.number(mapping, "timeout_sec");
    nonNegative(mapping, "timeout_sec", timeout);
    String description = FieldReader.string(mapping, "description");
    return new OsopNode(
        id,
        type,
        FieldReader.string(mapping, "subtype"),
        FieldReader.string(mapping, "name"),
        description != null ? description : FieldReader.string(mapping, "purpose"),
        config,
        maxRetries,
        backoff,
        strategy,
        timeout,
        mapping.position(),
        Collections.unmodifiableMap(positions));
  }

  private void nonNegative(YamlNode.Mapping mapping, String key, Double value) {
    if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
      findings.error(
          mapping.get(key).position(),
          "'" + key + "' must be a finite number of at least 0, but it is " + value);
    }
  }

  private List<OsopEdge> readEdges(YamlNode.Mapping top) {
    if (!(top.get("edges") instanceof YamlNode.Sequence sequence)) {
      return List.of();
    }
    List<OsopEdge> edges = new ArrayList<>();
    int index = 0;
    for (YamlNode item : sequence.items()) {
      index++;
      if (item instanceof YamlNode.Mapping mapping) {
        edges.add(readEdge(mapping, index));
      } else {
        findings.error(
            item.position(),
            "edge " + index + " must be a mapping with from and to, but it is " + item.describe());
      }
    }
    return List.copyOf(edges);
  }

  private OsopEdge readEdge(YamlNode.Mapping mapping, int index) {
    String from = FieldReader.string(mapping, "from");
    String to = FieldReader.string(mapping, "to");
    String where = from != null && to != null ? "edge " + from + " -> " + to : "edge " + index;
    fields.check(mapping, OsopSchema.EDGE_FIELDS, OsopSchema.REQUIRED_EDGE, where);
    String mode = FieldReader.string(mapping, "mode");
    if (mode != null && !OsopSchema.EDGE_MODES.contains(mode)) {
      findings.error(
          mapping.get("mode").position(),
          "unknown edge mode '"
              + mode
              + "' in "
              + where
              + DidYouMean.hint(mode, OsopSchema.EDGE_MODES)
              + "; OSOP edge modes are "
              + String.join(", ", OsopSchema.EDGE_MODES));
    }
    String joinMode = FieldReader.string(mapping, "join_mode");
    if (joinMode != null && !OsopSchema.JOIN_MODES.contains(joinMode)) {
      findings.error(
          mapping.get("join_mode").position(),
          "unknown join_mode '"
              + joinMode
              + "'"
              + DidYouMean.hint(joinMode, OsopSchema.JOIN_MODES)
              + "; use one of "
              + String.join(", ", OsopSchema.JOIN_MODES));
    }
    Long joinCount = FieldReader.integer(mapping, "join_count");
    if (joinCount != null && joinCount < 1) {
      findings.error(
          mapping.get("join_count").position(),
          "'join_count' must be at least 1, but it is " + joinCount);
    }
    YamlNode.Scalar whenNode = condition(mapping, where);
    return new OsopEdge(
        from,
        to,
        mode != null ? mode : "sequential",
        whenNode == null ? null : whenNode.text(),
        FieldReader.string(mapping, "label"),
        joinMode,
        joinCount == null ? null : (int) Math.min(Integer.MAX_VALUE, joinCount),
        mapping.position(),
        Collections.unmodifiableMap(positions(mapping)),
        whenNode == null ? null : whenNode.positions());
  }

  /** {@code when}, or its synonym {@code condition}; both at once must agree. */
  private YamlNode.Scalar condition(YamlNode.Mapping mapping, String where) {
    YamlNode when = mapping.get("when");
    YamlNode condition = mapping.get("condition");
    YamlNode.Scalar whenScalar = FieldReader.isString(when) ? (YamlNode.Scalar) when : null;
    YamlNode.Scalar conditionScalar =
        FieldReader.isString(condition) ? (YamlNode.Scalar) condition : null;
    if (whenScalar != null && conditionScalar != null) {
      if (!whenScalar.text().equals(conditionScalar.text())) {
        findings.error(
            conditionScalar.position(),
            where
                + " has both 'when' and 'condition' (its synonym) with different expressions;"
                + " keep only 'when'");
      } else {
        findings.warning(
            conditionScalar.position(),
            where + " repeats its 'when' as 'condition'; keep only 'when'");
      }
    }
    return whenScalar != null ? whenScalar : conditionScalar;
  }

  private static Map<String, SourcePosition> positions(YamlNode.Mapping mapping) {
    Map<String, SourcePosition> positions = new LinkedHashMap<>();
    for (YamlNode.Entry entry : mapping.entries()) {
      positions.put(entry.key().text(), entry.value().position());
    }
    return positions;
  }

  private static void collectPositions(
      String path, YamlNode node, Map<String, SourcePosition> positions) {
    positions.put(path, node.position());
    if (node instanceof YamlNode.Mapping mapping) {
      for (YamlNode.Entry entry : mapping.entries()) {
        positions.put(
            OsopNode.KEY_PREFIX + path + "." + entry.key().text(), entry.key().position());
        collectPositions(path + "." + entry.key().text(), entry.value(), positions);
      }
    } else if (node instanceof YamlNode.Sequence sequence) {
      for (int i = 0; i < sequence.items().size(); i++) {
        collectPositions(path + "." + i, sequence.items().get(i), positions);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> immutableConfig(YamlNode.Mapping config) {
    return (Map<String, Object>) ConfigValues.immutable(ScalarValues.toJava(config));
  }
}
