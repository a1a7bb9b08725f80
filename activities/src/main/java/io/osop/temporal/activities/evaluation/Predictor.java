package io.osop.temporal.activities.evaluation;

/**
 * Something that turns rows of features into probabilities of the positive class: an ONNX model or
 * the majority-class baseline. Predicted class = probability >= 0.5.
 */
public interface Predictor extends AutoCloseable {

  /** The threshold at or above which a probability predicts the positive class. */
  double THRESHOLD = 0.5;

  /** A short name for reports and logs: a model version, a URI or {@code majority-class}. */
  String name();

  /** The positive-class probability of every row, in row order. */
  float[] probabilities(float[][] rows);

  /** The predicted class of every row. */
  default int[] predict(float[][] rows) {
    float[] probabilities = probabilities(rows);
    int[] classes = new int[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      classes[i] = probabilities[i] >= THRESHOLD ? 1 : 0;
    }
    return classes;
  }

  /** Releases native resources; predictors without any keep the default. */
  @Override
  default void close() {}
}
