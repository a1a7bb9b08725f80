package io.osop.temporal.activities.evaluation;

import java.util.Arrays;

/**
 * The baseline used when no production model exists: predicts, for every row, the class most
 * frequent among the training labels (ties go to the negative class).
 */
public final class MajorityClassPredictor implements Predictor {

  /** The name reports give this baseline. */
  public static final String NAME = "majority-class";

  private final int majorityClass;

  private MajorityClassPredictor(int majorityClass) {
    this.majorityClass = majorityClass;
  }

  /** The predictor for the majority class of these labels (0 or 1 each). */
  public static MajorityClassPredictor fromLabels(int[] labels) {
    long positives = Arrays.stream(labels).filter(label -> label == 1).count();
    long negatives = labels.length - positives;
    return new MajorityClassPredictor(positives > negatives ? 1 : 0);
  }

  /** The class predicted for every row. */
  public int majorityClass() {
    return majorityClass;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public float[] probabilities(float[][] rows) {
    float[] probabilities = new float[rows.length];
    Arrays.fill(probabilities, majorityClass);
    return probabilities;
  }
}
