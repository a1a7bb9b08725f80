package io.osop.temporal.activities.data;

import java.util.List;

/**
 * Where the schema's columns sit in a table's header.
 *
 * @param features the feature columns, in schema order
 * @param featureIndex each feature's position in the header
 * @param categorical whether each feature is one-hot encoded
 * @param labelIndex the label's position
 * @param keyIndex the entity key's position, or -1 to hash the whole row
 * @param groupIndex the sensitive attribute's position, or -1
 */
record ColumnLayout(
    List<String> features,
    int[] featureIndex,
    boolean[] categorical,
    int labelIndex,
    int keyIndex,
    int groupIndex) {

  static ColumnLayout of(TableSchema schema, List<String> header) {
    List<String> features = schema.features();
    int[] featureIndex = new int[features.size()];
    boolean[] categorical = new boolean[features.size()];
    for (int i = 0; i < features.size(); i++) {
      featureIndex[i] = header.indexOf(features.get(i));
      categorical[i] = schema.categorical().contains(features.get(i));
    }
    return new ColumnLayout(
        features,
        featureIndex,
        categorical,
        header.indexOf(schema.label()),
        schema.entityKey() == null ? -1 : header.indexOf(schema.entityKey()),
        schema.sensitiveAttribute() == null ? -1 : header.indexOf(schema.sensitiveAttribute()));
  }

  int featureCount() {
    return features.size();
  }
}
