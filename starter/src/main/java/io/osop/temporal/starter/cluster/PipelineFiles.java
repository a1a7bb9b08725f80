package io.osop.temporal.starter.cluster;

import io.osop.temporal.pipeline.PipelineDefinition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** Loads, validates and compiles a pipeline file for {@code starter run}. */
final class PipelineFiles {
  private PipelineFiles() {}

  /**
   * Compiles the file with its overrides; prints every finding and fails when any is an error.
   *
   * @param overrides {@code NODE.KEY} to value, from {@code --set}
   */
  static PipelineDefinition compile(Path file, Map<String, String> overrides, PrintWriter err)
      throws CommandFailure {
    throw new CommandFailure("pipeline compilation is not available in this build");
  }
}
