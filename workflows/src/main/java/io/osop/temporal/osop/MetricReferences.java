package io.osop.temporal.osop;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The metric names a parsed condition reads from an evaluate node's {@code metrics} or {@code
 * baseline}: {@code metrics.accuracy}, {@code baseline['f1']}, {@code
 * outputs.evaluate.metrics.accuracy}. Their keys are the node's configured metrics, so a misspelt
 * name is known before the run.
 */
final class MetricReferences {

  /** The evaluate outputs whose keys are metric names. */
  static final List<String> MAPS = List.of("metrics", "baseline");

  /**
   * One metric name read by a condition.
   *
   * @param nodeId the node of {@code outputs.<id>.metrics.<name>}, or null for bare {@code
   *     metrics.<name>}
   * @param map {@code metrics} or {@code baseline}
   * @param metric the metric name read
   * @param exprId the select or index AST node, for its position
   */
  record Reference(String nodeId, String map, String metric, long exprId) {}

  private MetricReferences() {}

  /** Every metric read in the expression; names bound by macros are not followed. */
  static List<Reference> of(CelExpr root) {
    List<Reference> found = new ArrayList<>();
    walk(root, found);
    return found;
  }

  private static void walk(CelExpr expr, List<Reference> out) {
    switch (expr.getKind()) {
      case SELECT -> {
        CelExpr operand = expr.select().operand();
        addIfMetric(operand, expr.select().field(), expr.id(), out);
        walk(operand, out);
      }
      case CALL -> {
        var call = expr.call();
        if (call.function().equals("_[_]")
            && call.args().size() == 2
            && call.args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
            && call.args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
          addIfMetric(
              call.args().get(0),
              call.args().get(1).constant().stringValue(),
              call.args().get(1).id(),
              out);
        }
        call.target().ifPresent(target -> walk(target, out));
        call.args().forEach(arg -> walk(arg, out));
      }
      case LIST -> expr.list().elements().forEach(e -> walk(e, out));
      case MAP ->
          expr.map()
              .entries()
              .forEach(
                  entry -> {
                    walk(entry.key(), out);
                    walk(entry.value(), out);
                  });
      case COMPREHENSION -> walk(expr.comprehension().iterRange(), out);
      default -> {}
    }
  }

  /** Adds {@code metric} when {@code map} is {@code metrics}, or {@code outputs.<id>.metrics}. */
  private static void addIfMetric(CelExpr map, String metric, long exprId, List<Reference> out) {
    if (map.getKind() == CelExpr.ExprKind.Kind.IDENT && MAPS.contains(map.ident().name())) {
      out.add(new Reference(null, map.ident().name(), metric, exprId));
      return;
    }
    if (map.getKind() != CelExpr.ExprKind.Kind.SELECT || !MAPS.contains(map.select().field())) {
      return;
    }
    CelExpr node = map.select().operand();
    if (node.getKind() == CelExpr.ExprKind.Kind.SELECT
        && node.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT
        && node.select().operand().ident().name().equals(ConditionEnvironment.OUTPUTS)) {
      out.add(new Reference(node.select().field(), map.select().field(), metric, exprId));
    }
  }
}
