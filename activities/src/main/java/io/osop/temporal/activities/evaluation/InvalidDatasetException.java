package io.osop.temporal.activities.evaluation;

/** A dataset whose manifest or split files do not follow the layout prepare-data writes. */
public class InvalidDatasetException extends RuntimeException {

  /** Creates the exception with a message naming the file and position. */
  public InvalidDatasetException(String message) {
    super(message);
  }

  /** Creates the exception with a message naming the file, and its cause. */
  public InvalidDatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
