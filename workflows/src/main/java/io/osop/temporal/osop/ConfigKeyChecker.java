package io.osop.temporal.osop;

import io.osop.temporal.pipeline.Handler;
import java.util.List;
import java.util.Map;

/** Checks that a node's config names only keys its handler's runtime reads. */
final class ConfigKeyChecker {

  private final Findings findings;

  ConfigKeyChecker(Findings findings) {
    this.findings = findings;
  }

  /**
   * Reports config keys the handler's runtime never reads: a warning in the file ({@code x-} keys
   * pass), an error for a {@code --set} (a misspelt override silently changes nothing) and for a
   * key of {@code resources} (the Kubernetes executor rejects it).
   */
  void check(OsopNode node, Handler handler) {
    List<String> known = HandlerConfigKeys.of(handler);
    for (String key : node.config().keySet()) {
      if (!known.contains(key)) {
        reportUnknown(node, key, known, handler.id() + " reads " + listOrNone(known), false);
      }
    }
    if (handler == Handler.RUN_COMMAND && node.config().get("resources") instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        String name = String.valueOf(key);
        if (!HandlerConfigKeys.RESOURCE_KEYS.contains(name)) {
          reportUnknown(
              node,
              "resources." + name,
              HandlerConfigKeys.RESOURCE_KEYS,
              "resources are " + String.join(", ", HandlerConfigKeys.RESOURCE_KEYS),
              true);
        }
      }
    }
  }

  private void reportUnknown(
      OsopNode node, String path, List<String> known, String readsWhat, boolean alwaysError) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    if (key.startsWith("x-") && !alwaysError) {
      return;
    }
    SourcePosition at = node.keyPositionOf("config." + path);
    String message =
        "node '"
            + node.id()
            + "': unknown config key '"
            + path
            + "'"
            + DidYouMean.hint(key, known)
            + "; "
            + readsWhat;
    if (at.isOverride()) {
      findings.error(at, message + "; this override would change nothing");
    } else if (alwaysError) {
      findings.error(at, message);
    } else {
      findings.warning(at, message + "; extension keys start with 'x-'");
    }
  }

  private static String listOrNone(List<String> keys) {
    return keys.isEmpty() ? "no config keys" : String.join(", ", keys);
  }
}
