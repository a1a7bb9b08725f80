package io.osop.temporal.activities.testing;

import io.osop.temporal.activities.serving.ModelRegistry;
import io.osop.temporal.activities.storage.ObjectStore;
import java.io.IOException;
import java.util.Map;

/** Registers hand-built models as versions, optionally as production. */
public final class TestModels {

  private TestModels() {}

  /** Registers model bytes as a version and points {@code models/production/latest} at it. */
  public static void registerAsProduction(
      ObjectStore store, ModelRegistry registry, String version, byte[] model) throws IOException {
    String staged = "staging/" + version + ".onnx";
    store.write(staged, model);
    registry.register(version, store.uri(staged), Map.of());
    if (!registry.compareAndSet("models/production/latest", null, version, "test")) {
      throw new IllegalStateException("production pointer already set");
    }
  }
}
