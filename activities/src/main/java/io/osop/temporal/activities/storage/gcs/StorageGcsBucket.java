package io.osop.temporal.activities.storage.gcs;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link GcsBucket} on the Google Cloud Storage client. */
public final class StorageGcsBucket implements GcsBucket {

  private static final int PRECONDITION_FAILED = 412;
  private static final int NOT_FOUND = 404;

  private final Storage storage;
  private final String bucket;
  private final int chunkBytes;

  /** Wraps a client for one bucket. */
  public StorageGcsBucket(Storage storage, String bucket, int chunkBytes) {
    this.storage = storage;
    this.bucket = bucket;
    this.chunkBytes = chunkBytes;
  }

  @Override
  public WritableByteChannel upload(String name) throws IOException {
    BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, name)).build();
    try {
      WriteChannel channel = storage.writer(info, Storage.BlobWriteOption.doesNotExist());
      channel.setChunkSize(chunkBytes);
      return new TranslatingChannel(channel, name);
    } catch (StorageException e) {
      throw translate("upload", name, e);
    }
  }

  @Override
  public StoredObject composeIfAbsent(String source, String target) throws IOException {
    Storage.ComposeRequest request =
        Storage.ComposeRequest.newBuilder()
            .addSource(source)
            .setTarget(BlobInfo.newBuilder(BlobId.of(bucket, target)).build())
            .setTargetOptions(Storage.BlobTargetOption.doesNotExist())
            .build();
    try {
      Blob composed = storage.compose(request);
      return composed != null
          ? describe(composed)
          : get(target).orElseThrow(() -> new IOException("composed object missing: " + target));
    } catch (StorageException e) {
      throw translate("compose", target, e);
    }
  }

  @Override
  public StoredObject writeIfGeneration(String name, byte[] bytes, long expectedGeneration)
      throws IOException {
    BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, name)).build();
    Storage.BlobTargetOption precondition =
        expectedGeneration == 0
            ? Storage.BlobTargetOption.doesNotExist()
            : Storage.BlobTargetOption.generationMatch(expectedGeneration);
    try {
      return describe(storage.create(info, bytes, precondition));
    } catch (StorageException e) {
      throw translate("write", name, e);
    }
  }

  @Override
  public Optional<StoredObject> get(String name) throws IOException {
    try {
      return Optional.ofNullable(storage.get(BlobId.of(bucket, name)))
          .map(StorageGcsBucket::describe);
    } catch (StorageException e) {
      if (e.getCode() == NOT_FOUND) {
        return Optional.empty();
      }
      throw translate("get", name, e);
    }
  }

  @Override
  public ReadableByteChannel read(String name, long generation) throws IOException {
    try {
      return storage.reader(BlobId.of(bucket, name, generation));
    } catch (StorageException e) {
      throw translate("read", name, e);
    }
  }

  @Override
  public List<StoredObject> list(String prefix) throws IOException {
    try {
      List<StoredObject> objects = new ArrayList<>();
      for (Blob blob : storage.list(bucket, Storage.BlobListOption.prefix(prefix)).iterateAll()) {
        objects.add(describe(blob));
      }
      return objects;
    } catch (StorageException e) {
      throw translate("list", prefix, e);
    }
  }

  @Override
  public boolean delete(String name) throws IOException {
    try {
      return storage.delete(BlobId.of(bucket, name));
    } catch (StorageException e) {
      throw translate("delete", name, e);
    }
  }

  /** Turns the client's unchecked errors on upload into checked ones that name the object. */
  private final class TranslatingChannel implements WritableByteChannel {
    private final WriteChannel channel;
    private final String name;

    TranslatingChannel(WriteChannel channel, String name) {
      this.channel = channel;
      this.name = name;
    }

    @Override
    public int write(java.nio.ByteBuffer src) throws IOException {
      try {
        return channel.write(src);
      } catch (StorageException e) {
        throw translate("upload", name, e);
      }
    }

    @Override
    public boolean isOpen() {
      return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
      try {
        channel.close();
      } catch (StorageException e) {
        throw translate("upload", name, e);
      }
    }
  }

  private static StoredObject describe(Blob blob) {
    Long generation = blob.getGeneration();
    Long size = blob.getSize();
    return new StoredObject(
        blob.getName(),
        size == null ? 0 : size,
        blob.getCrc32c(),
        generation == null ? 0 : generation);
  }

  private IOException translate(String operation, String name, StorageException e) {
    if (e.getCode() == PRECONDITION_FAILED) {
      return new GcsPreconditionFailedException(name, e);
    }
    return new IOException(
        "GCS "
            + operation
            + " failed: bucket="
            + bucket
            + " object="
            + name
            + " code="
            + e.getCode(),
        e);
  }
}
