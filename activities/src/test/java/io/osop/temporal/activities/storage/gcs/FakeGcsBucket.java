package io.osop.temporal.activities.storage.gcs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory bucket with GCS's visibility and precondition rules that can fail an upload half way
 * and lose the response of an operation that did happen.
 */
public final class FakeGcsBucket implements GcsBucket {

  private record Stored(byte[] bytes, long generation) {}

  private final Map<String, Stored> objects = new TreeMap<>();
  private final AtomicLong generations = new AtomicLong(1000);
  private long failUploadAfterBytes = -1;
  private boolean loseNextComposeResponse;
  private boolean loseNextWriteResponse;
  int composeCalls;

  /** The next upload throws once this many bytes have been written. */
  synchronized void failNextUploadAfter(long bytes) {
    failUploadAfterBytes = bytes;
  }

  /** The next compose happens but its caller sees a connection error. */
  synchronized void loseNextComposeResponse() {
    loseNextComposeResponse = true;
  }

  /** The next small write happens but its caller sees a connection error. */
  synchronized void loseNextWriteResponse() {
    loseNextWriteResponse = true;
  }

  /** Every visible object name, sorted. */
  public synchronized List<String> names() {
    return new ArrayList<>(objects.keySet());
  }

  synchronized byte[] bytes(String name) {
    return objects.get(name).bytes();
  }

  /** Puts an object as another writer would. */
  synchronized void put(String name, byte[] bytes) {
    objects.put(name, new Stored(bytes.clone(), generations.incrementAndGet()));
  }

  @Override
  public synchronized WritableByteChannel upload(String name) {
    long failAfter = failUploadAfterBytes;
    failUploadAfterBytes = -1;
    return new Upload(name, failAfter);
  }

  @Override
  public synchronized StoredObject composeIfAbsent(String source, String target)
      throws IOException {
    composeCalls++;
    Stored from = objects.get(source);
    if (from == null) {
      throw new IOException("compose source missing: " + source);
    }
    if (objects.containsKey(target)) {
      throw new GcsPreconditionFailedException(target, null);
    }
    Stored composed = new Stored(from.bytes(), generations.incrementAndGet());
    objects.put(target, composed);
    if (loseNextComposeResponse) {
      loseNextComposeResponse = false;
      throw new IOException("connection reset while reading the compose response");
    }
    return describe(target, composed);
  }

  @Override
  public synchronized StoredObject writeIfGeneration(String name, byte[] bytes, long expected)
      throws IOException {
    Stored current = objects.get(name);
    long actual = current == null ? 0 : current.generation();
    if (actual != expected) {
      throw new GcsPreconditionFailedException(name, null);
    }
    Stored written = new Stored(bytes.clone(), generations.incrementAndGet());
    objects.put(name, written);
    if (loseNextWriteResponse) {
      loseNextWriteResponse = false;
      throw new IOException("connection reset while reading the write response");
    }
    return describe(name, written);
  }

  @Override
  public synchronized Optional<StoredObject> get(String name) {
    return Optional.ofNullable(objects.get(name)).map(stored -> describe(name, stored));
  }

  @Override
  public synchronized ReadableByteChannel read(String name, long generation) throws IOException {
    Stored stored = objects.get(name);
    if (stored == null || stored.generation() != generation) {
      throw new IOException("no such generation: " + name + "#" + generation);
    }
    return Channels.newChannel(new java.io.ByteArrayInputStream(stored.bytes()));
  }

  @Override
  public synchronized List<StoredObject> list(String prefix) {
    List<StoredObject> listed = new ArrayList<>();
    objects.forEach(
        (name, stored) -> {
          if (name.startsWith(prefix)) {
            listed.add(describe(name, stored));
          }
        });
    return listed;
  }

  @Override
  public synchronized boolean delete(String name) {
    return objects.remove(name) != null;
  }

  private static StoredObject describe(String name, Stored stored) {
    return new StoredObject(
        name, stored.bytes().length, Crc32c.base64(stored.bytes()), stored.generation());
  }

  /** An upload that becomes an object only when closed, like a resumable upload session. */
  private final class Upload implements WritableByteChannel {
    private final String name;
    private final long failAfter;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean open = true;

    Upload(String name, long failAfter) {
      this.name = name;
      this.failAfter = failAfter;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      int n = src.remaining();
      if (failAfter >= 0 && buffer.size() + n > failAfter) {
        throw new IOException("connection reset during upload of " + name);
      }
      byte[] chunk = new byte[n];
      src.get(chunk);
      buffer.write(chunk);
      return n;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        synchronized (FakeGcsBucket.this) {
          objects.put(name, new Stored(buffer.toByteArray(), generations.incrementAndGet()));
        }
      }
    }
  }
}
