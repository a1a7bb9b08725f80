package io.osop.temporal.osop;

import dev.cel.common.ast.CelExpr;
import java.util.function.UnaryOperator;

/**
 * Writes a parsed condition's structure as text, with each {@code outputs.<id>} renamed, so that
 * conditions that differ only in which node of the same handler they read share one type check. Two
 * expressions get the same text exactly when they have the same structure, constants and names
 * after renaming.
 */
final class ConditionShape {

  private ConditionShape() {}

  static void write(CelExpr expr, UnaryOperator<String> rename, StringBuilder out) {
    switch (expr.getKind()) {
      case CONSTANT -> {
        String constant = expr.constant().toString();
        out.append("C").append(constant.length()).append(':').append(constant);
      }
      case IDENT -> out.append("I(").append(expr.ident().name()).append(')');
      case SELECT -> {
        CelExpr operand = expr.select().operand();
        boolean nodeOutputs =
            operand.getKind() == CelExpr.ExprKind.Kind.IDENT
                && operand.ident().name().equals(ConditionEnvironment.OUTPUTS);
        out.append("S(");
        write(operand, rename, out);
        String field = expr.select().field();
        out.append('.').append(nodeOutputs ? rename.apply(field) : field);
        out.append(expr.select().testOnly() ? "?)" : ")");
      }
      case CALL -> {
        out.append("F(").append(expr.call().function()).append(';');
        expr.call().target().ifPresent(target -> write(target, rename, out));
        for (CelExpr arg : expr.call().args()) {
          out.append(',');
          write(arg, rename, out);
        }
        out.append(')');
      }
      case LIST -> {
        out.append("L").append(expr.list().optionalIndices()).append('[');
        for (CelExpr element : expr.list().elements()) {
          write(element, rename, out);
          out.append(',');
        }
        out.append(']');
      }
      case MAP -> {
        out.append("M{");
        for (CelExpr.CelMap.Entry entry : expr.map().entries()) {
          out.append(entry.optionalEntry() ? "?" : "");
          write(entry.key(), rename, out);
          out.append(':');
          write(entry.value(), rename, out);
          out.append(',');
        }
        out.append('}');
      }
      case STRUCT -> {
        out.append("T(").append(expr.struct().messageName()).append('{');
        for (CelExpr.CelStruct.Entry entry : expr.struct().entries()) {
          out.append(entry.optionalEntry() ? "?" : "").append(entry.fieldKey()).append('=');
          write(entry.value(), rename, out);
          out.append(',');
        }
        out.append("})");
      }
      case COMPREHENSION -> {
        CelExpr.CelComprehension c = expr.comprehension();
        out.append("X(")
            .append(c.iterVar())
            .append(',')
            .append(c.iterVar2())
            .append(',')
            .append(c.accuVar())
            .append(';');
        for (CelExpr part :
            new CelExpr[] {
              c.iterRange(), c.accuInit(), c.loopCondition(), c.loopStep(), c.result()
            }) {
          write(part, rename, out);
          out.append(';');
        }
        out.append(')');
      }
      default -> out.append('N');
    }
  }
}
