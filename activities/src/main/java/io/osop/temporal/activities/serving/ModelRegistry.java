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
  boolean compareAndSet(String pointer, String expectedCurrent, String version) throws IOException;
}
