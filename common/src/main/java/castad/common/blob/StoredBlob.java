package castad.common.blob;

/** Where a blob is: its container and name (what we keep) and its plain URL (not readable without a SAS). */
public record StoredBlob(String container, String name, String url, long sizeBytes, String sha256) {
}
