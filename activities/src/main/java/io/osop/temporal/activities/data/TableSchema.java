package io.osop.temporal.activities.data;

import java.util.List;

/**
 * The schema kept beside a feature table ({@code schema.yaml}).
 *
 * @param entityKey the column whose stable hash decides a row's split, or null to hash the whole
 *     row
 * @param label the label column
 * @param positiveLabel the label value counted as the positive class
 * @param features feature columns in order (numeric unless listed as categorical)
 * @param categorical the features to one-hot encode
 * @param sensitiveAttribute the column fairness is measured over, or null
 * @param delimiter the field delimiter
 */
public record TableSchema(
    String entityKey,
    String label,
    String positiveLabel,
    List<String> features,
    List<String> categorical,
    String sensitiveAttribute,
    char delimiter) {}
