package io.osop.temporal.activities.data;

import java.io.IOException;

/**
 * A feature table or its schema is malformed (a bad row, a missing column, a non-numeric value);
 * the message names the file and line. Retrying cannot help.
 */
public class TableFormatException extends IOException {

  /** Creates the exception with a message that names where the problem is. */
  public TableFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the parser's own error. */
  public TableFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
