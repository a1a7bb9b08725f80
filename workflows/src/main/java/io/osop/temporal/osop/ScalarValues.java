package io.osop.temporal.osop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns YAML nodes into the plain Java values a node's {@code config} is kept as. */
final class ScalarValues {

  private ScalarValues() {}

  /** String, Long, Double, Boolean or null for a scalar; the text when a number does not fit. */
  static Object toJava(YamlNode.Scalar scalar) {
    String text = scalar.text();
    return switch (scalar.kind()) {
      case STRING, TIMESTAMP -> text;
      case NULL -> null;
      case BOOLEAN -> isTrueWord(text);
      case INTEGER -> parseInteger(text);
      case FLOAT -> parseFloat(text);
    };
  }

  /** Lists, insertion-ordered maps and scalars, recursively. */
  static Object toJava(YamlNode node) {
    if (node instanceof YamlNode.Scalar scalar) {
      return toJava(scalar);
    }
    if (node instanceof YamlNode.Sequence sequence) {
      List<Object> list = new ArrayList<>(sequence.items().size());
      for (YamlNode item : sequence.items()) {
        list.add(toJava(item));
      }
      return list;
    }
    YamlNode.Mapping mapping = (YamlNode.Mapping) node;
    Map<String, Object> map = new LinkedHashMap<>();
    for (YamlNode.Entry entry : mapping.entries()) {
      map.put(entry.key().text(), toJava(entry.value()));
    }
    return map;
  }

  private static boolean isTrueWord(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "on" -> true;
      default -> false;
    };
  }

  private static Object parseInteger(String text) {
    String digits = text.replace("_", "");
    try {
      if (digits.startsWith("0x") || digits.startsWith("-0x") || digits.startsWith("+0x")) {
        boolean negative = digits.startsWith("-");
        long value = Long.parseLong(digits.substring(digits.indexOf('x') + 1), 16);
        return negative ? -value : value;
      }
      if (digits.startsWith("0b")) {
        return Long.parseLong(digits.substring(2), 2);
      }
      if (digits.length() > 1 && digits.startsWith("0") && !digits.contains(":")) {
        return Long.parseLong(digits, 8);
      }
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static Object parseFloat(String text) {
    String value = text.replace("_", "").toLowerCase(Locale.ROOT);
    switch (value) {
      case ".inf", "+.inf":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
        return Double.NEGATIVE_INFINITY;
      case ".nan":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(value);
        } catch (NumberFormatException e) {
          return text;
        }
    }
  }
}
