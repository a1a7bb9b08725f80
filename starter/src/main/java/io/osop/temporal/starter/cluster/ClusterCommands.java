package io.osop.temporal.starter.cluster;

import java.util.List;

/** The starter's commands for a Temporal cluster, for registration as subcommands. */
public final class ClusterCommands {
  /** Every cluster command class, in help order. */
  public static final List<Class<?>> ALL =
      List.of(
          RunCommand.class,
          StatusCommand.class,
          ListCommand.class,
          ResultCommand.class,
          SignalCommands.Cancel.class,
          SignalCommands.Approve.class,
          SignalCommands.Reject.class,
          SignalCommands.Extend.class,
          HistoryCommand.class,
          ServerCommand.class);

  private ClusterCommands() {}
}
