package io.osop.temporal.starter;

import io.osop.temporal.pipeline.PipelineDefinition;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every start of a pipeline run carries: a readable unique workflow id and the memo. */
public final class RunStart {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private RunStart() {}

  /** A workflow id from the pipeline id, the UTC time and a random suffix. */
  public static String newWorkflowId(String pipelineId) {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    return pipelineId
        + "-"
        + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP)
        + "-"
        + HexFormat.of().formatHex(random);
  }

  /** The memo the Web UI shows: pipeline id, version, content hash and source file. */
  public static Map<String, Object> memo(PipelineDefinition definition) {
    Map<String, Object> memo = new LinkedHashMap<>();
    memo.put("pipeline_id", definition.pipelineId());
    if (definition.version() != null) {
      memo.put("pipeline_version", definition.version());
    }
    memo.put("content_hash", definition.contentHash());
    memo.put("source_file", definition.sourceFile());
    return memo;
  }
}
