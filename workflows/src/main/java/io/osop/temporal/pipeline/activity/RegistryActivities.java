package io.osop.temporal.pipeline.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Map;

/** Side effects on the model registry: immutable versions and the production pointer. */
@ActivityInterface
public interface RegistryActivities {

  /** Copies a model into the registry as a new immutable version named from the run. */
  @ActivityMethod(name = "RegisterModel")
  ModelVersion register(RegisterModelRequest request);

  /** Points a registry pointer at a version, remembering what it pointed at before. */
  @ActivityMethod(name = "MoveRegistryPointer")
  PointerMove movePointer(MovePointerRequest request);

  /** Moves a pointer back if this run moved it; harmless if it did not. */
  @ActivityMethod(name = "RestoreRegistryPointer")
  void restorePointer(MovePointerRequest request);

  /**
   * @param run the run
   * @param nodeId the node registering it
   * @param modelUri the model to copy in
   * @param labels metadata kept beside the version (metrics, source run)
   */
  record RegisterModelRequest(
      RunRef run, String nodeId, String modelUri, Map<String, String> labels) {}

  /**
   * @param version the version id
   * @param uri where the version's model lies
   */
  record ModelVersion(String version, String uri) {}

  /**
   * @param run the run
   * @param pointer the pointer, e.g. {@code models/production/latest}
   * @param version the version to point at
   */
  record MovePointerRequest(RunRef run, String pointer, String version) {}

  /**
   * @param pointer the pointer
   * @param previousVersion what it pointed at before, or null
   * @param newVersion what it points at now
   */
  record PointerMove(String pointer, String previousVersion, String newVersion) {}
}
