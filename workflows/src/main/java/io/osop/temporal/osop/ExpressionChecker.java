package io.osop.temporal.osop;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelMutableAst;
import dev.cel.common.CelSource;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import io.osop.temporal.pipeline.Handler;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles every {@code when} with CEL and checks what it reads: each name must be produced by a
 * node that runs before the edge (its source or a node with a path to it) or be {@code inputs},
 * {@code metadata} or {@code outputs.<id>}, or {@code error} on a fallback, error or timeout edge;
 * types must fit ({@code ab_result > 1} is an error). A bare key that several nodes before the edge
 * produce is a warning, unless the edge's source is one of them (at run time the source's value
 * wins). Errors point at the character inside the expression.
 */
final class ExpressionChecker {

  private final Findings findings;
  private final PipelineGraph graph;
  private final Handler[] handlers;
  private final ConditionEnvironment environment;
  private final UpstreamProducers upstream;
  private final MetricNameCheck metricNames;

  /** Edge modes taken when the source node failed; their conditions may read {@code error}. */
  private static final Set<String> FAILURE_MODES = Set.of("fallback", "error", "timeout");

  private final Map<String, Compiled> cache = new HashMap<>();
  private final Map<String, Boolean> shapes = new HashMap<>();
  private final Map<Handler, String> representatives = new EnumMap<>(Handler.class);

