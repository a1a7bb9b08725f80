package io.osop.temporal.activities.testing;

import io.osop.temporal.activities.serving.ModelRegistry;
import io.osop.temporal.activities.storage.ObjectStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A model registry whose versions live in an object store and whose pointers live in memory. */
public final class InMemoryModelRegistry implements ModelRegistry {

  private final ObjectStore store;
  private final Map<String, String> pointers = new HashMap<>();

  /** Creates a registry keeping versions under {@code registry/} in the store. */
  public InMemoryModelRegistry(ObjectStore store) {
    this.store = store;
  }

  /** Registers model bytes as a version and returns the version. */
  public String registerBytes(String version, byte[] model) throws IOException {
    store.write(key(version), model);
    return version;
  }

  @Override
  public synchronized Optional<String> resolve(String pointer) {
    return Optional.ofNullable(pointers.get(pointer));
  }

  @Override
  public String register(String version, String modelUri, Map<String, String> labels)
      throws IOException {
    store.write(key(version), store.read(store.key(modelUri)));
    return version;
  }

  @Override
  public String modelUri(String version) {
    return store.uri(key(version));
  }

  @Override
  public byte[] readModel(String version) throws IOException {
    return store.read(key(version));
  }

  @Override
  public synchronized boolean compareAndSet(
      String pointer, String expectedCurrent, String version) {
    if (!Objects.equals(pointers.get(pointer), expectedCurrent)) {
      return false;
    }
    pointers.put(pointer, version);
    return true;
  }

  private static String key(String version) {
    return "registry/versions/" + version + "/model.onnx";
  }
}
