package io.osop.temporal.activities.testing;

import io.osop.temporal.activities.storage.ObjectExistsException;
import io.osop.temporal.activities.storage.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/** An object store in memory with the same create-once and compare-and-swap rules, for tests. */
public final class InMemoryObjectStore implements ObjectStore {

  private static final String SCHEME = "mem://";

  private record Stored(byte[] bytes, long generation) {}

  private final Map<String, Stored> objects = new TreeMap<>();
  private final AtomicLong generations = new AtomicLong();

  @Override
  public String uri(String key) {
    return SCHEME + key;
  }

  @Override
  public String key(String uri) {
    if (!uri.startsWith(SCHEME)) {
      throw new IllegalArgumentException("not a URI of this store: " + uri);
    }
    return uri.substring(SCHEME.length());
  }

  @Override
  public synchronized OutputStream create(String key) {
    return new ByteArrayOutputStream() {
      @Override
      public void close() throws IOException {
        put(key, toByteArray());
      }
    };
  }

  private synchronized void put(String key, byte[] bytes) throws ObjectExistsException {
    Stored existing = objects.get(key);
    if (existing != null) {
      if (Arrays.equals(existing.bytes, bytes)) {
        return;
      }
      throw new ObjectExistsException(key);
    }
    objects.put(key, new Stored(bytes, generations.incrementAndGet()));
  }

  @Override
  public synchronized InputStream open(String key) throws IOException {
    Stored stored = objects.get(key);
    if (stored == null) {
      throw new FileNotFoundException("no such object: " + uri(key));
    }
    return new ByteArrayInputStream(stored.bytes);
  }

  @Override
  public synchronized Optional<ObjectInfo> stat(String key) {
    return Optional.ofNullable(objects.get(key)).map(stored -> info(key, stored));
  }

  @Override
  public synchronized List<ObjectInfo> list(String prefix) {
    return objects.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(prefix))
        .map(entry -> info(entry.getKey(), entry.getValue()))
        .toList();
  }

  @Override
  public synchronized void delete(String key) {
    objects.remove(key);
  }

  @Override
  public synchronized boolean replace(String key, byte[] bytes, long expectedGeneration) {
    Stored existing = objects.get(key);
    long current = existing == null ? 0 : existing.generation;
    if (current != expectedGeneration) {
      return false;
    }
    objects.put(key, new Stored(bytes.clone(), generations.incrementAndGet()));
    return true;
  }

  private static ObjectInfo info(String key, Stored stored) {
    CRC32C crc = new CRC32C();
    crc.update(stored.bytes);
    byte[] checksum = new byte[4];
    long value = crc.getValue();
    for (int i = 0; i < 4; i++) {
      checksum[i] = (byte) (value >>> (24 - 8 * i));
    }
    return new ObjectInfo(
        key, stored.bytes.length, Base64.getEncoder().encodeToString(checksum), stored.generation);
  }
}
