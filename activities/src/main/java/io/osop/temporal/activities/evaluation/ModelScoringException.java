package io.osop.temporal.activities.evaluation;

/**
 * A model that cannot be loaded or scored as this project's models must be: one float input of
 * shape [N, F] and a first output of shape [N, 1] or [N]. Retrying does not help.
 */
public class ModelScoringException extends RuntimeException {

  /** Creates the exception with a message that names the model. */
  public ModelScoringException(String message) {
    super(message);
  }

  /** Creates the exception with a message that names the model, and its cause. */
  public ModelScoringException(String message, Throwable cause) {
    super(message, cause);
  }
}
