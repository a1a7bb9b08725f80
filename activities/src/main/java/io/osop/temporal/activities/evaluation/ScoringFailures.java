package io.osop.temporal.activities.evaluation;

import io.temporal.failure.ApplicationFailure;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * The failure types of scoring activities that retrying cannot fix, as constants so that retry
 * policies and tests can name them.
 */
public final class ScoringFailures {

  /** A model that ONNX Runtime refuses, or whose input or output does not fit the dataset. */
  public static final String INVALID_MODEL = "InvalidModel";

  /** A dataset whose manifest or split files are malformed. */
  public static final String INVALID_DATASET = "InvalidDataset";

  /** A metric name the evaluate handler does not know. */
  public static final String UNKNOWN_METRIC = "UnknownMetric";

  /** A model, dataset or session that does not exist; it will not appear on a retry. */
  public static final String MISSING_OBJECT = "MissingObject";

  /** A node config value of the wrong type or out of range. */
  public static final String INVALID_CONFIG = "InvalidConfig";

  private ScoringFailures() {}

  /**
   * The failure for an I/O error: non-retryable when an object does not exist, otherwise the error
   * wrapped as it is (retryable).
   */
  public static RuntimeException fromIo(IOException e, String context) {
    if (e instanceof FileNotFoundException || e instanceof NoSuchFileException) {
      return ApplicationFailure.newNonRetryableFailureWithCause(
          context + ": no such object: " + e.getMessage(), MISSING_OBJECT, e);
    }
    return new UncheckedIOException(context + ": I/O failed", e);
  }

  /**
   * The non-retryable failure for a model or dataset problem, prefixed with the node it happened
   * in; any other exception is returned as it is (retryable).
   */
  public static RuntimeException nonRetryable(RuntimeException e, String context) {
    if (e instanceof ModelScoringException) {
      return ApplicationFailure.newNonRetryableFailureWithCause(
          context + ": " + e.getMessage(), INVALID_MODEL, e);
    }
    if (e instanceof InvalidDatasetException) {
      return ApplicationFailure.newNonRetryableFailureWithCause(
          context + ": " + e.getMessage(), INVALID_DATASET, e);
    }
    return e;
  }
}
