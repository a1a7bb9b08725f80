package io.osop.temporal.activities.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.osop.temporal.activities.storage.ObjectExistsException;
import io.osop.temporal.activities.storage.ObjectKeys;
import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.activities.storage.ObjectStore.ObjectInfo;
import io.osop.temporal.activities.storage.ObjectWrites;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ModelRegistry} kept in any {@link ObjectStore}: versions are immutable objects under
 * {@code <prefix>/versions/<version>/} ({@code model.onnx}, {@code labels.json}) and pointers are
 * small JSON objects ({@code <prefix>/production/latest}) moved with the store's compare-and-swap,
 * each carrying the history of its moves.
 */
public final class ObjectStoreModelRegistry implements ModelRegistry {

  /** The prefix the registry uses when none is given. */
  public static final String DEFAULT_PREFIX = "models";

  private static final Logger log = LoggerFactory.getLogger(ObjectStoreModelRegistry.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final int READ_ATTEMPTS = 5;

  private final ObjectStore store;
  private final String prefix;

  /** Creates a registry under {@link #DEFAULT_PREFIX}. */
  public ObjectStoreModelRegistry(ObjectStore store) {
    this(store, DEFAULT_PREFIX);
  }

  /** Creates a registry under a key prefix of the store. */
  public ObjectStoreModelRegistry(ObjectStore store, String prefix) {
    this.store = Objects.requireNonNull(store, "store");
    this.prefix = ObjectKeys.requireValid(prefix);
  }

  @Override
  public Optional<String> resolve(String pointer) throws IOException {
    return pointer(pointer).map(PointerState::version);
  }

  @Override
  public Optional<PointerState> pointer(String pointer) throws IOException {
    return readPointer(pointerKey(pointer)).map(PointerObject::state);
  }

  @Override
  public String register(String version, String modelUri, Map<String, String> labels)
      throws IOException {
    String modelKey = versionKey(version) + "/model.onnx";
    try (InputStream model = openModel(modelUri)) {
      ObjectWrites.create(store, modelKey, model::transferTo);
    } catch (ObjectExistsException e) {
      throw new ObjectExistsException(
          modelKey + " (version " + version + " is already registered with a different model)");
    }

    String labelsKey = versionKey(version) + "/labels.json";
    byte[] labelBytes = JSON.writeValueAsBytes(new TreeMap<>(labels));
    try {
      store.write(labelsKey, labelBytes);
    } catch (ObjectExistsException e) {
      log.warn(
          "Version was registered before with other labels; the first labels are kept."
              + " version={} key={}",
          version,
          labelsKey);
    }
    log.info("Registered model version. version={} uri={}", version, store.uri(modelKey));
    return version;
  }

  @Override
  public String modelUri(String version) {
    return store.uri(versionKey(version) + "/model.onnx");
  }

  @Override
  public byte[] readModel(String version) throws IOException {
    return store.read(versionKey(version) + "/model.onnx");
  }

  /** The labels kept beside a version. */
  public Map<String, String> labels(String version) throws IOException {
    byte[] bytes = store.read(versionKey(version) + "/labels.json");
    return JSON.readValue(
        bytes, JSON.getTypeFactory().constructMapType(TreeMap.class, String.class, String.class));
  }

  @Override
  public boolean compareAndSet(
      String pointer, String expectedCurrent, String version, String movedBy) throws IOException {
    if (version != null && store.stat(versionKey(version) + "/model.onnx").isEmpty()) {
      throw new IOException(
          "cannot point " + pointer + " at version " + version + ": it is not registered");
    }
    String key = pointerKey(pointer);
    Optional<PointerObject> current = readPointer(key);
    String currentVersion = current.map(p -> p.state().version()).orElse(null);
    if (!Objects.equals(currentVersion, expectedCurrent)) {
      return false;
    }

    List<Map<String, Object>> history = new ArrayList<>();
    current.ifPresent(p -> history.addAll(p.history()));
    Map<String, Object> move = new TreeMap<>();
    move.put("version", version);
    move.put("previous", currentVersion);
    move.put("moved_by", movedBy);
    move.put("moved_at", Instant.now().toString());
    history.add(move);
    Map<String, Object> body = new TreeMap<>(move);
    body.put("history", history);

    long generation = current.map(PointerObject::generation).orElse(0L);
    boolean moved = store.replace(key, JSON.writeValueAsBytes(body), generation);
    if (moved) {
      log.info(
          "Moved registry pointer. pointer={} from={} to={} movedBy={}",
          key,
          currentVersion,
          version,
          movedBy);
    }
    return moved;
  }

  private Optional<PointerObject> readPointer(String key) throws IOException {
    // Read between two stats so the content and the generation belong to the same write.
    for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      Optional<ObjectInfo> before = store.stat(key);
      if (before.isEmpty()) {
        return Optional.empty();
      }
      byte[] bytes = store.read(key);
      Optional<ObjectInfo> after = store.stat(key);
      if (after.isPresent() && after.get().generation() == before.get().generation()) {
        return Optional.of(PointerObject.parse(key, bytes, before.get().generation()));
      }
    }
    throw new IOException("registry pointer kept changing while being read: key=" + key);
  }

  private InputStream openModel(String modelUri) throws IOException {
    try {
      return store.open(store.key(modelUri));
    } catch (IllegalArgumentException notThisStore) {
      URI uri = URI.create(modelUri);
      if ("file".equals(uri.getScheme())) {
        return Files.newInputStream(Path.of(uri));
      }
      throw new IOException(
          "model URI belongs to neither this registry's store nor the local disk: uri=" + modelUri,
          notThisStore);
    }
  }

  private String versionKey(String version) {
    if (version == null || version.isEmpty() || version.contains("/")) {
      throw new IllegalArgumentException("model version must be one path segment: " + version);
    }
    return ObjectKeys.requireValid(prefix + "/versions/" + version);
  }

  private String pointerKey(String pointer) {
    String key = pointer.startsWith(prefix + "/") ? pointer : prefix + "/" + pointer;
    if (key.startsWith(prefix + "/versions/")) {
      throw new IllegalArgumentException("pointer names must not lie under versions/: " + pointer);
    }
    return ObjectKeys.requireValid(key);
  }

  /** A pointer object as stored, with the generation it was read at. */
  private record PointerObject(
      PointerState state, List<Map<String, Object>> history, long generation) {

    @SuppressWarnings("unchecked")
    static PointerObject parse(String key, byte[] bytes, long generation) throws IOException {
      Map<String, Object> body;
      try {
        body = JSON.readValue(bytes, Map.class);
      } catch (IOException e) {
        throw new IOException("registry pointer is not valid JSON: key=" + key, e);
      }
      Object history = body.getOrDefault("history", List.of());
      return new PointerObject(
          new PointerState(
              (String) body.get("version"),
              (String) body.get("previous"),
              (String) body.get("moved_by")),
          history instanceof List<?> list ? (List<Map<String, Object>>) list : List.of(),
          generation);
    }
  }
}
