package io.osop.temporal.osop;

import java.util.List;

/**
 * A YAML value with the place it was written: the loader's output and the validator's input.
 * Aliases are already expanded (within a budget), and tags are reduced to what a scalar resolved
 * to.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

  /** Where the value starts. */
  SourcePosition position();

  /** A short noun for messages: "a string", "a mapping", "the boolean true". */
  String describe();

  /** What a scalar resolved to under YAML 1.1's implicit typing. */
  enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL,
    TIMESTAMP
  }

  /**
   * A scalar.
   *
   * @param text the scalar's value as YAML decoded it
   * @param kind what the (unquoted) scalar resolved to; quoted scalars are always strings
   * @param quoted whether the scalar was written in quotes or as a block
   * @param positions maps offsets in {@code text} back to the file
   */
  record Scalar(String text, Kind kind, boolean quoted, ScalarPositions positions)
      implements YamlNode {
    @Override
    public SourcePosition position() {
      return positions.start();
    }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "a string";
        case INTEGER -> "the number " + text;
        case FLOAT -> "the number " + text;
        case BOOLEAN -> "the boolean " + value();
        case NULL -> text.isEmpty() ? "nothing (null)" : "null";
        case TIMESTAMP -> "the timestamp " + text;
      };
    }

    /** The scalar as a plain Java value: String, Long, Double, Boolean or null. */
    Object value() {
      return ScalarValues.toJava(this);
    }
  }

  /**
   * A mapping with its entries in file order.
   *
   * @param position where the mapping starts
   * @param entries keys (as scalars) and values in file order; keys are unique
   */
  record Mapping(SourcePosition position, List<Entry> entries) implements YamlNode {
    @Override
    public String describe() {
      return "a mapping";
    }

    /** The value under {@code key}, or null. */
    YamlNode get(String key) {
      for (Entry entry : entries) {
        if (entry.key().text().equals(key)) {
          return entry.value();
        }
      }
      return null;
    }
  }

  /**
   * One key and value of a mapping.
   *
   * @param key the key scalar
   * @param value the value
   */
  record Entry(Scalar key, YamlNode value) {}

  /**
   * A sequence.
   *
   * @param position where the sequence starts
   * @param items the items in file order
   */
  record Sequence(SourcePosition position, List<YamlNode> items) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }
}
