package io.osop.temporal.activities.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.osop.temporal.activities.storage.ObjectExistsException;
import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.activities.storage.ObjectStore.ObjectInfo;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Small JSON objects (reports, endpoint and session state) kept in an object store, read and
 * written whole; updates use the store's compare-and-swap so two writers never lose each other's
 * change.
 */
public final class JsonDocuments {

  private static final int MAX_ATTEMPTS = 20;

  private final ObjectStore store;
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Creates the documents view of a store. */
  public JsonDocuments(ObjectStore store) {
    this.store = store;
  }

  /** The store underneath. */
  public ObjectStore store() {
    return store;
  }

  /** The document at a key, or empty when there is none. */
  public <T> Optional<T> read(String key, Class<T> type) throws IOException {
    if (store.stat(key).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(mapper.readValue(store.read(key), type));
  }

  /** A document serialized as this class writes it. */
  public byte[] bytes(Object value) throws IOException {
    return mapper.writeValueAsBytes(value);
  }

  /**
   * Writes a document once: returns true when this call wrote it, false when the key already held a
   * document (which is left as it is).
   */
  public boolean createIfAbsent(String key, Object value) throws IOException {
    try {
      store.write(key, bytes(value));
      return true;
    } catch (ObjectExistsException e) {
      return false;
    }
  }

  /** Writes a document, replacing whatever the key held. */
  public void put(String key, Object value) throws IOException {
    byte[] bytes = bytes(value);
    update(key, Object.class, current -> value, bytes);
  }

  /**
   * Replaces the document at a key with {@code change} applied to the current one (null when
   * absent); a null result deletes the document. Retries when another writer came first.
   */
  public <T> void update(String key, Class<T> type, UnaryOperator<T> change) throws IOException {
    update(key, type, change, null);
  }

  private <T> void update(String key, Class<T> type, UnaryOperator<T> change, byte[] fixed)
      throws IOException {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<ObjectInfo> info = store.stat(key);
      T current = info.isPresent() ? mapper.readValue(store.read(key), type) : null;
      T next = change.apply(current);
      if (next == null) {
        store.delete(key);
        return;
      }
      byte[] bytes = fixed != null ? fixed : bytes(next);
      long generation = info.map(ObjectInfo::generation).orElse(0L);
      if (store.replace(key, bytes, generation)) {
        return;
      }
    }
    throw new IOException(
        "gave up replacing a document that other writers kept changing: key="
            + store.uri(key)
            + " attempts="
            + MAX_ATTEMPTS);
  }
}
