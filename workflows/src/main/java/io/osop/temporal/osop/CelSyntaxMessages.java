package io.osop.temporal.osop;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the CEL parser's ANTLR messages ({@code mismatched input '<EOF>' expecting {'[', ...}})
 * into sentences a pipeline author acts on. Unrecognised messages pass through unchanged.
 */
final class CelSyntaxMessages {

  private static final String EOF = "<EOF>";
  private static final Pattern UNEXPECTED =
      Pattern.compile("(?:mismatched|extraneous) input '(.*)' expecting (.*)", Pattern.DOTALL);
  private static final Pattern MISSING = Pattern.compile("missing '(.*)' at '(.*)'");
  private static final Pattern TOKEN = Pattern.compile("token recognition error at: '(.*)'");
  private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*)'");
  private static final Pattern LAST_TOKEN =
      Pattern.compile(
          "(&&|\\|\\||==|!=|<=|>=|[<>+\\-*/%!?:,(\\[{.]|[A-Za-z_0-9.]+|'[^']*'|\"[^\"]*\")\\s*$");

  private CelSyntaxMessages() {}

  /**
   * The message in plain words.
   *
   * @param expression the condition as written
   * @param offset where CEL places the error, in code points
   */
  static String explain(String message, String expression, int offset) {
    String after = afterWhat(expression, offset);
    Matcher unexpected = UNEXPECTED.matcher(message);
    if (unexpected.matches()) {
      String input = unexpected.group(1);
      String expecting = unexpected.group(2);
      if (expecting.contains("IDENTIFIER")) {
        return input.equals(EOF)
            ? "the expression ends where a value was expected" + after
            : "unexpected '" + input + "' where a value was expected" + after;
      }
      if (expecting.equals(EOF)) {
        return input.equals(")")
            ? "')' closes nothing; remove it or add the '(' it closes"
            : "unexpected '"
                + input
                + "' after a complete expression; join conditions with && or ||";
      }
      if (input.equals("and") || input.equals("or") || input.equals("not")) {
        String operator = input.equals("and") ? "&&" : input.equals("or") ? "||" : "!";
        return "'" + input + "' is not a CEL operator; write " + operator;
      }
      if (input.equals(EOF)) {
        return expecting.contains("':'")
            ? "the expression ends before the ':' of a ? : choice"
            : "the expression ends where an operator was expected" + after;
      }
      return "unexpected '" + input + "' where an operator such as ==, > or && was expected";
    }
    Matcher missing = MISSING.matcher(message);
    if (missing.matches()) {
      return missing.group(2).equals(EOF)
          ? "the expression ends before the closing '" + missing.group(1) + "'"
          : "missing '" + missing.group(1) + "' before '" + missing.group(2) + "'";
    }
    Matcher token = TOKEN.matcher(message);
    if (token.matches() && !token.group(1).isEmpty()) {
      String text = token.group(1);
      char first = text.charAt(0);
      if (first == '\'' || first == '"') {
        return "the string " + text.strip() + " is not closed; add the closing " + first;
      }
      if (first == '=') {
        return "'=' is not a comparison; write == to compare";
      }
      return "'" + first + "' cannot appear in a condition";
    }
    Matcher noViable = NO_VIABLE.matcher(message);
    if (noViable.matches()) {
      String input = noViable.group(1);
      return input.endsWith(".")
          ? "a field name must follow '.'"
          : "the expression cannot be read at '" + input + "'";
    }
    return message;
  }

  /** " after 'X'", X being the token before the error, or the empty string. */
  private static String afterWhat(String expression, int offset) {
    int points = expression.codePointCount(0, expression.length());
    String before =
        expression.substring(0, expression.offsetByCodePoints(0, Math.min(offset, points)));
    Matcher last = LAST_TOKEN.matcher(before);
    return last.find() ? " after '" + last.group(1) + "'" : "";
  }
}
