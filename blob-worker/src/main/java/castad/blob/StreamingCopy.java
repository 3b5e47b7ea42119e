package castad.blob;

import castad.common.blob.BlobStore;
import castad.common.blob.StoredBlob;
import castad.common.event.BlobRequested;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;

/**
 * Copies one file from its source into Blob without keeping it in memory or on disk: the response body
 * streams through a cap into {@link BlobStore#upload}, which stages it in fixed blocks and measures it. A
 * source that fails transiently is fetched again (backoff with jitter); every attempt writes the same
 * deterministic name, so a retry or a redelivered command overwrites one blob and never makes a second.
 */
final class StreamingCopy {

    private final SourcePolicy policy;
    private final SourceFiles sources;
    private final BlobStore blobs;
    private final String container;
    private final long maxBytes;
    private final Retry retry;

    StreamingCopy(SourcePolicy policy, SourceFiles sources, BlobStore blobs, String container, long maxBytes,
                  Retry retry) {
        this.policy = policy;
        this.sources = sources;
        this.blobs = blobs;
        this.container = container;
        this.maxBytes = maxBytes;
        this.retry = retry;
    }

    /**
     * @throws CopyFailure when the source is refused, gone, rejected, too large or keeps failing; any other
     *                     exception is Blob Storage's and is left to the caller
     */
    StoredBlob copy(BlobRequested command) {
        URI source = policy.check(command.sourceUrl());
        try {
            return retry.executeSupplier(() -> attempt(source, command));
        } catch (CopyFailure failure) {
            if (failure.removesBlob()) {
                blobs.delete(container, command.blobName());
            }
            throw failure;
        }
    }

    private StoredBlob attempt(URI source, BlobRequested command) {
        try (SourceFile file = sources.open(source)) {
            if (file.declaredLength().orElse(0) > maxBytes) {
                throw CopyFailure.tooLarge(SourcePolicy.redact(source) + " declares "
                        + file.declaredLength().getAsLong() + " bytes, more than the " + maxBytes + " allowed");
            }
            var capped = new CappedInputStream(file.body(), maxBytes);
            try {
                return blobs.upload(container, command.blobName(), capped, command.contentType(), file.declaredLength());
            } catch (RuntimeException uploadFailed) {
                IOException sourceFailure = capped.failure().orElseThrow(() -> uploadFailed);
                throw readingFailed(source, sourceFailure);
            }
        }
    }

    private static CopyFailure readingFailed(URI source, IOException failure) {
        String message = SourcePolicy.redact(source) + ": " + failure.getMessage();
        return failure instanceof CappedInputStream.TooLarge
                ? CopyFailure.tooLarge(message)
                : CopyFailure.unavailable(message);
    }
}
