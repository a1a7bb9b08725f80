package io.osop.temporal.starter;

import io.osop.temporal.osop.Compilation;
import io.osop.temporal.osop.Finding;
import io.osop.temporal.osop.PipelineCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code starter graph FILE}: prints the resolved graph, each node with its handler and each edge
 * with its mode and condition, as text, Mermaid or Graphviz dot. A file with errors prints its
 * findings instead and exits 1.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Print a pipeline's resolved graph: nodes with handlers, edges with conditions.")
public final class GraphCommand implements Callable<Integer> {

  /** The drawing formats. */
  public enum Format {
    TEXT,
    MERMAID,
    DOT
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file.")
  Path file;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|mermaid|dot",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--set",
      paramLabel = "NODE.KEY=VALUE",
      description = "Override a node's config value first; repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Compilation result = PipelineCompiler.compile(file, overrides);
    if (result.hasErrors()) {
      result.findings().forEach(err::println);
      err.println(file + ": cannot draw a pipeline with errors; run starter validate " + file);
      err.flush();
      return 1;
    }
    for (Finding warning : result.findings()) {
      err.println(warning);
    }
    err.flush();
    out.print(
        switch (format) {
          case TEXT -> GraphRenderer.text(result);
          case MERMAID -> GraphRenderer.mermaid(result);
          case DOT -> GraphRenderer.dot(result);
        });
    out.flush();
    return 0;
  }
}
