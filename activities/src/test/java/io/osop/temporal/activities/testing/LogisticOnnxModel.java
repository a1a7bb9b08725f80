package io.osop.temporal.activities.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a logistic-regression ONNX model, sigmoid(x·w + b), by encoding the protobuf wire format
 * by hand: IR version 8, opset 13, MatMul + Add + Sigmoid over a float input of shape [N, F]. The
 * output has shape [N, 1], or [N] when flattened with a final Reshape.
 */
public final class LogisticOnnxModel {

  private static final int FLOAT = 1;
  private static final int INT64 = 7;

  private LogisticOnnxModel() {}

  /** The model bytes with output shape [N, 1]. */
  public static byte[] of(float[] weights, float bias) {
    return build(weights, bias, false);
  }

  /** The model bytes with output shape [N]. */
  public static byte[] flat(float[] weights, float bias) {
    return build(weights, bias, true);
  }

  private static byte[] build(float[] weights, float bias, boolean flatOutput) {
    int width = weights.length;
    Message graph = new Message();
    graph.bytes(1, node("MatMul", "X", "W", "XW"));
    graph.bytes(1, node("Add", "XW", "B", "Z"));
    graph.bytes(1, node("Sigmoid", "Z", null, flatOutput ? "P2" : "P"));
    if (flatOutput) {
      graph.bytes(1, node("Reshape", "P2", "S", "P"));
    }
    graph.string(2, "logistic");
    graph.bytes(5, floatTensor("W", weights, new long[] {width, 1}));
    graph.bytes(5, floatTensor("B", new float[] {bias}, new long[] {1}));
    if (flatOutput) {
      graph.bytes(5, int64Tensor("S", new long[] {-1}));
    }
    graph.bytes(11, valueInfo("X", new Object[] {"N", (long) width}));
    graph.bytes(12, valueInfo("P", flatOutput ? new Object[] {"N"} : new Object[] {"N", 1L}));

    Message opset = new Message();
    opset.string(1, "");
    opset.varint(2, 13);

    Message model = new Message();
    model.varint(1, 8);
    model.string(2, "osop-temporal-tests");
    model.bytes(7, graph.toBytes());
    model.bytes(8, opset.toBytes());
    return model.toBytes();
  }

  private static byte[] node(String op, String left, String right, String output) {
    Message node = new Message();
    node.string(1, left);
    if (right != null) {
      node.string(1, right);
    }
    node.string(2, output);
    node.string(3, op + "_" + output);
    node.string(4, op);
    return node.toBytes();
  }

  private static byte[] floatTensor(String name, float[] values, long[] dims) {
    Message tensor = new Message();
    for (long dim : dims) {
      tensor.varint(1, dim);
    }
    tensor.varint(2, FLOAT);
    tensor.string(8, name);
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      raw.putFloat(value);
    }
    tensor.bytes(9, raw.array());
    return tensor.toBytes();
  }

  private static byte[] int64Tensor(String name, long[] values) {
    Message tensor = new Message();
    tensor.varint(1, values.length);
    tensor.varint(2, INT64);
    tensor.string(8, name);
    ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long value : values) {
      raw.putLong(value);
    }
    tensor.bytes(9, raw.array());
    return tensor.toBytes();
  }

  /** A float tensor value: each dim is a symbolic name (String) or a size (Long). */
  private static byte[] valueInfo(String name, Object[] dims) {
    Message shape = new Message();
    for (Object dim : dims) {
      Message dimension = new Message();
      if (dim instanceof String symbol) {
        dimension.string(2, symbol);
      } else {
        dimension.varint(1, (Long) dim);
      }
      shape.bytes(1, dimension.toBytes());
    }
    Message tensorType = new Message();
    tensorType.varint(1, FLOAT);
    tensorType.bytes(2, shape.toBytes());
    Message type = new Message();
    type.bytes(1, tensorType.toBytes());
    Message info = new Message();
    info.string(1, name);
    info.bytes(2, type.toBytes());
    return info.toBytes();
  }

  /** Protobuf fields appended in order: varints (wire type 0) and length-delimited (type 2). */
  private static final class Message {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void varint(int field, long value) {
      writeVarint((long) field << 3);
      writeVarint(value);
    }

    void string(int field, String value) {
      bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(int field, byte[] value) {
      writeVarint(((long) field << 3) | 2);
      writeVarint(value.length);
      out.writeBytes(value);
    }

    private void writeVarint(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) ((value & 0x7F) | 0x80));
        value >>>= 7;
      }
      out.write((int) value);
    }

    byte[] toBytes() {
      return out.toByteArray();
    }
  }
}
