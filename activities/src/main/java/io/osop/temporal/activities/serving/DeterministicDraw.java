package io.osop.temporal.activities.serving;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A pseudo-random number in [0, 1) fixed by its inputs (SHA-256 of them), so that which requests
 * are mirrored or hit by an injected fault is the same on every replay, retry and machine.
 */
final class DeterministicDraw {

  private DeterministicDraw() {}

  /** The draw for a scope (session or revision), a request index and a purpose. */
  static double unit(String scope, long index, String purpose) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
    byte[] hash =
        digest.digest(
            (scope + '\u0000' + index + '\u0000' + purpose).getBytes(StandardCharsets.UTF_8));
    long top53 = ByteBuffer.wrap(hash).getLong() >>> 11;
    return top53 / (double) (1L << 53);
  }
}
