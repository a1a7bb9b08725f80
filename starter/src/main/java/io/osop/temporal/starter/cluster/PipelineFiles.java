package io.osop.temporal.starter.cluster;

import io.osop.temporal.osop.Compilation;
import io.osop.temporal.osop.Finding;
import io.osop.temporal.osop.PipelineCompiler;
import io.osop.temporal.pipeline.PipelineDefinition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** Loads, validates and compiles a pipeline file for {@code starter run}. */
final class PipelineFiles {
  private PipelineFiles() {}

  /**
   * Compiles the file with its overrides; prints every finding (warnings too) and fails when any is
   * an error, so nothing invalid ever reaches the cluster.
   *
   * @param overrides {@code NODE.KEY} to value, from {@code --set}
   */
  static PipelineDefinition compile(Path file, Map<String, String> overrides, PrintWriter err)
      throws CommandFailure {
    Compilation compilation = PipelineCompiler.compile(file, overrides);
    for (Finding finding : compilation.findings()) {
      err.println(finding);
    }
    err.flush();
    return compilation
        .definitionIfValid()
        .orElseThrow(
            () ->
                new CommandFailure(
                    file
                        + " is not valid ("
                        + compilation.errors().size()
                        + " error(s) above); nothing was started"));
  }
}
