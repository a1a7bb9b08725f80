package io.osop.temporal.worker.routing;

import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.activity.DataActivities;
import io.osop.temporal.pipeline.activity.EvaluationActivities;
import io.osop.temporal.pipeline.activity.RegistryActivities;
import io.osop.temporal.pipeline.activity.ServingActivities;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities;
import io.osop.temporal.pipeline.activity.TrainingActivities;
import io.temporal.activity.ActivityMethod;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which handler each activity interface and activity type belongs to, and the task queue its
 * activities run on: {@code <task queue>.<handler>}, so that a worker's limit per handler is the
 * activity slot count of that queue's worker.
 */
public final class HandlerActivities {

  /** The activity interfaces of each handler with activities of its own, in handler order. */
  public static final Map<Handler, List<Class<?>>> INTERFACES = interfaces();

  private static final Map<String, Handler> BY_ACTIVITY_TYPE = indexActivityTypes();

  private HandlerActivities() {}

  private static Map<Handler, List<Class<?>>> interfaces() {
    Map<Handler, List<Class<?>>> map = new EnumMap<>(Handler.class);
    map.put(Handler.PREPARE_DATA, List.of(DataActivities.class));
    map.put(Handler.RUN_COMMAND, List.of(TrainingActivities.class));
    map.put(Handler.EVALUATE, List.of(EvaluationActivities.class));
    map.put(Handler.SHADOW_AB_TEST, List.of(ShadowTrafficActivities.class));
    map.put(Handler.DEPLOY_SERVING, List.of(ServingActivities.class, RegistryActivities.class));
    return map;
  }

  private static Map<String, Handler> indexActivityTypes() {
    Map<String, Handler> types = new LinkedHashMap<>();
    INTERFACES.forEach(
        (handler, classes) -> {
          for (Class<?> type : classes) {
            for (Method method : type.getMethods()) {
              ActivityMethod annotation = method.getAnnotation(ActivityMethod.class);
              if (annotation != null && !annotation.name().isEmpty()) {
                types.put(annotation.name(), handler);
              }
            }
          }
        });
    return Map.copyOf(types);
  }

  /** The handler an activity type belongs to, or empty for a type this project does not define. */
  public static Optional<Handler> handlerOf(String activityType) {
    return Optional.ofNullable(BY_ACTIVITY_TYPE.get(activityType));
  }

  /** Every activity type and its handler. */
  public static Map<String, Handler> activityTypes() {
    return BY_ACTIVITY_TYPE;
  }

  /** The task queue a handler's activities run on, derived from the workflow task queue. */
  public static String taskQueue(String workflowTaskQueue, Handler handler) {
    return workflowTaskQueue + "." + handler.id();
  }
}
