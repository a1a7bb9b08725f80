package io.osop.temporal.starter;

import io.osop.temporal.osop.Compilation;
import io.osop.temporal.osop.OsopNode;
import io.osop.temporal.pipeline.EdgeMode;
import io.osop.temporal.pipeline.JoinMode;
import io.osop.temporal.pipeline.PipelineDefinition;
import io.osop.temporal.pipeline.PipelineEdge;
import io.osop.temporal.pipeline.PipelineNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Draws a resolved pipeline as aligned text, a Mermaid flowchart or a Graphviz digraph. */
final class GraphRenderer {

  private GraphRenderer() {}

  static String text(Compilation result) {
    PipelineDefinition definition = result.definition();
    Map<String, String> types = nodeTypes(result);
    StringBuilder out = new StringBuilder();
    out.append(definition.pipelineId()).append(": ").append(definition.name());
    if (definition.version() != null) {
      out.append(" (version ").append(definition.version()).append(')');
    }
    out.append("\n\nnodes (").append(definition.nodes().size()).append("):\n");
    int idWidth = definition.nodes().stream().mapToInt(n -> n.id().length()).max().orElse(0);
    for (PipelineNode node : definition.nodes()) {
      out.append("  ")
          .append(pad(node.id(), idWidth))
          .append("  ")
          .append(pad(types.getOrDefault(node.id(), ""), 6))
          .append(" -> ")
          .append(node.handler().id());
      if (node.joinMode() != JoinMode.WAIT_ALL) {
        out.append("  [").append(node.joinMode().name().toLowerCase(Locale.ROOT));
        if (node.joinMode() == JoinMode.WAIT_N) {
          out.append(' ').append(node.joinCount());
        }
        out.append(']');
      }
      out.append('\n');
    }
    out.append("\nedges (").append(definition.edges().size()).append("):\n");
    int edgeWidth =
        definition.edges().stream()
            .mapToInt(e -> e.from().length() + e.to().length() + 4)
            .max()
            .orElse(0);
    for (PipelineEdge edge : definition.edges()) {
      out.append("  ")
          .append(pad(edge.from() + " -> " + edge.to(), edgeWidth))
          .append("  ")
          .append(mode(edge));
      if (edge.when() != null) {
        out.append("  when ").append(edge.when());
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String mermaid(Compilation result) {
    PipelineDefinition definition = result.definition();
    StringBuilder out = new StringBuilder("flowchart TD\n");
    for (PipelineNode node : definition.nodes()) {
      out.append("  ")
          .append(node.id())
          .append("[\"")
          .append(mermaidText(node.name()))
          .append("<br/><i>")
          .append(node.handler().id())
          .append("</i>\"]\n");
    }
    for (PipelineEdge edge : definition.edges()) {
      String arrow = isFailurePath(edge) ? "-.->" : "-->";
      out.append("  ").append(edge.from()).append(' ').append(arrow);
      String label = edgeLabel(edge);
      if (label != null) {
        out.append("|\"").append(mermaidText(label)).append("\"|");
      }
      out.append(' ').append(edge.to()).append('\n');
    }
    return out.toString();
  }

  static String dot(Compilation result) {
    PipelineDefinition definition = result.definition();
    StringBuilder out = new StringBuilder();
    out.append("digraph ").append(dotString(definition.pipelineId())).append(" {\n");
    out.append("  rankdir=TB;\n  node [shape=box, style=rounded];\n");
    for (PipelineNode node : definition.nodes()) {
      out.append("  ")
          .append(dotString(node.id()))
          .append(" [label=")
          .append(dotString(node.name() + "\n" + node.handler().id()))
          .append("];\n");
    }
    for (PipelineEdge edge : definition.edges()) {
      out.append("  ").append(dotString(edge.from())).append(" -> ").append(dotString(edge.to()));
      String label = edgeLabel(edge);
      StringBuilder attributes = new StringBuilder();
      if (label != null) {
        attributes.append("label=").append(dotString(label));
      }
      if (isFailurePath(edge)) {
        attributes.append(attributes.length() > 0 ? ", " : "").append("style=dashed");
      }
      if (attributes.length() > 0) {
        out.append(" [").append(attributes).append(']');
      }
      out.append(";\n");
    }
    return out.append("}\n").toString();
  }

  private static Map<String, String> nodeTypes(Compilation result) {
    Map<String, String> types = new HashMap<>();
    if (result.pipeline() != null) {
      for (OsopNode node : result.pipeline().nodes()) {
        if (node.id() != null && node.type() != null) {
          types.putIfAbsent(node.id(), node.type());
        }
      }
    }
    return types;
  }

  private static String mode(PipelineEdge edge) {
    return edge.mode().name().toLowerCase(Locale.ROOT);
  }

  private static boolean isFailurePath(PipelineEdge edge) {
    return edge.mode() == EdgeMode.FALLBACK
        || edge.mode() == EdgeMode.ERROR
        || edge.mode() == EdgeMode.TIMEOUT;
  }

  /** The condition (with the mode when it is not conditional), or the mode for failure paths. */
  private static String edgeLabel(PipelineEdge edge) {
    if (edge.when() != null) {
      return edge.mode() == EdgeMode.CONDITIONAL ? edge.when() : mode(edge) + ": " + edge.when();
    }
    return isFailurePath(edge) ? mode(edge) : null;
  }

  private static String mermaidText(String text) {
    return text.replace("&", "#amp;")
        .replace("\"", "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;");
  }

  private static String dotString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
