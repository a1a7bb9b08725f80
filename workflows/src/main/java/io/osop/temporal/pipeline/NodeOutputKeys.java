package io.osop.temporal.pipeline;

import java.util.List;

/** The names of the outputs each handler's node yields; conditions read them by these names. */
public final class NodeOutputKeys {

  public static final String DATASET_URI = "dataset_uri";
  public static final String MANIFEST_URI = "manifest_uri";
  public static final String ROWS = "rows";
  public static final String BYTES = "bytes";
  public static final String FEATURES = "features";

  public static final String EXIT_CODE = "exit_code";
  public static final String MODEL_URI = "model_uri";
  public static final String LOG_URI = "log_uri";
  public static final String DURATION_MS = "duration_ms";
  public static final String ATTEMPT = "attempt";
  public static final String TRAINING_METRICS = "training_metrics";

  public static final String METRICS = "metrics";
  public static final String BASELINE = "baseline";
  public static final String BASELINE_MODEL = "baseline_model";
  public static final String BASELINE_KIND = "baseline_kind";
  public static final String TEST_ROWS = "test_rows";
  public static final String REPORT_URI = "report_uri";

  public static final String AB_RESULT = "ab_result";
  public static final String AB_REASON = "ab_reason";
  public static final String AB_EVIDENCE = "ab_evidence";
  public static final String AB_CHECKS = "ab_checks";

  public static final String MODEL_VERSION = "model_version";
  public static final String ENDPOINT = "endpoint";
  public static final String CANARY_REVISION = "canary_revision";
  public static final String PREVIOUS_REVISION = "previous_revision";

  public static final String ROLLED_BACK = "rolled_back";
  public static final String ROLLBACK_REASON = "rollback_reason";

  private NodeOutputKeys() {}

  /** The output names of one handler, in the order its node reports them. */
  public static List<String> of(Handler handler) {
    return switch (handler) {
      case PREPARE_DATA -> List.of(DATASET_URI, MANIFEST_URI, ROWS, BYTES, FEATURES);
      case RUN_COMMAND ->
          List.of(EXIT_CODE, MODEL_URI, LOG_URI, DURATION_MS, ATTEMPT, TRAINING_METRICS);
      case EVALUATE ->
          List.of(METRICS, BASELINE, BASELINE_MODEL, BASELINE_KIND, TEST_ROWS, REPORT_URI);
      case SHADOW_AB_TEST -> List.of(AB_RESULT, AB_REASON, AB_EVIDENCE, AB_CHECKS);
      case DEPLOY_SERVING -> List.of(MODEL_VERSION, ENDPOINT, CANARY_REVISION, PREVIOUS_REVISION);
      case ROLLBACK -> List.of(ROLLED_BACK, ROLLBACK_REASON);
    };
  }
}
