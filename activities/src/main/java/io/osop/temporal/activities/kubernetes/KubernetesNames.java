package io.osop.temporal.activities.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns run-derived names into valid Kubernetes object names and label values, deterministically:
 * the same input always gives the same name, and two inputs that would collide after cleaning get
 * different hash suffixes.
 */
public final class KubernetesNames {

  /** The longest object name used (Job names become pod label values, limited to 63). */
  public static final int MAX_NAME = 63;

  private KubernetesNames() {}

  /** A DNS-1123 label of at most {@code max} characters for the raw name. */
  public static String dnsLabel(String raw, int max) {
    String cleaned =
        raw.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9-]", "-")
            .replaceAll("-{2,}", "-")
            .replaceAll("^-+|-+$", "");
    if (cleaned.equals(raw) && !cleaned.isEmpty() && cleaned.length() <= max) {
      return cleaned;
    }
    String suffix = hash(raw);
    int keep = Math.max(0, max - suffix.length() - 1);
    String head = cleaned.substring(0, Math.min(keep, cleaned.length())).replaceAll("-+$", "");
    return head.isEmpty() ? "x-" + suffix : head + "-" + suffix;
  }

  /** A valid label value (at most 63 characters of {@code [A-Za-z0-9._-]}) for the raw value. */
  public static String labelValue(String raw) {
    if (raw == null) {
      return "";
    }
    String cleaned =
        raw.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    if (cleaned.equals(raw) && cleaned.length() <= MAX_NAME) {
      return cleaned;
    }
    String suffix = hash(raw);
    String head = cleaned.substring(0, Math.min(MAX_NAME - suffix.length() - 1, cleaned.length()));
    head = head.replaceAll("[^A-Za-z0-9]+$", "");
    return head.isEmpty() ? suffix : head + "-" + suffix;
  }

  /** Eight hex characters of the SHA-256 of the text. */
  public static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
