package io.osop.temporal.activities.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.osop.temporal.activities.testing.LogisticOnnxModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxScoringTest {

  private static final float[][] ROWS = {{2, 1}, {0, 3}, {1, 1}};

  @Test
  void scoresTheSigmoidOfTheLinearScoreForEitherOutputShape() {
    float[] weights = {0.5f, -1};
    try (OnnxScorer column = OnnxScorer.load(LogisticOnnxModel.of(weights, 0.25f), "column");
        OnnxScorer flat = OnnxScorer.load(LogisticOnnxModel.flat(weights, 0.25f), "flat")) {
      float[] fromColumn = column.probabilities(ROWS);
      float[] fromFlat = flat.probabilities(ROWS);

      for (int i = 0; i < ROWS.length; i++) {
        double z = 0.5 * ROWS[i][0] - ROWS[i][1] + 0.25;
        assertThat((double) fromColumn[i]).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-6));
      }
      assertThat(fromFlat).containsExactly(fromColumn);
      assertThat(column.predict(ROWS)).containsExactly(1, 0, 0);
      assertThat(column.declaredWidth()).isEqualTo(2);
    }
  }

  @Test
  void rowsOfAnotherWidthAreRefusedBeforeScoring() {
    try (OnnxScorer scorer = OnnxScorer.load(LogisticOnnxModel.of(new float[] {1, 1}, 0), "m")) {
      assertThatThrownBy(() -> scorer.probabilities(new float[][] {{1, 2, 3}}))
          .isInstanceOf(ModelScoringException.class)
          .hasMessageContaining("expects 2 features per row, got 3");
      assertThatThrownBy(() -> scorer.requireWidth(List.of("a", "b", "c")))
          .hasMessageContaining("lists 3 [a, b, c]");
    }
  }

  @Test
  void bytesThatAreNoModelFailNamingTheModel() {
    assertThatThrownBy(() -> OnnxScorer.load(new byte[] {1, 2, 3}, "mem://broken.onnx"))
        .isInstanceOf(ModelScoringException.class)
        .hasMessageContaining("cannot load ONNX model: model=mem://broken.onnx");
  }

  @Test
  void theMajorityClassOfTheLabelsIsPredictedForEveryRowWithTiesNegative() {
    assertThat(MajorityClassPredictor.fromLabels(new int[] {1, 1, 0}).predict(ROWS))
        .containsExactly(1, 1, 1);
    assertThat(MajorityClassPredictor.fromLabels(new int[] {1, 0}).predict(ROWS))
        .containsExactly(0, 0, 0);
  }
}
