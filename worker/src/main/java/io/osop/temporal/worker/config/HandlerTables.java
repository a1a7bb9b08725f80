package io.osop.temporal.worker.config;

import io.osop.temporal.pipeline.Handler;
import java.util.EnumMap;
import java.util.Map;

/** Built-in concurrency limits per handler, used where the configuration is silent. */
final class HandlerTables {

  /**
   * The most activities of each handler one worker runs at once. Training is the scarce resource (a
   * GPU job each), so one at a time unless configured otherwise.
   */
  static final Map<Handler, Integer> DEFAULT_LIMITS = limits();

  private HandlerTables() {}

  private static Map<Handler, Integer> limits() {
    Map<Handler, Integer> limits = new EnumMap<>(Handler.class);
    limits.put(Handler.PREPARE_DATA, 2);
    limits.put(Handler.RUN_COMMAND, 1);
    limits.put(Handler.EVALUATE, 2);
    limits.put(Handler.SHADOW_AB_TEST, 10);
    limits.put(Handler.DEPLOY_SERVING, 10);
    return limits;
  }
}
