"""Writes a logistic-regression ONNX model with the Python standard library only.

The protobuf wire format is encoded by hand: IR version 8, opset 13, and a graph
input float [N, F] -> MatMul(W [F, 1]) -> Add(B [1]) -> Sigmoid -> output [N, 1].
"""

import struct

_VARINT = 0
_BYTES = 2
_FLOAT = 1  # TensorProto.DataType.FLOAT


def _varint(value):
    if value < 0:
        value += 1 << 64
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _key(field, wire_type):
    return _varint((field << 3) | wire_type)


def _int(field, value):
    return _key(field, _VARINT) + _varint(value)


def _bytes(field, payload):
    return _key(field, _BYTES) + _varint(len(payload)) + payload


def _text(field, text):
    return _bytes(field, text.encode("utf-8"))


def _tensor(name, dims, values):
    body = b"".join(_int(1, d) for d in dims)
    body += _int(2, _FLOAT)
    body += _text(8, name)
    body += _bytes(9, struct.pack("<%df" % len(values), *values))
    return body


def _value_info(name, dims):
    shape = b""
    for dim in dims:
        if isinstance(dim, str):
            shape += _bytes(1, _text(2, dim))
        else:
            shape += _bytes(1, _int(1, dim))
    tensor_type = _int(1, _FLOAT) + _bytes(2, shape)
    type_proto = _bytes(1, tensor_type)
    return _text(1, name) + _bytes(2, type_proto)


def _node(op_type, inputs, outputs, name):
    body = b"".join(_text(1, i) for i in inputs)
    body += b"".join(_text(2, o) for o in outputs)
    body += _text(3, name)
    body += _text(4, op_type)
    return body


def logistic_regression(weights, bias, input_name="input", output_name="probability"):
    """Returns the ONNX model bytes for sigmoid(X @ weights + bias)."""
    features = len(weights)
    graph = _bytes(1, _node("MatMul", [input_name, "W"], ["scores"], "matmul"))
    graph += _bytes(1, _node("Add", ["scores", "B"], ["logits"], "add"))
    graph += _bytes(1, _node("Sigmoid", ["logits"], [output_name], "sigmoid"))
    graph += _text(2, "logistic_regression")
    graph += _bytes(5, _tensor("W", [features, 1], weights))
    graph += _bytes(5, _tensor("B", [1], [bias]))
    graph += _bytes(11, _value_info(input_name, ["N", features]))
    graph += _bytes(12, _value_info(output_name, ["N", 1]))
    model = _int(1, 8)  # ir_version
    model += _text(2, "osop-train.py")
    model += _text(3, "1")
    model += _bytes(7, graph)
    model += _bytes(8, _text(1, "") + _int(2, 13))  # opset_import: default domain, 13
    return model
