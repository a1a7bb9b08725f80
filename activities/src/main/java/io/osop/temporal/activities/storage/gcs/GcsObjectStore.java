package io.osop.temporal.activities.storage.gcs;

import com.google.cloud.storage.Storage;
import io.osop.temporal.activities.storage.ObjectExistsException;
import io.osop.temporal.activities.storage.ObjectKeys;
import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.activities.storage.gcs.GcsBucket.StoredObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ObjectStore} on a Google Cloud Storage bucket. A new object is streamed to a temporary
 * name and then composed onto its key with a does-not-exist precondition, so nothing partial is
 * ever visible under a key and a retried write can neither clobber nor duplicate: when the
 * precondition fails, the existing object's CRC32C and size decide whether it is this write's
 * (success) or someone else's ({@link io.osop.temporal.activities.storage.ObjectExistsException}).
 */
public final class GcsObjectStore implements ObjectStore {

  /**
   * The folder, under the store's root, where uploads wait before they are composed onto a key; its
   * name has the reserved prefix no object key may use.
   */
  public static final String TEMPORARY_FOLDER = ".osop-uploads/";

  private static final Logger log = LoggerFactory.getLogger(GcsObjectStore.class);

  private final GcsSettings settings;
  private final GcsBucket bucket;

  /** A store on the bucket and prefix of the settings, through the Google Cloud Storage client. */
  public GcsObjectStore(GcsSettings settings, Storage storage) {
    this(settings, new StorageGcsBucket(storage, settings.bucket(), settings.uploadChunkBytes()));
  }

  /** A store on any {@link GcsBucket}; tests use it with a fake. */
  public GcsObjectStore(GcsSettings settings, GcsBucket bucket) {
    this.settings = settings;
    this.bucket = bucket;
  }

  @Override
  public String uri(String key) {
    return "gs://"
        + settings.bucket()
        + "/"
        + settings.prefix()
        + ObjectKeys.requireValidPrefix(key);
  }

  @Override
  public String key(String uri) {
    String root = "gs://" + settings.bucket() + "/" + settings.prefix();
    if (uri == null || !uri.startsWith(root) || uri.length() == root.length()) {
      throw new IllegalArgumentException(
          "URI is not in this object store: uri=" + uri + " root=" + root);
    }
    return ObjectKeys.requireValidPrefix(uri.substring(root.length()));
  }

  @Override
  public OutputStream create(String key) throws IOException {
    String target = objectName(key);
    String temporary = settings.prefix() + TEMPORARY_FOLDER + UUID.randomUUID();
    return new GcsUploadStream(
        Channels.newOutputStream(bucket.upload(temporary)),
        (crc32c, size) -> commit(key, temporary, target, crc32c, size),
        () -> discard(temporary));
  }

  @Override
  public InputStream open(String key) throws IOException {
    String name = objectName(key);
    StoredObject object = bucket.get(name).orElseThrow(() -> new FileNotFoundException(uri(key)));
    return Channels.newInputStream(bucket.read(name, object.generation()));
  }

  @Override
  public Optional<ObjectInfo> stat(String key) throws IOException {
    return bucket.get(objectName(key)).map(this::info);
  }

  @Override
  public List<ObjectInfo> list(String prefix) throws IOException {
    String temporary = settings.prefix() + TEMPORARY_FOLDER;
    List<ObjectInfo> objects = new ArrayList<>();
    for (StoredObject object :
        bucket.list(settings.prefix() + ObjectKeys.requireValidPrefix(prefix))) {
      if (!object.name().startsWith(temporary)) {
        objects.add(info(object));
      }
    }
    objects.sort(Comparator.comparing(ObjectInfo::key));
    return objects;
  }

  @Override
  public void delete(String key) throws IOException {
    bucket.delete(objectName(key));
  }

  @Override
  public boolean replace(String key, byte[] bytes, long expectedGeneration) throws IOException {
    String name = objectName(key);
    try {
      bucket.writeIfGeneration(name, bytes, expectedGeneration);
      return true;
    } catch (GcsPreconditionFailedException e) {
      // A retry whose first try landed finds the object at a newer generation holding exactly
      // these bytes; that is this write, not another writer's.
      Optional<StoredObject> current = bucket.get(name);
      boolean ours =
          current.isPresent()
              && current.get().size() == bytes.length
              && current.get().crc32c().equals(Crc32c.base64(bytes))
              && Arrays.equals(read(key), bytes);
      log.debug(
          "Replace lost its precondition. key={} expectedGeneration={} ours={}",
          key,
          expectedGeneration,
          ours);
      return ours;
    }
  }

  private void commit(String key, String temporary, String target, String crc32c, long size)
      throws IOException {
    try {
      bucket.composeIfAbsent(temporary, target);
      log.debug("Object written. uri={} bytes={}", uri(key), size);
    } catch (GcsPreconditionFailedException e) {
      StoredObject existing =
          bucket
              .get(target)
              .orElseThrow(() -> new IOException("object vanished during write: " + uri(key), e));
      if (existing.size() != size || !crc32c.equals(existing.crc32c())) {
        throw new ObjectExistsException(key);
      }
      log.info(
          "Object already holds these bytes; treating the write as done. uri={} bytes={}",
          uri(key),
          size);
    } finally {
      discard(temporary);
    }
  }

  private void discard(String temporary) {
    try {
      bucket.delete(temporary);
    } catch (IOException e) {
      // A leftover upload is invisible to readers of the store and removed by the bucket's
      // lifecycle rule, so it must not fail a write that has already succeeded or failed.
      log.warn("Could not delete a temporary upload. object={}", temporary, e);
    }
  }

  private ObjectInfo info(StoredObject object) {
    return new ObjectInfo(
        object.name().substring(settings.prefix().length()),
        object.size(),
        object.crc32c(),
        object.generation());
  }

  private String objectName(String key) {
    return settings.prefix() + ObjectKeys.requireValid(key);
  }
}
