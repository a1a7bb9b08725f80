package io.osop.temporal.pipeline;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.temporal.workflow.unsafe.WorkflowUnsafe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates edge conditions written in CEL. Compiled programs are cached by expression; evaluation
 * is a pure function of the expression and the scope, so it is safe in workflow code.
 */
final class ConditionEvaluator {

  /** Scope variable holding every finished node's outputs by node id. */
  static final String OUTPUTS = "outputs";

  /** Scope variable holding the run parameters. */
  static final String INPUTS = "inputs";

  /** Scope variable holding workflow_id, run_id and attempt. */
  static final String METADATA = "metadata";

  /** Scope variable holding the source node's failure, on fallback, error and timeout edges. */
  static final String ERROR = "error";

  private static final int CACHE_SIZE = 512;

  private static final Map<String, Compiled> CACHE =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  private ConditionEvaluator() {}

  /**
   * Evaluates a condition over the scope.
   *
   * @throws ConditionException when the expression does not compile, reads a missing key, meets a
   *     type error or does not yield a boolean
   */
  static boolean evaluate(String expression, Map<String, Object> scope) {
    // The first compilation builds CEL's type environment and loads its classes, which can take
    // over a second on a busy machine; it is pure computation, so the workflow deadlock detector
    // is paused for it.
    if (WorkflowUnsafe.isWorkflowThread()) {
      return WorkflowUnsafe.deadlockDetectorOff(() -> evaluateNow(expression, scope));
    }
    return evaluateNow(expression, scope);
  }

  private static boolean evaluateNow(String expression, Map<String, Object> scope) {
    Compiled compiled = compile(expression);
    if (compiled.error != null) {
      throw new ConditionException(compiled.error);
    }
    for (String variable : compiled.variables) {
      if (!scope.containsKey(variable)) {
        throw new ConditionException(
            "it reads `" + variable + "`, which no finished node has produced");
      }
    }
    Object value;
    try {
      value = compiled.program.eval(scope);
    } catch (CelEvaluationException e) {
      throw new ConditionException(e.getMessage());
    }
    if (!(value instanceof Boolean)) {
      throw new ConditionException(
          "it yields "
              + (value == null ? "null" : value.getClass().getSimpleName())
              + ", not bool");
    }
    return (Boolean) value;
  }

  private static Compiled compile(String expression) {
    synchronized (CACHE) {
      Compiled cached = CACHE.get(expression);
      if (cached != null) {
        return cached;
      }
    }
    Compiled compiled = compileUncached(expression);
    synchronized (CACHE) {
      CACHE.put(expression, compiled);
    }
    return compiled;
  }

  private static Compiled compileUncached(String expression) {
    Compiled compiled;
    try {
      CelAbstractSyntaxTree ast = Holder.CEL.compile(expression).getAst();
      compiled = new Compiled(Holder.CEL.createProgram(ast), variablesOf(ast), null);
    } catch (CelValidationException e) {
      compiled = new Compiled(null, Set.of(), "it does not compile: " + e.getMessage());
    } catch (CelEvaluationException e) {
      compiled = new Compiled(null, Set.of(), "it cannot be planned: " + e.getMessage());
    }
    return compiled;
  }

  /** Builds the CEL environment on first use, inside a paused deadlock detector. */
  private static final class Holder {
    static final Cel CEL = buildCel();
  }

  private static Cel buildCel() {
    var builder =
        CelFactory.standardCelBuilder()
            .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.BOOL);
    MapType scopeMap = MapType.create(SimpleType.STRING, SimpleType.DYN);
    builder.addVar(OUTPUTS, scopeMap);
    builder.addVar(INPUTS, scopeMap);
    builder.addVar(METADATA, scopeMap);
    builder.addVar(ERROR, scopeMap);
    for (Handler handler : Handler.values()) {
      for (String key : NodeOutputKeys.of(handler)) {
        builder.addVar(key, SimpleType.DYN);
      }
    }
    return builder.build();
  }

  /** The scope variables an expression reads, sorted so that error messages are stable. */
  private static Set<String> variablesOf(CelAbstractSyntaxTree ast) {
    Set<String> variables = new TreeSet<>();
    for (CelReference reference : ast.getReferenceMap().values()) {
      if (reference.overloadIds().isEmpty() && reference.value().isEmpty()) {
        variables.add(reference.name());
      }
    }
    return variables;
  }

  private record Compiled(CelRuntime.Program program, Set<String> variables, String error) {}

  /** A condition that could not be evaluated; the message says why, without context. */
  static final class ConditionException extends RuntimeException {
    ConditionException(String message) {
      super(message);
    }
  }
}
