package io.osop.temporal.osop;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The names a parsed condition reads from its scope: bare output keys, {@code outputs.<node_id>},
 * {@code inputs} and {@code metadata}. Variables bound by macros ({@code all}, {@code exists},
 * {@code map}, ...) are not references.
 */
final class ConditionReferences {

  /** What kind of name a reference is. */
  enum Kind {
    BARE,
    NODE_OUTPUTS,
    SCOPE
  }

  /**
   * One name read by a condition.
   *
   * @param kind bare output key, {@code outputs.<id>}, or one of outputs/inputs/metadata as a whole
   * @param name the key, the node id, or the scope variable
   * @param exprId the AST node, for its position
   */
  record Reference(Kind kind, String name, long exprId) {}

  private ConditionReferences() {}

  static List<Reference> of(CelExpr root) {
    List<Reference> references = new ArrayList<>();
    walk(root, new ArrayDeque<>(), references);
    return references;
  }

  private static void walk(CelExpr expr, Deque<String> bound, List<Reference> out) {
    switch (expr.getKind()) {
      case IDENT -> {
        String name = expr.ident().name();
        if (!bound.contains(name)) {
          boolean scope =
              name.equals(ConditionEnvironment.OUTPUTS)
                  || name.equals(ConditionEnvironment.INPUTS)
                  || name.equals(ConditionEnvironment.METADATA)
                  || name.equals(ConditionEnvironment.ERROR);
          out.add(new Reference(scope ? Kind.SCOPE : Kind.BARE, name, expr.id()));
        }
      }
      case SELECT -> {
        CelExpr operand = expr.select().operand();
        if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT
            && operand.ident().name().equals(ConditionEnvironment.OUTPUTS)
            && !bound.contains(ConditionEnvironment.OUTPUTS)) {
          out.add(new Reference(Kind.NODE_OUTPUTS, expr.select().field(), expr.id()));
        } else {
          walk(operand, bound, out);
        }
      }
      case CALL -> {
        expr.call().target().ifPresent(target -> walk(target, bound, out));
        expr.call().args().forEach(arg -> walk(arg, bound, out));
      }
      case LIST -> expr.list().elements().forEach(e -> walk(e, bound, out));
      case MAP ->
          expr.map()
              .entries()
              .forEach(
                  entry -> {
                    walk(entry.key(), bound, out);
                    walk(entry.value(), bound, out);
                  });
      case STRUCT -> expr.struct().entries().forEach(entry -> walk(entry.value(), bound, out));
      case COMPREHENSION -> {
        CelExpr.CelComprehension c = expr.comprehension();
        walk(c.iterRange(), bound, out);
        walk(c.accuInit(), bound, out);
        bound.push(c.iterVar());
        if (!c.iterVar2().isEmpty()) {
          bound.push(c.iterVar2());
        }
        bound.push(c.accuVar());
        walk(c.loopCondition(), bound, out);
        walk(c.loopStep(), bound, out);
        walk(c.result(), bound, out);
        bound.pop();
        if (!c.iterVar2().isEmpty()) {
          bound.pop();
        }
        bound.pop();
      }
      default -> {}
    }
  }
}
