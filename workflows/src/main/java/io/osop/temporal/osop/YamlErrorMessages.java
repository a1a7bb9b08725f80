package io.osop.temporal.osop;

import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Turns snakeyaml's parser messages into sentences that say what to change in the file. */
final class YamlErrorMessages {

  private static final java.util.regex.Pattern GLUED_KEY =
      java.util.regex.Pattern.compile("\\s*(?:-\\s+)?([A-Za-z_][\\w-]*):(\\S.*)");

  private YamlErrorMessages() {}

  /** A message for a syntax error at a known place. */
  static String explain(MarkedYAMLException e, int[] source) {
    String problem = e.getProblem() == null ? "" : e.getProblem().strip();
    String context = e.getContext() == null ? "" : e.getContext().strip();
    Mark mark = markOf(e);
    String line = mark == null ? "" : lineAt(source, mark.getIndex());
    if (problem.contains("Global tag is not allowed")) {
      return "the tag "
          + problem.substring(problem.indexOf(':') + 1).strip()
          + " is not allowed; pipeline files use plain strings, numbers, booleans, lists and"
          + " mappings";
    }
    if (problem.contains("'\\t") || problem.toLowerCase(Locale.ROOT).contains("tab")) {
      return "a tab character is used for indentation or separation here; YAML indents with"
          + " spaces only";
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return "unexpected ':' here: this line looks like a key of a mapping that is not indented"
          + " under its parent, or a value holds ': ' and needs quotes; check the indentation"
          + " and quote values that contain ': '";
    }
    if (problem.startsWith("could not find expected ':'")) {
      java.util.regex.Matcher glued = GLUED_KEY.matcher(line);
      if (glued.matches()) {
        return "'"
            + line.strip()
            + "' has no space after the colon, so YAML reads it as one piece of text instead of"
            + " a key and a value; write "
            + glued.group(1)
            + ": "
            + glued.group(2);
      }
      return "this line is not 'key: value' and is not a list item; each entry of a mapping is"
          + " 'key: value' with a space after the colon";
    }
    if (problem.startsWith("found duplicate key")) {
      return "duplicate key " + problem.substring("found duplicate key".length()).strip();
    }
    if (problem.startsWith("expected <block end>") && problem.endsWith("'-'")) {
      return "a list item ('-') cannot start here: the lines before it are not part of a list at"
          + " this indentation; this happens when indentation is lost in copying: indent each"
          + " item's fields under its '-'";
    }
    if (problem.startsWith("expected <block end>")) {
      return "unexpected "
          + describeToken(problem)
          + ": this line is indented differently from the lines around it; align it with the"
          + " other entries of its list or mapping";
    }
    if (problem.startsWith("found undefined alias")) {
      return "alias "
          + problem.substring("found undefined alias".length()).strip()
          + " refers to no anchor defined before it";
    }
    if (problem.startsWith("expected a single document")
        || context.startsWith("expected a single document")) {
      return "the file holds more than one YAML document ('---'); a pipeline file holds one";
    }
    if (problem.contains("special characters are not allowed")) {
      return "the file contains a control character; pipeline files are plain UTF-8 text";
    }
    String sentence = context.isEmpty() ? problem : problem + " (" + context + ")";
    return "invalid YAML: " + sentence;
  }

  /**
   * The place to report: where the problem starts. For a missing ':' that is the start of the line
   * YAML took as a key (the context), not the line where it gave up.
   */
  static Mark markOf(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    if (problem.startsWith("could not find expected ':'") && e.getContextMark() != null) {
      return e.getContextMark();
    }
    return e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
  }

  /** A message for an error without a place, such as a limit of the reader. */
  static String explain(YAMLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("nesting depth")) {
      return "values nest more than " + SafeYamlLoader.MAX_NESTING_DEPTH + " levels deep";
    }
    if (lower.contains("aliases")) {
      return "the file uses more than "
          + SafeYamlLoader.MAX_ALIASES
          + " aliases to lists or mappings; pipeline files need few if any";
    }
    if (lower.contains("code point")) {
      return "the file is larger than " + SafeYamlLoader.MAX_FILE_BYTES + " characters";
    }
    return "invalid YAML: " + message.strip();
  }

  private static String describeToken(String problem) {
    int but = problem.indexOf("but found ");
    if (but < 0) {
      return "content";
    }
    String found = problem.substring(but + "but found ".length()).strip();
    return switch (found) {
      case "'<block mapping start>'" -> "start of a mapping";
      case "'<block sequence start>'" -> "start of a list";
      case "'-'" -> "list item";
      case "'<scalar>'" -> "value";
      default -> found;
    };
  }

  private static String lineAt(int[] source, int index) {
    if (index < 0 || index > source.length) {
      return "";
    }
    int start = Math.min(index, source.length);
    while (start > 0 && source[start - 1] != '\n') {
      start--;
    }
    int end = start;
    while (end < source.length && source[end] != '\n') {
      end++;
    }
    return new String(source, start, end - start);
  }
}
