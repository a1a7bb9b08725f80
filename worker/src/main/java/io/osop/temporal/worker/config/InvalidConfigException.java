package io.osop.temporal.worker.config;

import java.util.List;

/** Thrown when the worker's configuration has problems; carries one line per problem. */
public class InvalidConfigException extends Exception {
  private final List<String> problems;

  /** Creates the exception from the problems found, each a complete line. */
  public InvalidConfigException(List<String> problems) {
    super("invalid worker configuration:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, one line each, naming the key and where it came from. */
  public List<String> problems() {
    return problems;
  }
}
