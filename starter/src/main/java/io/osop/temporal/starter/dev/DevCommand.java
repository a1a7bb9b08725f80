package io.osop.temporal.starter.dev;

import io.osop.temporal.osop.Compilation;
import io.osop.temporal.osop.Finding;
import io.osop.temporal.osop.PipelineCompiler;
import io.osop.temporal.pipeline.Outcome;
import io.osop.temporal.pipeline.PipelineDefinition;
import io.osop.temporal.pipeline.PipelineResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code starter dev FILE}: runs a pipeline end to end in this process, on Temporal's embedded test
 * server with a worker and local backends, following it live and summing it up at the end.
 */
@Command(
    name = "dev",
    description =
        "Run a pipeline end to end on this machine: embedded Temporal server, local backends.",
    footer = {
      "",
      "Exit codes: 0 the run completed (PROMOTED, REJECTED, ROLLED_BACK or COMPLETED),"
          + " 1 it failed or was cancelled (Ctrl-C cancels it and undoes its side effects),"
          + " 2 invalid input.",
      "--config takes a worker configuration file (docs/service.md); dev uses its backends"
          + " section, e.g. to inject faults into the local backends (docs/local-serving.md).",
    })
public final class DevCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The OSOP pipeline file.")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "NODE.KEY=VALUE",
      description = "Override a node's config value; repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(
      names = "--workdir",
      paramLabel = "DIR",
      description =
          "Where artifacts, the model registry and serving state live (default: ${DEFAULT-VALUE}).",
      defaultValue = "workspace")
  Path workdir;

  @Option(
      names = "--feature-store",
      paramLabel = "DIR",
      description =
          "Root of the local feature store (default: the pipeline folder's feature-store/).")
  Path featureStore;

  @Option(names = "--real-time", description = "Keep wall time in timers instead of skipping.")
  boolean realTime;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Worker configuration for the local backends' settings (fault injection).")
  Path config;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    Compilation compilation = PipelineCompiler.compile(file, overrides);
    for (Finding finding : compilation.findings()) {
      err.println(finding);
    }
    if (compilation.hasErrors()) {
      int errors = compilation.errors().size();
      err.printf(
          "%s: %d %s; nothing was started.%n", file, errors, errors == 1 ? "error" : "errors");
      err.flush();
      return 2;
    }
    PipelineDefinition definition = compilation.definition();

    DevSetup setup;
    try {
      setup = DevSetup.prepare(definition, workdir, featureStore, config);
    } catch (DevSetup.SetupException e) {
      err.println(e.getMessage());
      err.flush();
      return 2;
    }
    PipelineResult result = new DevRun(setup, out, realTime).run(definition);
    return result.outcome() == Outcome.FAILED || result.outcome() == Outcome.CANCELLED ? 1 : 0;
  }
}
