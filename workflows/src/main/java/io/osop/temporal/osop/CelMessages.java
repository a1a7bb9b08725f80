package io.osop.temporal.osop;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites CEL's checker messages in the words of a pipeline author. */
final class CelMessages {

  private static final Pattern NO_OVERLOAD =
      Pattern.compile("found no matching overload for '([^']+)' applied to '\\((.*)\\)'.*");
  private static final Pattern EXPECTED_TYPE =
      Pattern.compile("expected type '([^']+)' but found '([^']+)'");
  private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'.*");
  private static final Map<String, String> OPERATORS =
      Map.ofEntries(
          Map.entry("_==_", "=="),
          Map.entry("_!=_", "!="),
          Map.entry("_<_", "<"),
          Map.entry("_<=_", "<="),
          Map.entry("_>_", ">"),
          Map.entry("_>=_", ">="),
          Map.entry("_+_", "+"),
          Map.entry("_-_", "-"),
          Map.entry("_*_", "*"),
          Map.entry("_/_", "/"),
          Map.entry("_%_", "%"),
          Map.entry("_&&_", "&&"),
          Map.entry("_||_", "||"),
          Map.entry("!_", "!"),
          Map.entry("-_", "unary -"),
          Map.entry("_[_]", "[]"),
          Map.entry("@in", "in"));

  private CelMessages() {}

  static String explain(String message) {
    Matcher overload = NO_OVERLOAD.matcher(message);
    if (overload.matches()) {
      String function = overload.group(1);
      String operator = OPERATORS.get(function);
      String types = overload.group(2);
      if (operator != null && types.contains(", ")) {
        String[] pair = types.split(", ", 2);
        return "'"
            + operator
            + "' cannot be applied to "
            + pair[0]
            + " and "
            + pair[1]
            + " (incompatible types)";
      }
      return "'"
          + (operator != null ? operator : function)
          + "' cannot be applied to ("
          + types
          + ")";
    }
    Matcher undeclared = UNDECLARED.matcher(message);
    if (undeclared.matches()) {
      return "unknown name '" + undeclared.group(1) + "'";
    }
    Matcher expected = EXPECTED_TYPE.matcher(message);
    if (expected.matches() && expected.group(1).equals("bool")) {
      return "a condition must be true or false, but this is " + expected.group(2);
    }
    return message;
  }
}
