package io.osop.temporal.worker.config;

import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.worker.config.WorkerConfig.HandlerDefaults;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Built-in concurrency limits and activity defaults per handler, used where config is silent. */
final class HandlerTables {

  /**
   * The most activities of each handler one worker runs at once. Training is the scarce resource (a
   * GPU job each), so one at a time unless configured otherwise.
   */
  static final Map<Handler, Integer> DEFAULT_LIMITS = limits();

  /** Timeouts and retries per handler; training attempts may run for hours. */
  static final Map<Handler, HandlerDefaults> DEFAULT_ACTIVITY = activity();

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

  private static Map<Handler, HandlerDefaults> activity() {
    Map<Handler, HandlerDefaults> defaults = new EnumMap<>(Handler.class);
    defaults.put(Handler.PREPARE_DATA, of(Duration.ofMinutes(30), Duration.ofMinutes(1), 3));
    defaults.put(Handler.RUN_COMMAND, of(Duration.ofHours(12), Duration.ofMinutes(2), 3));
    defaults.put(Handler.EVALUATE, of(Duration.ofMinutes(30), Duration.ofMinutes(2), 3));
    defaults.put(Handler.SHADOW_AB_TEST, of(Duration.ofMinutes(10), Duration.ofMinutes(1), 5));
    defaults.put(Handler.DEPLOY_SERVING, of(Duration.ofMinutes(30), Duration.ofMinutes(2), 5));
    defaults.put(Handler.ROLLBACK, of(Duration.ofMinutes(10), Duration.ofMinutes(1), 10));
    return defaults;
  }

  private static HandlerDefaults of(Duration startToClose, Duration heartbeat, int attempts) {
    return new HandlerDefaults(startToClose, heartbeat, attempts, Duration.ofSeconds(5), 2.0);
  }
}
