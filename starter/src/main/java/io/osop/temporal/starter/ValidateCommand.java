package io.osop.temporal.starter;

import io.osop.temporal.osop.Compilation;
import io.osop.temporal.osop.Finding;
import io.osop.temporal.osop.PipelineCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code starter validate FILE...}: reports every problem in each pipeline file as {@code
 * FILE:LINE:COL: error|warning: MESSAGE}, then a summary; exits 1 when any file has an error.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check OSOP pipeline files: YAML, OSOP structure, graph, handlers, config and CEL"
          + " conditions.",
      "Exit status: 0 when no file has errors, 1 when any has, 2 for a usage error."
    })
public final class ValidateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pipeline files to check.")
  List<Path> files;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--set",
      paramLabel = "NODE.KEY=VALUE",
      description = "Override a node's config value before checking; repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Compilation> results = new ArrayList<>();
    for (Path file : files) {
      results.add(PipelineCompiler.compile(file, overrides));
    }
    if (format == OutputFormat.JSON) {
      out.println(FindingsJson.render(results));
    } else {
      printText(out, results);
    }
    out.flush();
    return results.stream().anyMatch(Compilation::hasErrors) ? 1 : 0;
  }

  private static void printText(PrintWriter out, List<Compilation> results) {
    int errors = 0;
    int warnings = 0;
    int failed = 0;
    for (Compilation result : results) {
      for (Finding finding : result.findings()) {
        out.println(finding);
      }
      int fileErrors = result.errors().size();
      errors += fileErrors;
      warnings += result.findings().size() - fileErrors;
      failed += fileErrors > 0 ? 1 : 0;
    }
    out.println(
        plural(results.size(), "file")
            + " checked: "
            + plural(errors, "error")
            + ", "
            + plural(warnings, "warning")
            + (failed == 0 ? "; all valid" : "; " + failed + " with errors"));
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
