package io.osop.temporal.activities.storage;

import java.io.IOException;
import java.io.OutputStream;

/** Writes objects so that a writer's failure never leaves a partial object visible. */
public final class ObjectWrites {

  /** Writes the content of an object to a stream. */
  @FunctionalInterface
  public interface Body {
    /** Writes the object's bytes. */
    void writeTo(OutputStream out) throws IOException;
  }

  private ObjectWrites() {}

  /**
   * Creates {@code key} with what {@code body} writes. When the body throws, the object is
   * abandoned (or deleted, for stores that cannot abandon) and the error is rethrown.
   */
  public static void create(ObjectStore store, String key, Body body) throws IOException {
    OutputStream out = store.create(key);
    try {
      body.writeTo(out);
    } catch (IOException | RuntimeException | Error e) {
      abandon(store, key, out, e);
      throw e;
    }
    out.close();
  }

  private static void abandon(ObjectStore store, String key, OutputStream out, Throwable cause) {
    try {
      if (out instanceof AbortableOutput abortable) {
        abortable.abort();
      } else {
        out.close();
        store.delete(key);
      }
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
