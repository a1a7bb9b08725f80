package io.osop.temporal.pipeline;

import io.temporal.workflow.Workflow;

/**
 * Change ids for {@link Workflow#getVersion}: every change to the interpreter that alters the
 * commands a run issues (activities, timers, their order or options that show in history) goes
 * behind one, so that runs started before the change replay unchanged.
 *
 * <p>To make a change: add a constant here named after the change, with a sentence on what it
 * changes, and branch on {@link #isApplied(String)} at the point where behaviour differs, keeping
 * the old branch. Record a history of the new behaviour next to the existing ones (see {@code
 * docs/interpreter.md}) and keep the old histories: the replay test proves both branches. An old
 * branch is removed only when no run that took it can still be open.
 *
 * <p>No change has been made since the first release, so no id is defined yet; calling {@code
 * getVersion} without need would add a marker event to every run.
 */
final class InterpreterChanges {

  private InterpreterChanges() {}

  /**
   * Whether this run takes the new branch of a change: true for runs that first reach this point
   * after the change was deployed, false for runs that had already passed it before.
   */
  static boolean isApplied(String changeId) {
    return Workflow.getVersion(changeId, Workflow.DEFAULT_VERSION, 1) == 1;
  }
}
