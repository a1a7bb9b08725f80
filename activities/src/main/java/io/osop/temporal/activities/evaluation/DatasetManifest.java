package io.osop.temporal.activities.evaluation;

import java.util.List;
import java.util.Map;

/**
 * What evaluation and replay need from a dataset's {@code manifest.json}.
 *
 * @param uri the manifest's URI
 * @param datasetKey the dataset folder's key in the object store
 * @param features the encoded feature columns, in model input order
 * @param sensitiveAttribute the attribute whose raw value fills the {@code group} column, or null
 * @param splitUris each split's file URI as the manifest records it (may be empty)
 */
public record DatasetManifest(
    String uri,
    String datasetKey,
    List<String> features,
    String sensitiveAttribute,
    Map<String, String> splitUris) {}
