package io.osop.temporal.osop;

import io.osop.temporal.osop.OsopSchema.FieldType;
import java.util.List;
import java.util.Map;

/**
 * Checks one YAML mapping against the fields the schema knows for it and reads typed values out of
 * it; every mismatch becomes a finding that names the field and says how to fix it.
 */
final class FieldReader {

  private final Findings findings;

  FieldReader(Findings findings) {
    this.findings = findings;
  }

  /**
   * Reports unknown fields (warnings with a did-you-mean; {@code x-} fields pass), values of the
   * wrong type and missing required fields.
   */
  void check(
      YamlNode.Mapping mapping, Map<String, FieldType> known, List<String> required, String where) {
    for (YamlNode.Entry entry : mapping.entries()) {
      String key = entry.key().text();
      if (key.startsWith("x-")) {
        continue;
      }
      FieldType type = known.get(key);
      if (type == null) {
        findings.warning(
            entry.key().position(),
            "unknown field '"
                + key
                + "' in "
                + where
                + DidYouMean.hint(key, known.keySet())
                + "; extension fields start with 'x-'");
        continue;
      }
      checkType(key, entry.value(), type);
    }
    for (String field : required) {
      if (mapping.get(field) == null) {
        findings.error(
            mapping.position(), where + " is missing the required field '" + field + "'");
      }
    }
  }

  private void checkType(String key, YamlNode value, FieldType type) {
    boolean ok =
        switch (type) {
          case ANY -> true;
          case STRING -> isString(value);
          case NUMBER -> isKind(value, YamlNode.Kind.INTEGER) || isKind(value, YamlNode.Kind.FLOAT);
          case INTEGER -> isKind(value, YamlNode.Kind.INTEGER);
          case LIST -> value instanceof YamlNode.Sequence;
          case MAPPING -> value instanceof YamlNode.Mapping;
          case STRING_OR_MAPPING -> isString(value) || value instanceof YamlNode.Mapping;
        };
    if (ok) {
      return;
    }
    if ((type == FieldType.STRING || type == FieldType.STRING_OR_MAPPING)
        && value instanceof YamlNode.Scalar scalar
        && scalar.kind() != YamlNode.Kind.NULL) {
      findings.error(
          value.position(),
          "'"
              + key
              + "' must be a string, but YAML reads "
              + scalar.text()
              + " as "
              + scalar.describe()
              + "; put it in quotes: "
              + key
              + ": \""
              + scalar.text()
              + "\"");
      return;
    }
    findings.error(
        value.position(), "'" + key + "' must be " + type.noun + ", but it is " + value.describe());
  }

  /** The string value of {@code key}, or null when absent or not a string. */
  static String string(YamlNode.Mapping mapping, String key) {
    YamlNode value = mapping.get(key);
    return isString(value) ? ((YamlNode.Scalar) value).text() : null;
  }

  /** The numeric value of {@code key}, or null when absent or not a number. */
  static Double number(YamlNode.Mapping mapping, String key) {
    YamlNode value = mapping.get(key);
    if (value instanceof YamlNode.Scalar scalar && scalar.value() instanceof Number n) {
      return n.doubleValue();
    }
    return null;
  }

  /** The whole-number value of {@code key}, or null when absent or not a whole number. */
  static Long integer(YamlNode.Mapping mapping, String key) {
    YamlNode value = mapping.get(key);
    if (value instanceof YamlNode.Scalar scalar && scalar.value() instanceof Long n) {
      return n;
    }
    return null;
  }

  static boolean isString(YamlNode value) {
    return isKind(value, YamlNode.Kind.STRING);
  }

  private static boolean isKind(YamlNode value, YamlNode.Kind kind) {
    return value instanceof YamlNode.Scalar scalar && scalar.kind() == kind;
  }
}
