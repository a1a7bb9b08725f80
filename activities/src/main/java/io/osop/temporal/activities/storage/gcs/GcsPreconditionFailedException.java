package io.osop.temporal.activities.storage.gcs;

import java.io.IOException;

/** Thrown when a generation precondition of a bucket write does not hold (HTTP 412). */
public class GcsPreconditionFailedException extends IOException {

  /** Creates the exception for an object name. */
  public GcsPreconditionFailedException(String name, Throwable cause) {
    super("generation precondition failed: object=" + name, cause);
  }
}
