package castad.blob;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How blob-worker copies a provider's file into Blob.
 *
 * @param allowedHosts    hosts a source (and every redirect) may point to: exact names or {@code *.domain}
 *                        (any sub-domain, not the domain itself); the providers' own domains by default, and no
 *                        shared hosting ({@code *.amazonaws.com} and the like: anyone can put a file there).
 *                        {@code CASTAD_BLOB_COPY_ALLOWED_HOSTS}
 * @param allowedAddresses private, loopback, link-local or metadata addresses (or CIDR ranges) that a source may
 *                        be at all the same: none by default, the simulators' 127.0.0.1 in the local profile.
 *                        {@code CASTAD_BLOB_COPY_ALLOWED_ADDRESSES}
 * @param allowHttp       whether plain http sources are fetched: only in the local profile, for the simulators.
 *                        {@code CASTAD_BLOB_COPY_ALLOW_HTTP}
 * @param maxBytes        the largest file copied (2 GiB); checked on Content-Length and again while streaming
 * @param connectTimeout  TCP + TLS set-up with the source
 * @param readTimeout     the longest wait for the response headers, and for each read of the body
 * @param retry           how a source that fails transiently (5xx, timeouts, I/O errors) is fetched again
 * @param announceTimeout how long the listener waits for Kafka to acknowledge BlobStored / BlobFailed
 * @param concurrency     listener threads per instance, each copying one file at a time; a copy mostly waits
 *                        on the source and the store, so more threads than cores pay (W1, one instance: 2 -> 6
 *                        threads, 16.6 -> 21.1 pipelines/s). Threads of all instances beyond the topic's
 *                        partitions (6) stay idle, and which instance's is not up to us: 3 lets two instances
 *                        share the work. Each copy buffers at most block size x upload concurrency (8 MiB)
 */
@Validated
@ConfigurationProperties("castad.blob-copy")
public record BlobCopySettings(
        @DefaultValue({"*.sunoapi.org", "*.suno.ai", "*.suno.com", "*.creatomate.com"})
        @NotEmpty List<@NotBlank String> allowedHosts,
        @DefaultValue({}) @NotNull List<@NotBlank String> allowedAddresses,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("2147483648") @Min(1) long maxBytes,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout,
        @DefaultValue @Valid Retry retry,
        @DefaultValue("30s") @NotNull Duration announceTimeout,
        @DefaultValue("3") @Min(1) int concurrency) {

    /**
     * @param maxAttempts    fetches in all, the first included
     * @param initialBackoff first wait; doubles with each attempt, randomised by half either way
     * @param maxBackoff     the longest wait, also for a source's {@code Retry-After}
     */
    public record Retry(
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialBackoff,
            @DefaultValue("10s") @NotNull Duration maxBackoff) {
    }
}
