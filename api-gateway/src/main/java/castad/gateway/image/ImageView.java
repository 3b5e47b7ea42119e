package castad.gateway.image;

import castad.common.blob.BlobStore;

/** A photo as clients see it: {@code url} downloads it as it is (read-only, expiring signature). */
public record ImageView(int order, String url, String contentType, long sizeBytes, String originalName) {

    public static ImageView of(Image image, BlobStore blobs) {
        return new ImageView(image.sortOrder(), blobs.readUrl(image.blobContainer(), image.blobName()),
                image.contentType(), image.sizeBytes(), image.originalName());
    }
}
