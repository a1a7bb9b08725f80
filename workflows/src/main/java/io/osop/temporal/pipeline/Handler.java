package io.osop.temporal.pipeline;

/** The runtime handler a pipeline node resolves to; each has its own activity interface. */
public enum Handler {
  PREPARE_DATA("prepare-data"),
  RUN_COMMAND("run-command"),
  EVALUATE("evaluate"),
  SHADOW_AB_TEST("shadow-ab-test"),
  DEPLOY_SERVING("deploy-serving"),
  ROLLBACK("rollback");

  private final String id;

  Handler(String id) {
    this.id = id;
  }

  /** The handler's name as users write it in `subtype` and see it in output. */
  public String id() {
    return id;
  }
}