  /**
   * @param handlers the resolved handler per graph node, null where none resolved
   * @param topologicalOrder the graph's order, or null when it has a cycle (then only syntax and
   *     types are checked)
   */
  ExpressionChecker(
      Findings findings, PipelineGraph graph, Handler[] handlers, int[] topologicalOrder) {
    this.findings = findings;
    this.graph = graph;
    this.handlers = handlers;
    Map<String, Handler> declared = new LinkedHashMap<>();
    for (int i = 0; i < graph.size(); i++) {
      if (handlers[i] != null) {
        String id = graph.node(i).id();
        declared.put(id, handlers[i]);
        representatives.merge(handlers[i], id, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
    this.environment = ConditionEnvironment.forNodes(declared);
    this.upstream =
        topologicalOrder == null ? null : new UpstreamProducers(graph, handlers, topologicalOrder);
    this.metricNames = new MetricNameCheck(graph, handlers, upstream);
  }

  void check(OsopEdge edge) {
    if (edge.when() == null) {
      return;
    }
    Compiled compiled = cache.computeIfAbsent(edge.when(), this::compile);
    if (!compiled.syntaxErrors().isEmpty()) {
      compiled.syntaxErrors().forEach(issue -> report(edge, issue.offset(), issue.message()));
      return;
    }
    int source = graph.indexOf(edge.from());
    boolean referencesOk = true;
    for (ConditionReferences.Reference reference : compiled.references()) {
      referencesOk &= checkReference(edge, source, reference, compiled);
    }
    if (referencesOk) {
      compiled.typeErrors().forEach(issue -> report(edge, issue.offset(), issue.message()));
      metricNames
          .check(source, compiled.metrics())
          .forEach(issue -> report(edge, offsetOf(compiled, issue), issue.message()));
    }
  }

  /** Where the metric name of {@code issue} starts inside the expression, in code points. */
  private static int offsetOf(Compiled compiled, MetricNameCheck.Issue issue) {
    int offset = compiled.offsets().getOrDefault(issue.reference().exprId(), 0);
    String text = compiled.text();
    int from = text.offsetByCodePoints(0, Math.min(offset, text.codePointCount(0, text.length())));
    int found = text.indexOf(issue.reference().metric(), from);
    return found < 0 ? offset : text.codePointCount(0, found);
  }

  private boolean checkReference(
      OsopEdge edge, int source, ConditionReferences.Reference reference, Compiled compiled) {
    int offset = compiled.offsets().getOrDefault(reference.exprId(), 0);
    String name = reference.name();
    switch (reference.kind()) {
      case SCOPE:
        if (name.equals(ConditionEnvironment.ERROR) && !FAILURE_MODES.contains(edge.mode())) {
          report(
              edge,
              offset,
              "'error' (the source node's failure) is set only on fallback, error and timeout"
                  + " edges, not on this "
                  + edge.mode()
                  + " edge");
          return false;
        }
        return true;
      case NODE_OUTPUTS:
        int node = graph.indexOf(name);
        if (node < 0) {
          List<String> ids = graph.nodes().stream().map(OsopNode::id).toList();
          report(edge, offset, "outputs." + name + " names no node" + DidYouMean.hint(name, ids));
          return false;
        }
        if (handlers[node] == null) {
          return false;
        }
        if (knowsOrder(source) && !upstream.runsBefore(node, source)) {
          report(
              edge,
              offset,
              "outputs."
                  + name
                  + " is not available here: node '"
                  + name
                  + "' does not run before edge "
                  + edge.describe());
          return false;
        }
        return true;
      case BARE:
      default:
        return checkBare(edge, source, name, offset);
    }
  }

  /** Whether "runs before" questions about {@code source} have answers (no cycle, known node). */
  private boolean knowsOrder(int source) {
    return upstream != null && source >= 0;
  }

  private boolean checkBare(OsopEdge edge, int source, String name, int offset) {
    Handler producer = NodeOutputs.producerOf(name);
    if (producer == null) {
      Set<String> available = availableNames(source);
      report(
          edge,
          offset,
          "unknown name '"
              + name
              + "'"
              + DidYouMean.hint(name, available)
              + "; in scope here: "
              + String.join(", ", available));
      return false;
    }
    if (!knowsOrder(source)) {
      return true;
    }
    int[] producers = upstream.producers(name, source);
    if (producers.length == 0) {
      List<String> all = upstream.allProducers(name);
      report(
          edge,
          offset,
          "'"
              + name
              + "' is an output of "
              + producer.id()
              + " nodes"
              + (all.isEmpty()
                  ? ", and this pipeline has none"
                  : " (" + abbreviate(all) + "), but none runs before edge " + edge.describe()));
      return false;
    }
    boolean sourceProducesIt =
        handlers[source] != null && NodeOutputs.of(handlers[source]).containsKey(name);
    if (producers.length > 1 && !sourceProducesIt) {
      String first = graph.node(producers[0]).id();
      String second = graph.node(producers[1]).id();
      findings.warning(
          edge.whenPositions().at(offset),
          "'"
              + name
              + "' is produced by more than one node before edge "
              + edge.describe()
              + " ("
              + first
              + ", "
              + second
              + "); write outputs."
              + first
              + "."
              + name
              + " to say which");
    }
    return true;
  }

  /** Names a condition at {@code source} may read, sorted, for hints. */
  private Set<String> availableNames(int source) {
    Set<String> names = new TreeSet<>();
    for (Handler handler : Handler.values()) {
      for (String key : NodeOutputs.of(handler).keySet()) {
        boolean available =
            knowsOrder(source)
                ? upstream.producers(key, source).length > 0
                : environment.nodes().containsValue(handler);
        if (available) {
          names.add(key);
        }
      }
    }
    Set<String> all = new LinkedHashSet<>(names);
    all.add(ConditionEnvironment.INPUTS);
    all.add(ConditionEnvironment.METADATA);
    all.add(ConditionEnvironment.OUTPUTS);
    return all;
  }

  private void report(OsopEdge edge, int offset, String message) {
    SourcePosition at =
        edge.whenPositions() == null ? edge.position() : edge.whenPositions().at(offset);
    findings.error(at, "in condition of edge " + edge.describe() + ": " + message);
  }

  private Compiled compile(String expression) {
    CelValidationResult parsed = environment.compiler().parse(expression);
    if (parsed.hasError()) {
      return new Compiled(
          expression, syntaxIssue(parsed, expression), List.of(), List.of(), Map.of(), List.of());
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = parsed.getAst();
    } catch (CelValidationException e) {
      throw new IllegalStateException("CEL reported a parse without errors as failed", e);
    }
    Map<Long, Integer> offsets = new HashMap<>(ast.getSource().getPositionsMap());
    List<ConditionReferences.Reference> references = ConditionReferences.of(ast.getExpr());
    return new Compiled(
        expression,
        List.of(),
        references,
        typeErrors(ast),
        offsets,
        MetricReferences.of(ast.getExpr()));
  }

  /**
   * Type-checks the parsed condition. Checking costs far more than parsing, and the result depends
   * only on the shape of the expression and the handler behind each {@code outputs.<id>}, so the
   * check runs once per shape: each node id is replaced by a representative node of the same
   * handler. Only a shape with errors is checked again as written, for exact messages.
   */
  private List<Issue> typeErrors(CelAbstractSyntaxTree ast) {
    StringBuilder shape = new StringBuilder();
    ConditionShape.write(ast.getExpr(), this::representative, shape);
    boolean shapeHasErrors =
        shapes.computeIfAbsent(
            shape.toString(),
            s -> {
              CelMutableAst canonical = CelMutableAst.fromCelAst(ast);
              ConditionShape.rename(canonical.expr(), this::representative);
              return environment.compiler().check(canonical.toParsedAst()).hasError();
            });
    if (!shapeHasErrors) {
      return List.of();
    }
    CelValidationResult checked = environment.compiler().check(ast);
    return checked.hasError() ? issues(checked) : List.of();
  }

  /** The first node id (by id) with the same handler as {@code id}, or {@code id} itself. */
  private String representative(String id) {
    int node = graph.indexOf(id);
    if (node < 0 || handlers[node] == null) {
      return id;
    }
    return representatives.get(handlers[node]);
  }

  /**
   * The parser's first error in plain words; the ones after it mostly follow from it (an unclosed
   * string also leaves the expression without an end).
   */
  private static List<Issue> syntaxIssue(CelValidationResult parsed, String expression) {
    Issue first = issues(parsed).get(0);
    return List.of(
        new Issue(
            first.offset(),
            CelSyntaxMessages.explain(first.message(), expression, first.offset())));
  }

  private static List<Issue> issues(CelValidationResult result) {
    CelSource source = result.getSource();
    List<Issue> issues = new ArrayList<>();
    for (CelIssue issue : result.getErrors()) {
      int offset = source.getLocationOffset(issue.getSourceLocation()).orElse(0);
      issues.add(new Issue(offset, CelMessages.explain(issue.getMessage())));
    }
    return issues;
  }

  private static String abbreviate(List<String> ids) {
    return ids.size() <= 5
        ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 5)) + ", ... (" + ids.size() + " in all)";
  }

  /** One problem at a code-point offset inside the expression. */
  private record Issue(int offset, String message) {}

  /** What compiling one expression text found; shared by edges with the same text. */
  private record Compiled(
      String text,
      List<Issue> syntaxErrors,
      List<ConditionReferences.Reference> references,
      List<Issue> typeErrors,
      Map<Long, Integer> offsets,
      List<MetricReferences.Reference> metrics) {}
}
