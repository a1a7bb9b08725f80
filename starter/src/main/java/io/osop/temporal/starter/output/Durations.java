package io.osop.temporal.starter.output;

/** Formats durations for people: 850ms, 2.4s, 3m 05s, 24h 00m. */
final class Durations {

  private Durations() {}

  static String format(long millis) {
    if (millis < 1_000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format("%.1fs", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format("%dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
  }
}
