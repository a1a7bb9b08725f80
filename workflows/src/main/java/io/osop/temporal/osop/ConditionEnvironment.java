package io.osop.temporal.osop;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.osop.temporal.pipeline.Handler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CEL declarations for a pipeline's {@code when} conditions, shared by the validator and the
 * interpreter so both read conditions the same way.
 *
 * <p>In scope: {@code outputs.<node_id>.<key>} for every node, each output key bare at top level
 * ({@code metrics}, {@code ab_result}, ...), {@code inputs} (the run parameters, {@code map<string,
 * dyn>}) and {@code metadata} ({@code workflow_id}, {@code run_id}, {@code attempt}). At run time
 * every one of them is a plain {@code java.util.Map}; the struct types exist only for the type
 * checker. Conditions must be boolean. Numbers of different kinds compare ({@code metrics.accuracy
 * > 1}).
 */
public final class ConditionEnvironment {

  /** Name of the map of each finished node's outputs by node id. */
  public static final String OUTPUTS = "outputs";

  /** Name of the map of run parameters. */
  public static final String INPUTS = "inputs";

  /** Name of the map with {@code workflow_id}, {@code run_id} and {@code attempt}. */
  public static final String METADATA = "metadata";

  /**
   * Name of the map describing the source node's failure; set only on fallback, error and timeout
   * edges (the validator rejects it elsewhere).
   */
  public static final String ERROR = "error";

  /** The options conditions are compiled and evaluated with; use them for the runtime too. */
  public static final CelOptions OPTIONS =
      CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

  private static final StructType METADATA_TYPE =
      struct(
          "osop.Metadata",
          map(
              "workflow_id",
              SimpleType.STRING,
              "run_id",
              SimpleType.STRING,
              "attempt",
              SimpleType.INT));

  private final CelCompiler compiler;
  private final Map<String, Handler> nodes;

  private ConditionEnvironment(Map<String, Handler> nodes) {
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    List<CelType> types = new ArrayList<>();
    types.add(METADATA_TYPE);
    Map<Handler, StructType> handlerTypes = new LinkedHashMap<>();
    for (Handler handler :
        EnumSet.copyOf(nodes.isEmpty() ? Set.of(Handler.ROLLBACK) : nodes.values())) {
      StructType type =
          struct("osop.outputs." + handler.id().replace('-', '_'), NodeOutputs.of(handler));
      handlerTypes.put(handler, type);
      types.add(type);
    }
    Map<String, CelType> outputFields = new LinkedHashMap<>();
    nodes.forEach((id, handler) -> outputFields.put(id, handlerTypes.get(handler)));
    StructType outputsType = struct("osop.Outputs", outputFields);
    types.add(outputsType);
    var builder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setTypeProvider(new FixedTypes(types))
            .setResultType(SimpleType.BOOL)
            .addVar(OUTPUTS, outputsType)
            .addVar(INPUTS, MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar(METADATA, METADATA_TYPE)
            .addVar(ERROR, MapType.create(SimpleType.STRING, SimpleType.DYN));
    for (Handler handler : handlerTypes.keySet()) {
      NodeOutputs.of(handler).forEach(builder::addVar);
    }
    this.compiler = builder.build();
  }

  /**
   * The environment for a pipeline whose nodes (id to handler, file order) are {@code nodes}. Bare
   * output keys are declared for the handlers present; which of them a given condition may use
   * depends on its position in the graph, which the validator checks separately.
   */
  public static ConditionEnvironment forNodes(Map<String, Handler> nodes) {
    return new ConditionEnvironment(nodes);
  }

  /** The node ids and handlers this environment declares. */
  public Map<String, Handler> nodes() {
    return nodes;
  }

  /** The compiler with every declaration; its result type is bool. */
  public CelCompiler compiler() {
    return compiler;
  }

  /** Parses and type-checks {@code expression}. */
  public CelValidationResult compile(String expression) {
    return compiler.compile(expression);
  }

  /** A CEL runtime with the same options, for evaluating compiled conditions. */
  public static CelRuntime runtime() {
    return CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
  }

  private static StructType struct(String name, Map<String, CelType> fields) {
    Map<String, CelType> copy = new LinkedHashMap<>(fields);
    return StructType.create(
        name, ImmutableSet.copyOf(copy.keySet()), field -> Optional.ofNullable(copy.get(field)));
  }

  private static Map<String, CelType> map(Object... namesAndTypes) {
    Map<String, CelType> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      map.put((String) namesAndTypes[i], (CelType) namesAndTypes[i + 1]);
    }
    return map;
  }

  /** Resolves the struct types above by name for the checker. */
  private static final class FixedTypes implements CelTypeProvider {
    private final ImmutableList<CelType> types;

    FixedTypes(List<CelType> types) {
      this.types = ImmutableList.copyOf(types);
    }

    @Override
    public ImmutableCollection<CelType> types() {
      return types;
    }

    @Override
    public Optional<CelType> findType(String name) {
      return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }
  }
}
