package io.osop.temporal.osop;

import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.PipelineDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What compiling one pipeline file produced: every finding, and the resolved definition when there
 * is no error.
 *
 * @param file the file's path as the user gave it
 * @param findings every error and warning, sorted by place in the file
 * @param pipeline the model as written (after overrides), or null when the file could not be read
 *     as an OSOP document
 * @param handlers the handler each node resolved to, by node id in file order (nodes that resolved
 *     to none are absent)
 * @param definition the resolved pipeline, or null when there is an error
 */
public record Compilation(
    String file,
    List<Finding> findings,
    OsopPipeline pipeline,
    Map<String, Handler> handlers,
    PipelineDefinition definition) {

  /** Whether any finding is an error. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  /** The errors only. */
  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }

  /** The definition, present exactly when there is no error. */
  public Optional<PipelineDefinition> definitionIfValid() {
    return Optional.ofNullable(definition);
  }
}
