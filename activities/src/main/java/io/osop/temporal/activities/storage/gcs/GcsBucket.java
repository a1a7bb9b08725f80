package io.osop.temporal.activities.storage.gcs;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Optional;

/**
 * The few bucket operations the GCS object store needs, with preconditions made explicit. {@link
 * StorageGcsBucket} maps them onto the Google Cloud Storage client; tests put a fake behind it that
 * can fail half way and lose responses.
 */
public interface GcsBucket {

  /**
   * Starts an upload of a new object. The object becomes visible only when the channel closes
   * without error; an upload abandoned half way leaves nothing.
   */
  WritableByteChannel upload(String name) throws IOException;

  /**
   * Copies {@code source} to {@code target} in one server-side step, only if {@code target} does
   * not exist yet.
   *
   * @throws GcsPreconditionFailedException when {@code target} already exists
   */
  StoredObject composeIfAbsent(String source, String target) throws IOException;

  /**
   * Writes a small object only if its generation is {@code expectedGeneration} (0: it must not
   * exist).
   *
   * @throws GcsPreconditionFailedException when the generation differs
   */
  StoredObject writeIfGeneration(String name, byte[] bytes, long expectedGeneration)
      throws IOException;

  /** The object's metadata, or empty when it does not exist. */
  Optional<StoredObject> get(String name) throws IOException;

  /** Reads one generation of an object. */
  ReadableByteChannel read(String name, long generation) throws IOException;

  /** Every object whose name starts with the prefix, in any order. */
  List<StoredObject> list(String prefix) throws IOException;

  /** Deletes an object; returns false when it did not exist. */
  boolean delete(String name) throws IOException;

  /**
   * Metadata of one object as the bucket reports it.
   *
   * @param name the full object name
   * @param size bytes
   * @param crc32c the CRC32C of the content, base64 of the four big-endian bytes
   * @param generation the object's generation
   */
  record StoredObject(String name, long size, String crc32c, long generation) {}
}
