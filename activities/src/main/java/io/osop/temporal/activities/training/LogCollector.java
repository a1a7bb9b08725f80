package io.osop.temporal.activities.training;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Keeps a command's log: everything up to a size limit, then only the last lines, with a marker
 * saying how many lines in between were dropped. Thread-safe.
 */
final class LogCollector {

  private static final int TAIL_LINES = 500;

  private final int headLimitChars;
  private final StringBuilder head = new StringBuilder();
  private final Deque<String> tail = new ArrayDeque<>();
  private long omitted;
  private String lastLine = "";

  LogCollector(int headLimitChars) {
    this.headLimitChars = headLimitChars;
  }

  synchronized void add(String line) {
    lastLine = line;
    if (tail.isEmpty() && head.length() + line.length() + 1 <= headLimitChars) {
      head.append(line).append('\n');
      return;
    }
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
      omitted++;
    }
  }

  synchronized String lastLine() {
    return lastLine;
  }

  /** The last {@code count} lines kept, oldest first. */
  synchronized List<String> lastLines(int count) {
    List<String> lines =
        tail.isEmpty() ? List.of(head.toString().split("\n", -1)) : List.copyOf(tail);
    List<String> nonEmpty =
        lines.isEmpty() || !lines.get(lines.size() - 1).isEmpty()
            ? lines
            : lines.subList(0, lines.size() - 1);
    return nonEmpty.subList(Math.max(0, nonEmpty.size() - count), nonEmpty.size());
  }

  synchronized String text() {
    if (tail.isEmpty()) {
      return head.toString();
    }
    StringBuilder text = new StringBuilder(head);
    if (omitted > 0) {
      text.append("[... ").append(omitted).append(" log lines omitted ...]\n");
    }
    for (String line : tail) {
      text.append(line).append('\n');
    }
    return text.toString();
  }
}
