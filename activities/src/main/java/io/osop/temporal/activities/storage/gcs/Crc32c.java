package io.osop.temporal.activities.storage.gcs;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32C;

/** CRC32C checksums written the way GCS reports them: base64 of the four big-endian bytes. */
final class Crc32c {

  private Crc32c() {}

  /** The checksum of a running CRC. */
  static String base64(CRC32C crc) {
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** The checksum of some bytes. */
  static String base64(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return base64(crc);
  }
}
