package io.osop.temporal.activities.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a table's {@code schema.yaml} into a {@link TableSchema} and checks it against the table's
 * header.
 *
 * <pre>
 * entity_key: user_id          # optional: rows hash by the whole row without it
 * label: label
 * positive_label: "1"
 * features: [f1, f2, country]  # optional: every other column when missing
 * categorical: [country]       # optional
 * sensitive_attribute: group   # optional
 * delimiter: ","               # optional, one character
 * </pre>
 */
final class SchemaFile {

  private static final Set<String> KEYS =
      Set.of(
          "entity_key",
          "label",
          "positive_label",
          "features",
          "categorical",
          "sensitive_attribute",
          "delimiter");

  private SchemaFile() {}

  /** Parses schema text; {@code name} is the file named in errors. */
  static TableSchema parse(byte[] bytes, String name) throws IOException {
    Object loaded;
    try {
      loaded =
          new Yaml(new SafeConstructor(new LoaderOptions()))
              .load(new String(bytes, StandardCharsets.UTF_8));
    } catch (YAMLException e) {
      throw new TableFormatException(name + ": not valid YAML: " + e.getMessage(), e);
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new TableFormatException(name + ": expected a mapping of schema keys");
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw new TableFormatException(name + ": unknown key '" + key + "'; known keys: " + KEYS);
      }
    }
    String label = text(map, "label", name, true);
    String positive = text(map, "positive_label", name, true);
    String delimiter = text(map, "delimiter", name, false);
    if (delimiter != null && delimiter.length() != 1) {
      throw new TableFormatException(
          name + ": delimiter must be one character, got '" + delimiter + "'");
    }
    return new TableSchema(
        text(map, "entity_key", name, false),
        label,
        positive,
        list(map, "features", name),
        list(map, "categorical", name),
        text(map, "sensitive_attribute", name, false),
        delimiter == null ? ',' : delimiter.charAt(0));
  }

  /**
   * Completes a schema with the header (features default to every other column) and checks that
   * every column it names exists.
   */
  static TableSchema resolve(
      TableSchema schema, List<String> header, String schemaName, String file) throws IOException {
    List<String> features = schema.features();
    if (features.isEmpty()) {
      features = new ArrayList<>();
      for (String column : header) {
        if (!column.equals(schema.entityKey())
            && !column.equals(schema.label())
            && !column.equals(schema.sensitiveAttribute())) {
          features.add(column);
        }
      }
    }
    requireColumn(header, schema.label(), "label", schemaName, file);
    requireColumn(header, schema.entityKey(), "entity_key", schemaName, file);
    requireColumn(header, schema.sensitiveAttribute(), "sensitive_attribute", schemaName, file);
    for (String feature : features) {
      requireColumn(header, feature, "features", schemaName, file);
    }
    for (String categorical : schema.categorical()) {
      if (!features.contains(categorical)) {
        throw new TableFormatException(
            schemaName + ": categorical column '" + categorical + "' is not among the features");
      }
    }
    if (features.contains(schema.label())) {
      throw new TableFormatException(
          schemaName + ": the label '" + schema.label() + "' is also a feature");
    }
    return new TableSchema(
        schema.entityKey(),
        schema.label(),
        schema.positiveLabel(),
        List.copyOf(features),
        schema.categorical(),
        schema.sensitiveAttribute(),
        schema.delimiter());
  }

  private static void requireColumn(
      List<String> header, String column, String key, String schemaName, String file)
      throws IOException {
    if (column != null && !header.contains(column)) {
      throw new TableFormatException(
          schemaName
              + ": "
              + key
              + " names column '"
              + column
              + "', which the header of "
              + file
              + " does not have; columns: "
              + header);
    }
  }

  private static String text(Map<?, ?> map, String key, String name, boolean required)
      throws IOException {
    Object value = map.get(key);
    if (value == null) {
      if (required) {
        throw new TableFormatException(name + ": '" + key + "' is required");
      }
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      throw new TableFormatException(name + ": '" + key + "' must be a single value");
    }
    return String.valueOf(value);
  }

  private static List<String> list(Map<?, ?> map, String key, String name) throws IOException {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw new TableFormatException(name + ": '" + key + "' must be a list of column names");
    }
    List<String> names = new ArrayList<>();
    for (Object item : items) {
      names.add(String.valueOf(item));
    }
    return List.copyOf(names);
  }
}
