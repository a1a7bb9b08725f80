package io.osop.temporal.starter.cluster;

/** A cluster command failed for a reason the user can act on; the message is printed as is. */
public final class CommandFailure extends Exception {
  /** Creates the failure with the line to print. */
  public CommandFailure(String message) {
    super(message);
  }
}
