package io.osop.temporal.starter;

/** How {@code validate} prints its findings. */
public enum OutputFormat {
  TEXT,
  JSON
}
