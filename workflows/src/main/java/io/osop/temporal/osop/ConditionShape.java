package io.osop.temporal.osop;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelMutableExpr;
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

  /** Renames, in place, the node id of every {@code outputs.<id>} in {@code expr}. */
  static void rename(CelMutableExpr expr, UnaryOperator<String> rename) {
    switch (expr.getKind()) {
      case SELECT -> {
        CelMutableExpr operand = expr.select().operand();
        if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT
            && operand.ident().name().equals(ConditionEnvironment.OUTPUTS)) {
          expr.select().setField(rename.apply(expr.select().field()));
        } else {
          rename(operand, rename);
        }
      }
      case CALL -> {
        expr.call().target().ifPresent(target -> rename(target, rename));
        expr.call().args().forEach(arg -> rename(arg, rename));
      }
      case LIST -> expr.list().elements().forEach(e -> rename(e, rename));
      case MAP ->
          expr.map()
              .entries()
              .forEach(
                  entry -> {
                    rename(entry.key(), rename);
                    rename(entry.value(), rename);
                  });
      case STRUCT -> expr.struct().entries().forEach(entry -> rename(entry.value(), rename));
      case COMPREHENSION -> {
        CelMutableExpr.CelMutableComprehension c = expr.comprehension();
        rename(c.iterRange(), rename);
        rename(c.accuInit(), rename);
        rename(c.loopCondition(), rename);
        rename(c.loopStep(), rename);
        rename(c.result(), rename);
      }
      default -> {}
    }
  }
}
