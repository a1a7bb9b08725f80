package io.osop.temporal.starter;

import io.osop.temporal.osop.Compilation;
import io.osop.temporal.osop.Finding;
import java.util.List;

/**
 * Writes validation results as JSON: {@code {"valid", "errors", "warnings", "files": [{"file",
 * "valid", "errors", "warnings", "findings": [{"file", "line", "column", "override", "severity",
 * "message"}]}]}}; {@code override} is the {@code --set} a finding is about, else null, and line
 * and column are 0 for such findings.
 */
final class FindingsJson {

  private FindingsJson() {}

  static String render(List<Compilation> results) {
    StringBuilder json = new StringBuilder();
    int errors = 0;
    int warnings = 0;
    StringBuilder files = new StringBuilder();
    for (Compilation result : results) {
      int fileErrors = result.errors().size();
      int fileWarnings = result.findings().size() - fileErrors;
      errors += fileErrors;
      warnings += fileWarnings;
      if (files.length() > 0) {
        files.append(",\n");
      }
      files
          .append("    {\"file\": ")
          .append(string(result.file()))
          .append(", \"valid\": ")
          .append(fileErrors == 0)
          .append(", \"errors\": ")
          .append(fileErrors)
          .append(", \"warnings\": ")
          .append(fileWarnings)
          .append(", \"findings\": [");
      for (int i = 0; i < result.findings().size(); i++) {
        files
            .append(i == 0 ? "\n" : ",\n")
            .append("      ")
            .append(finding(result.findings().get(i)));
      }
      files.append(result.findings().isEmpty() ? "]}" : "\n    ]}");
    }
    json.append("{\n  \"valid\": ")
        .append(errors == 0)
        .append(",\n  \"errors\": ")
        .append(errors)
        .append(",\n  \"warnings\": ")
        .append(warnings)
        .append(",\n  \"files\": [\n")
        .append(files)
        .append("\n  ]\n}");
    return json.toString();
  }

  private static String finding(Finding finding) {
    return "{\"file\": "
        + string(finding.position().file())
        + ", \"line\": "
        + finding.position().line()
        + ", \"column\": "
        + finding.position().column()
        + ", \"override\": "
        + string(finding.position().override())
        + ", \"severity\": "
        + string(finding.severity().label())
        + ", \"message\": "
        + string(finding.message())
        + "}";
  }

  /** A JSON string literal, or {@code null}. */
  static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
