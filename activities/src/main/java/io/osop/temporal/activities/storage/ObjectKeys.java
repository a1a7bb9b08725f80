package io.osop.temporal.activities.storage;

/** Checks object keys before any store touches them, so no key can escape its store's root. */
public final class ObjectKeys {

  /** File names starting with this prefix are the local store's own bookkeeping, never objects. */
  static final String RESERVED_PREFIX = ".osop-";

  private ObjectKeys() {}

  /**
   * Returns the key unchanged when it is a relative, slash-separated path without empty, {@code .}
   * or {@code ..} segments; throws {@link IllegalArgumentException} naming the key otherwise.
   */
  public static String requireValid(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("object key must not be empty");
    }
    if (key.startsWith("/") || key.contains("\\") || key.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "object key must be a relative slash-separated path: key=" + key);
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "object key has an empty, '.' or '..' segment: key=" + key);
      }
      if (segment.startsWith(RESERVED_PREFIX)) {
        throw new IllegalArgumentException(
            "object key uses the reserved prefix " + RESERVED_PREFIX + ": key=" + key);
      }
    }
    return key;
  }

  /**
   * Returns a listing prefix unchanged when it is empty or a valid key, optionally ending in a
   * slash.
   */
  public static String requireValidPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "";
    }
    String body = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    requireValid(body);
    return prefix;
  }
}
