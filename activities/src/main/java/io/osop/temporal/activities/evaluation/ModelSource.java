package io.osop.temporal.activities.evaluation;

import io.osop.temporal.activities.serving.ModelRegistry;
import io.osop.temporal.activities.storage.ObjectStore;
import java.io.IOException;
import java.util.Optional;

/** Loads ONNX models for scoring: by URI from the object store, or by version from the registry. */
public final class ModelSource {

  /** The registry pointer of the production model when a node names none. */
  public static final String PRODUCTION_POINTER = "models/production/latest";

  private final ObjectStore store;
  private final ModelRegistry registry;

  /** Creates a source over a store and a registry. */
  public ModelSource(ObjectStore store, ModelRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  /** Loads the model at a URI of the object store. */
  public OnnxScorer byUri(String modelUri) throws IOException {
    return OnnxScorer.load(store.read(store.key(modelUri)), modelUri);
  }

  /** Loads a registered version. */
  public OnnxScorer byVersion(String version) throws IOException {
    return OnnxScorer.load(registry.readModel(version), version);
  }

  /** The version a registry pointer names, or empty when it was never set. */
  public Optional<String> resolve(String pointer) throws IOException {
    return registry.resolve(pointer == null || pointer.isBlank() ? PRODUCTION_POINTER : pointer);
  }
}
