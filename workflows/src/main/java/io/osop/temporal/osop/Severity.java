package io.osop.temporal.osop;

import java.util.Locale;

/** How serious a validation finding is: errors stop a run, warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used in output ({@code error}, {@code warning}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
