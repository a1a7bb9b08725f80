package io.osop.temporal.activities.data;

import java.io.IOException;

/**
 * Reads feature tables named {@code feature-store://name/version}: a folder of CSV files with a
 * schema beside them, under a local root or a GCS prefix.
 */
public interface FeatureStore {

  /** Opens a table for one streaming pass. */
  FeatureTable open(String source) throws IOException;
}
