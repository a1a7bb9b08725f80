package io.osop.temporal.activities.serving;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable model versions and named pointers to them ({@code models/production/latest}), kept as
 * folders under a root or a GCS prefix.
 */
public interface ModelRegistry {

  /** The version a pointer names, or empty when the pointer was never set. */
  Optional<String> resolve(String pointer) throws IOException;

  /**
   * Copies a model in as a version; registering the same version again with the same bytes is a
   * no-op.
   */
  String register(String version, String modelUri, Map<String, String> labels) throws IOException;

  /** The URI of a version's model file. */
  String modelUri(String version);

  /** Reads a version's ONNX model. */
  byte[] readModel(String version) throws IOException;

  /**
   * Sets a pointer if it still names {@code expectedCurrent} (null: unset), recording the move in
   * the pointer's history. Returns false when the pointer names something else.
   */
  default boolean compareAndSet(String pointer, String expectedCurrent, String version)
      throws IOException {
    return compareAndSet(pointer, expectedCurrent, version, "unknown");
  }

  /**
   * Sets a pointer if it still names {@code expectedCurrent} (null: unset), recording who moved it
   * ({@code movedBy}, e.g. a workflow id) and what it named before. A null {@code version} unsets
   * it. Returns false when the pointer names something else.
   */
  boolean compareAndSet(String pointer, String expectedCurrent, String version, String movedBy)
      throws IOException;

  /** The pointer's current state, or empty when it was never set. */
  Optional<PointerState> pointer(String pointer) throws IOException;

  /**
   * What a pointer names and how it got there.
   *
   * @param version the version it names, or null when it was unset
   * @param previous the version it named before the last move, or null
   * @param movedBy who made the last move
   */
  record PointerState(String version, String previous, String movedBy) {}
}
