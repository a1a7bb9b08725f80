package io.osop.temporal.activities.storage.gcs;

import io.osop.temporal.activities.storage.AbortableOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * The stream {@link GcsObjectStore#create} returns: it checksums what passes to the temporary
 * upload and, on a clean close, hands the checksum to the commit step. After any write error, or
 * when the writer aborts, the upload is discarded and nothing is committed.
 */
final class GcsUploadStream extends FilterOutputStream implements AbortableOutput {

  /** Makes the finished upload visible under its key. */
  interface Commit {
    void run(String crc32c, long size) throws IOException;
  }

  private final Commit commit;
  private final Runnable discard;
  private final CRC32C crc = new CRC32C();
  private long size;
  private boolean failed;
  private boolean closed;

  GcsUploadStream(OutputStream upload, Commit commit, Runnable discard) {
    super(upload);
    this.commit = commit;
    this.discard = discard;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    try {
      out.write(b, off, len);
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
    crc.update(b, off, len);
    size += len;
  }

  @Override
  public void flush() {
    // Bytes go to GCS in whole chunks; a flush here would only send short requests.
  }

  @Override
  public void abort() {
    if (!closed) {
      closed = true;
      // Left unclosed, the upload is never finalised; the temporary name is cleared all the same.
      discard.run();
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (failed) {
      // Closing would finalise the half-written upload; left unclosed, the upload is abandoned.
      discard.run();
      return;
    }
    try {
      out.close();
    } catch (IOException | RuntimeException e) {
      discard.run();
      throw e;
    }
    commit.run(Crc32c.base64(crc), size);
  }
}
