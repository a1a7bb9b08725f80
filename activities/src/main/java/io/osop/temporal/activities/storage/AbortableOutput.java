package io.osop.temporal.activities.storage;

import java.io.IOException;

/**
 * Implemented by the streams {@link ObjectStore#create} returns when the store can drop a half
 * written object without publishing it; {@link ObjectWrites} uses it when the writer fails.
 */
public interface AbortableOutput {

  /** Discards everything written so far; the object is not published and close does nothing. */
  void abort() throws IOException;
}
