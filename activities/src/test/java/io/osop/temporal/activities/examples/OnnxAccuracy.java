package io.osop.temporal.activities.examples;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Scores a split file with an ONNX model in ONNX Runtime and returns its accuracy. */
final class OnnxAccuracy {

  private OnnxAccuracy() {}

  static double of(byte[] model, Path splitCsv) throws IOException {
    List<String> lines = Files.readAllLines(splitCsv);
    int features = lines.get(0).split(",", -1).length - 2;
    float[][] inputs = new float[lines.size() - 1][features];
    int[] labels = new int[lines.size() - 1];
    for (int r = 1; r < lines.size(); r++) {
      String[] fields = lines.get(r).split(",", -1);
      for (int f = 0; f < features; f++) {
        inputs[r - 1][f] = Float.parseFloat(fields[f]);
      }
      labels[r - 1] = Integer.parseInt(fields[features]);
    }
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession session = environment.createSession(model);
        OnnxTensor tensor = OnnxTensor.createTensor(environment, inputs);
        OrtSession.Result result =
            session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
      float[][] probabilities = (float[][]) result.get(0).getValue();
      int correct = 0;
      for (int i = 0; i < labels.length; i++) {
        correct += (probabilities[i][0] >= 0.5f) == (labels[i] == 1) ? 1 : 0;
      }
      return (double) correct / labels.length;
    } catch (OrtException e) {
      throw new IOException("ONNX Runtime could not score the model", e);
    }
  }
}
