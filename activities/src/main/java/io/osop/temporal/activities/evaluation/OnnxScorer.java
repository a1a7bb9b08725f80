package io.osop.temporal.activities.evaluation;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scores rows with an ONNX model in-process on the CPU with ONNX Runtime. The model must take one
 * float tensor of shape [N, F] and yield the positive-class probability as its first output, of
 * shape [N, 1] or [N]. Not safe for concurrent use; close it to free the native session.
 */
public final class OnnxScorer implements Predictor {

  private final String name;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final String inputName;
  private final long declaredWidth;

  private OnnxScorer(
      String name,
      OrtEnvironment environment,
      OrtSession session,
      String inputName,
      long declaredWidth) {
    this.name = name;
    this.environment = environment;
    this.session = session;
    this.inputName = inputName;
    this.declaredWidth = declaredWidth;
  }

  /**
   * Loads a model from its bytes.
   *
   * @param model the serialized ONNX model
   * @param name what errors and reports call the model (its URI or version)
   * @throws ModelScoringException when ONNX Runtime refuses the model or its input is not a float
   *     tensor of rank 2
   */
  public static OnnxScorer load(byte[] model, String name) {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OrtSession session;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // One thread per session: scoring is small, and single-request latency stays comparable
      // on a shared machine.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      session = environment.createSession(model, options);
    } catch (OrtException e) {
      throw new ModelScoringException("cannot load ONNX model: model=" + name, e);
    }
    try {
      Map.Entry<String, NodeInfo> input = firstInput(session, name);
      long width = declaredWidth(input.getValue(), name);
      return new OnnxScorer(name, environment, session, input.getKey(), width);
    } catch (RuntimeException e) {
      closeQuietlyAfterFailure(session, e);
      throw e;
    }
  }

  private static Map.Entry<String, NodeInfo> firstInput(OrtSession session, String name) {
    Map<String, NodeInfo> inputs;
    try {
      inputs = session.getInputInfo();
    } catch (OrtException e) {
      throw new ModelScoringException("cannot read the inputs of ONNX model: model=" + name, e);
    }
    if (inputs.size() != 1) {
      throw new ModelScoringException(
          "ONNX model must have exactly one input, found " + inputs.keySet() + ": model=" + name);
    }
    return inputs.entrySet().iterator().next();
  }

  private static long declaredWidth(NodeInfo input, String name) {
    if (!(input.getInfo() instanceof TensorInfo tensor)
        || tensor.type != OnnxJavaType.FLOAT
        || tensor.getShape().length != 2) {
      throw new ModelScoringException(
          "ONNX model input '"
              + input.getName()
              + "' must be a float tensor of shape [N, F], found "
              + input.getInfo()
              + ": model="
              + name);
    }
    return tensor.getShape()[1];
  }

  private static void closeQuietlyAfterFailure(OrtSession session, RuntimeException failure) {
    try {
      session.close();
    } catch (OrtException e) {
      failure.addSuppressed(e);
    }
  }

  /** The feature count the model declares, or -1 when its second dimension is symbolic. */
  public long declaredWidth() {
    return declaredWidth;
  }

  /**
   * Fails unless the model takes exactly these features.
   *
   * @throws ModelScoringException naming both counts when the model declares another width
   */
  public void requireWidth(List<String> features) {
    if (declaredWidth >= 0 && declaredWidth != features.size()) {
      throw new ModelScoringException(
          "ONNX model expects "
              + declaredWidth
              + " features per row but the dataset manifest lists "
              + features.size()
              + " "
              + features
              + ": model="
              + name);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public float[] probabilities(float[][] rows) {
    if (rows.length == 0) {
      return new float[0];
    }
    int width = rows[0].length;
    if (declaredWidth >= 0 && width != declaredWidth) {
      throw new ModelScoringException(
          "ONNX model expects "
              + declaredWidth
              + " features per row, got "
              + width
              + ": model="
              + name);
    }
    FloatBuffer buffer = FloatBuffer.allocate(rows.length * width);
    for (float[] row : rows) {
      buffer.put(row);
    }
    buffer.rewind();
    try (OnnxTensor tensor =
            OnnxTensor.createTensor(environment, buffer, new long[] {rows.length, width});
        OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
      return positiveClassColumn(result.get(0).getValue(), rows.length);
    } catch (OrtException e) {
      throw new ModelScoringException(
          "ONNX Runtime failed to score " + rows.length + " rows: model=" + name, e);
    }
  }

  private float[] positiveClassColumn(Object output, int rows) {
    float[] column;
    if (output instanceof float[] flat) {
      column = flat;
    } else if (output instanceof float[][] matrix && allSingleColumn(matrix)) {
      column = new float[matrix.length];
      for (int i = 0; i < matrix.length; i++) {
        column[i] = matrix[i][0];
      }
    } else if (output instanceof double[] flat) {
      column = new float[flat.length];
      for (int i = 0; i < flat.length; i++) {
        column[i] = (float) flat[i];
      }
    } else {
      throw new ModelScoringException(
          "ONNX model's first output must be float probabilities of shape [N, 1] or [N], found "
              + describe(output)
              + ": model="
              + name);
    }
    if (column.length != rows) {
      throw new ModelScoringException(
          "ONNX model returned "
              + column.length
              + " probabilities for "
              + rows
              + " rows: model="
              + name);
    }
    return column;
  }

  private static boolean allSingleColumn(float[][] matrix) {
    return Arrays.stream(matrix).allMatch(row -> row.length == 1);
  }

  private static String describe(Object output) {
    if (output instanceof float[][] matrix && matrix.length > 0) {
      return "float[" + matrix.length + "][" + matrix[0].length + "]";
    }
    return output == null ? "nothing" : output.getClass().getSimpleName();
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new ModelScoringException("cannot close ONNX session: model=" + name, e);
    }
  }
}
