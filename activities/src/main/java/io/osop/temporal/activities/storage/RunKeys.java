package io.osop.temporal.activities.storage;

/** Names the object-store folders a run's nodes write to: {@code runs/<workflowId>/<nodeId>/}. */
public final class RunKeys {

  private RunKeys() {}

  /** The folder key (ending with a slash) for a node of a run. */
  public static String nodePrefix(String workflowId, String nodeId) {
    return "runs/" + segment(workflowId) + "/" + segment(nodeId) + "/";
  }

  /** The folder key (ending with a slash) for one attempt of a node of a run. */
  public static String attemptPrefix(String workflowId, String nodeId, int attempt) {
    return nodePrefix(workflowId, nodeId) + "attempt-" + attempt + "/";
  }

  /**
   * Makes a name usable as one key segment: characters other than letters, digits, dot, dash and
   * underscore become dashes, and a leading dot gets an underscore in front.
   */
  public static String segment(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a run or node name must not be empty");
    }
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "-");
    return safe.startsWith(".") ? "_" + safe : safe;
  }
}
