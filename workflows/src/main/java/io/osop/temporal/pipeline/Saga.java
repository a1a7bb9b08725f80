package io.osop.temporal.pipeline;

import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The run's saga: compensations registered before the calls that make side effects, run in reverse
 * order. Every compensation runs even when an earlier one fails; the errors are returned together.
 */
final class Saga {

  private static final Logger log = Workflow.getLogger(Saga.class);

  static final String REGISTERED = "REGISTERED";
  static final String DONE = "DONE";
  static final String FAILED = "FAILED";

  private final List<Entry> entries = new ArrayList<>();

  /**
   * Registers a compensation; call it before the call whose side effect it undoes.
   *
   * @return a handle for {@link #markDone} when the node undoes the effect itself
   */
  int register(String nodeId, String description, Functions.Proc action) {
    entries.add(new Entry(nodeId, description, action));
    return entries.size() - 1;
  }

  /** Records that the node undid the effect itself, so the saga need not run it. */
  void markDone(int handle, String how) {
    Entry entry = entries.get(handle);
    entry.status = DONE;
    entry.error = null;
    entry.undoneBy = how;
  }

  /**
   * Runs every compensation still registered, newest first, in a scope that a cancellation of the
   * run does not reach.
   *
   * @param undoneBy who runs them, for the records ("rollback", "failure", "cancellation")
   * @return the compensations run, and the errors of those that failed
   */
  Unwind compensate(String undoneBy) {
    Unwind unwind = new Unwind(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    Workflow.newDetachedCancellationScope(() -> runPending(undoneBy, unwind)).run();
    return unwind;
  }

  private void runPending(String undoneBy, Unwind unwind) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry entry = entries.get(i);
      if (!REGISTERED.equals(entry.status)) {
        continue;
      }
      try {
        entry.action.apply();
        entry.status = DONE;
        entry.undoneBy = undoneBy;
        unwind.done.add(entry.nodeId + ": " + entry.description);
        unwind.nodeIds.add(entry.nodeId);
      } catch (TemporalFailure e) {
        entry.status = FAILED;
        entry.error = FailureMessages.describe(e);
        unwind.errors.add(
            "Compensation failed: " + entry.nodeId + ": " + entry.description + ": " + entry.error);
        log.warn(
            "Compensation failed; the others still run. node={} compensation={} error={}",
            entry.nodeId,
            entry.description,
            entry.error);
      }
    }
  }

  /** Every compensation and what became of it, in registration order. */
  List<CompensationRecord> records() {
    List<CompensationRecord> records = new ArrayList<>();
    for (Entry entry : entries) {
      String description =
          entry.undoneBy == null
              ? entry.description
              : entry.description + " (" + entry.undoneBy + ")";
      records.add(new CompensationRecord(entry.nodeId, description, entry.status, entry.error));
    }
    return records;
  }

  /** Whether every compensation the node registered has run. */
  boolean isFullyUndone(String nodeId) {
    boolean any = false;
    for (Entry entry : entries) {
      if (entry.nodeId.equals(nodeId)) {
        any = true;
        if (!DONE.equals(entry.status)) {
          return false;
        }
      }
    }
    return any;
  }

  /**
   * What one unwinding did.
   *
   * @param done the compensations that ran, newest first, as {@code node: description}
   * @param nodeIds the nodes they belong to, in the same order
   * @param errors one line per compensation that failed
   */
  record Unwind(List<String> done, List<String> nodeIds, List<String> errors) {}

  private static final class Entry {
    final String nodeId;
    final String description;
    final Functions.Proc action;
    String status = REGISTERED;
    String error;
    String undoneBy;

    Entry(String nodeId, String description, Functions.Proc action) {
      this.nodeId = nodeId;
      this.description = description;
      this.action = action;
    }
  }
}
