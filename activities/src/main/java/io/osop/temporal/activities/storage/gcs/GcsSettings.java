package io.osop.temporal.activities.storage.gcs;

/**
 * Where the GCS object store keeps its objects.
 *
 * @param bucket the bucket name, without {@code gs://}
 * @param prefix the folder inside the bucket that is the store's root, empty for the bucket root
 * @param uploadChunkBytes bytes buffered per upload request (a multiple of 256 KiB suits GCS)
 */
public record GcsSettings(String bucket, String prefix, int uploadChunkBytes) {

  /** The default upload chunk: 8 MiB. */
  public static final int DEFAULT_UPLOAD_CHUNK_BYTES = 8 << 20;

  /** Checks the fields and normalises the prefix to end with one slash (or be empty). */
  public GcsSettings {
    if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
      throw new IllegalArgumentException(
          "a GCS bucket must be a bucket name without gs:// or slashes, got " + bucket);
    }
    prefix = prefix == null ? "" : prefix.replaceAll("^/+", "").replaceAll("/+$", "");
    prefix = prefix.isEmpty() ? "" : prefix + "/";
    if (uploadChunkBytes <= 0) {
      uploadChunkBytes = DEFAULT_UPLOAD_CHUNK_BYTES;
    }
  }

  /** Settings for a bucket and prefix with the default upload chunk. */
  public static GcsSettings of(String bucket, String prefix) {
    return new GcsSettings(bucket, prefix, DEFAULT_UPLOAD_CHUNK_BYTES);
  }
}
