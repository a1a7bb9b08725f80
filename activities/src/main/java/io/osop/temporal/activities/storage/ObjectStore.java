package io.osop.temporal.activities.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where runs keep their artifacts. Keys are slash-separated paths relative to the store's root;
 * URIs ({@code file://...}, {@code gs://...}) are what outputs and summaries show. A written object
 * becomes visible only once complete, and creating an object that exists is refused.
 */
public interface ObjectStore {

  /** The store's URI for a key. */
  String uri(String key);

  /** The key of a URI of this store; fails when the URI belongs elsewhere. */
  String key(String uri);

  /**
   * Opens a new object for writing; it becomes visible, all at once, when the stream is closed
   * without error. Fails with {@link ObjectExistsException} when the key already holds different
   * content; a retry that writes the same bytes again succeeds without a second copy.
   */
  OutputStream create(String key) throws IOException;

  /** Opens an object for streaming reads. */
  InputStream open(String key) throws IOException;

  /** The object's metadata, or empty when it does not exist. */
  Optional<ObjectInfo> stat(String key) throws IOException;

  /** Every object whose key starts with the prefix, sorted by key. */
  List<ObjectInfo> list(String prefix) throws IOException;

  /** Deletes an object; does nothing when it does not exist. */
  void delete(String key) throws IOException;

  /**
   * Replaces a small object only if its generation is still {@code expectedGeneration} (0: the
   * object must not exist yet); returns false, changing nothing, when another writer came first.
   * Pointers such as {@code models/production/latest} are moved with it.
   */
  boolean replace(String key, byte[] bytes, long expectedGeneration) throws IOException;

  /** The object's file on this machine when the store keeps objects as local files. */
  default Optional<Path> localPath(String key) {
    return Optional.empty();
  }

  /** Writes a small object in one call. */
  default void write(String key, byte[] bytes) throws IOException {
    try (OutputStream out = create(key)) {
      out.write(bytes);
    }
  }

  /** Reads a small object in one call. */
  default byte[] read(String key) throws IOException {
    try (InputStream in = open(key)) {
      return in.readAllBytes();
    }
  }

  /**
   * Metadata of one stored object.
   *
   * @param key the key
   * @param size bytes
   * @param crc32c the CRC32C of the content, base64 as GCS reports it
   * @param generation a number that changes on every write (GCS generation, file mtime locally)
   */
  record ObjectInfo(String key, long size, String crc32c, long generation) {}
}
