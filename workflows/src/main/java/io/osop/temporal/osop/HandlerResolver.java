package io.osop.temporal.osop;

import io.osop.temporal.pipeline.Handler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which handler runs each node: an explicit {@code subtype} naming a handler first, then
 * the node type and its config keys, then its place in the graph.
 *
 * <ul>
 *   <li>{@code subtype} is a handler id ({@code prepare-data}, {@code run-command}, {@code
 *       evaluate}, {@code shadow-ab-test}, {@code deploy-serving}, {@code rollback}), or the
 *       OSOP-style {@code script} on a cli node or {@code test} on a cicd node.
 *   <li>{@code data} runs as prepare-data, {@code cli} as run-command, {@code cicd} as evaluate.
 *   <li>{@code infra} with {@code traffic_split}/{@code duration_hours} in config runs as
 *       shadow-ab-test; with {@code endpoint}/{@code canary_percent} as deploy-serving; keys of
 *       both is ambiguous.
 *   <li>An {@code infra} node without config is a rollback when it has at least one incoming edge,
 *       every incoming edge is conditional, fallback, error or timeout (a failure or regression
 *       path), and it has no outgoing edges.
 * </ul>
 *
 * Anything else is an error that names the node and the {@code subtype} that would settle it.
 */
final class HandlerResolver {

  private static final Set<String> FAILURE_PATH_MODES =
      Set.of("conditional", "fallback", "error", "timeout");

  private static final List<String> SHADOW_KEYS = List.of("traffic_split", "duration_hours");
  private static final List<String> DEPLOY_KEYS = List.of("endpoint", "canary_percent");

  private final Findings findings;

  HandlerResolver(Findings findings) {
    this.findings = findings;
  }

  /** The handler for {@code node}, or null after reporting why none fits. */
  Handler resolve(OsopNode node, PipelineGraph graph) {
    Handler explicit = fromSubtype(node);
    if (explicit != null) {
      return explicit;
    }
    if (node.type() == null) {
      return null;
    }
    switch (node.type()) {
      case "data":
        return Handler.PREPARE_DATA;
      case "cli":
        return Handler.RUN_COMMAND;
      case "cicd":
        return Handler.EVALUATE;
      case "infra":
        return resolveInfra(node, graph);
      default:
        if (OsopSchema.NODE_TYPES.contains(node.type())) {
          findings.error(
              node.positionOf("type"),
              "node '"
                  + node.id()
                  + "' has type '"
                  + node.type()
                  + "', which this runtime does not run; supported types: data, cli, cicd, infra,"
                  + " or set subtype to a handler ("
                  + handlerIds()
                  + ")");
        }
        return null;
    }
  }

  private Handler fromSubtype(OsopNode node) {
    String subtype = node.subtype();
    if (subtype == null) {
      return null;
    }
    for (Handler handler : Handler.values()) {
      if (handler.id().equals(subtype)) {
        return handler;
      }
    }
    if (subtype.equals("script") && "cli".equals(node.type())) {
      return Handler.RUN_COMMAND;
    }
    if (subtype.equals("test") && "cicd".equals(node.type())) {
      return Handler.EVALUATE;
    }
    List<String> ids = Arrays.stream(Handler.values()).map(Handler::id).toList();
    if (DidYouMean.closest(subtype, ids).isPresent()) {
      findings.warning(
          node.positionOf("subtype"),
          "subtype '"
              + subtype
              + "' of node '"
              + node.id()
              + "' names no handler"
              + DidYouMean.hint(subtype, ids));
    }
    return null;
  }

  private Handler resolveInfra(OsopNode node, PipelineGraph graph) {
    Map<String, Object> config = node.config();
    boolean shadow = SHADOW_KEYS.stream().anyMatch(config::containsKey);
    boolean deploy = DEPLOY_KEYS.stream().anyMatch(config::containsKey);
    if (shadow && deploy) {
      findings.error(
          node.positionOf("config"),
          "infra node '"
              + node.id()
              + "' has config for both shadow-ab-test (traffic_split, duration_hours) and"
              + " deploy-serving (endpoint, canary_percent); set subtype: shadow-ab-test or"
              + " subtype: deploy-serving");
      return null;
    }
    if (shadow) {
      return Handler.SHADOW_AB_TEST;
    }
    if (deploy) {
      return Handler.DEPLOY_SERVING;
    }
    if (config.isEmpty() && isOnFailurePathOnly(node, graph)) {
      return Handler.ROLLBACK;
    }
    String why =
        config.isEmpty()
            ? "it has no config and is not reached only by conditional, fallback or error edges"
                + " with nothing after it (what makes a rollback)"
            : "its config keys (" + String.join(", ", config.keySet()) + ") fit no handler";
    findings.error(
        node.positionOf(config.isEmpty() ? "type" : "config"),
        "cannot tell which handler runs infra node '"
            + node.id()
            + "': "
            + why
            + "; set subtype: shadow-ab-test, deploy-serving or rollback, or give config with"
            + " traffic_split and duration_hours (shadow-ab-test) or endpoint and canary_percent"
            + " (deploy-serving)");
    return null;
  }

  private static boolean isOnFailurePathOnly(OsopNode node, PipelineGraph graph) {
    int index = graph.indexOf(node.id());
    if (index < 0 || graph.node(index) != node) {
      return false;
    }
    List<OsopEdge> incoming = graph.incoming(index);
    return !incoming.isEmpty()
        && graph.outgoing(index).isEmpty()
        && incoming.stream().allMatch(e -> FAILURE_PATH_MODES.contains(e.mode()));
  }

  private static String handlerIds() {
    List<String> ids = new ArrayList<>();
    for (Handler handler : Handler.values()) {
      ids.add(handler.id());
    }
    return String.join(", ", ids);
  }
}
