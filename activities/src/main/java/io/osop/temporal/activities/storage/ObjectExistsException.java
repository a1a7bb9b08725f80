package io.osop.temporal.activities.storage;

import java.io.IOException;

/** Thrown when creating an object whose key already holds different content. */
public class ObjectExistsException extends IOException {
  /** Creates the exception for a key. */
  public ObjectExistsException(String key) {
    super("object already exists with different content: key=" + key);
  }
}
