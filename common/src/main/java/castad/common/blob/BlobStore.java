package castad.common.blob;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.Utility;
import com.azure.storage.common.sas.SasProtocol;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Streams content into Azure Blob Storage in fixed-size blocks (memory stays constant whatever the size)
 * and hands out read URLs signed with an expiry. Containers are created on first use.
 */
public class BlobStore {

    private static final int READ_URLS_KEPT = 10_000;
    static final long SMALLEST_BLOCK = 65_536;

    private final BlobServiceClient service;
    private final BlobSettings settings;
    private final Clock clock;
    private final Map<String, BlobContainerClient> containers = new ConcurrentHashMap<>();
    private final Map<String, String> containerUrls = new ConcurrentHashMap<>();
    private final Cache<String, String> readUrls;

    public BlobStore(BlobServiceClient service, BlobSettings settings, Clock clock) {
        this.service = service;
        this.settings = settings;
        this.clock = clock;
        this.readUrls = Caffeine.newBuilder()
                .maximumSize(READ_URLS_KEPT)
                .expireAfterWrite(settings.readUrlTtl().dividedBy(2))
                .build();
    }

    /**
     * Uploads (or overwrites: a retry of the same name never makes a second blob) from a stream.
     *
     * @param expectedBytes the stream's length where its source declared one
     */
    public StoredBlob upload(String container, String name, InputStream content, String contentType,
                             OptionalLong expectedBytes) {
        BlobClient blob = container(container).getBlobClient(name);
        var measured = new MeasuredInputStream(content);
        long blockSize = blockSize(expectedBytes);
        var options = new BlobParallelUploadOptions(measured)
                .setParallelTransferOptions(new ParallelTransferOptions()
                        .setBlockSizeLong(blockSize)
                        // Without this the SDK buffers anything up to 256 MiB to send it in one request.
                        .setMaxSingleUploadSizeLong(blockSize)
                        .setMaxConcurrency(settings.maxConcurrency()))
                .setHeaders(new BlobHttpHeaders().setContentType(contentType));
        blob.uploadWithResponse(options, settings.uploadTimeout(), Context.NONE);
        return new StoredBlob(container, name, blob.getBlobUrl(), measured.count(), measured.sha256Hex());
    }

    /**
     * The SDK reads a stream into a new buffer of the block size per block: a 60 kB file took a 4 MiB buffer,
     * and blob-worker spent a quarter of its CPU collecting them (W1: 8.7 GB allocated for 68 MB copied). A
     * stream of known length gets a buffer one byte longer (its end is then found without a second buffer),
     * never below {@link #SMALLEST_BLOCK}.
     */
    long blockSize(OptionalLong expectedBytes) {
        if (expectedBytes.isEmpty()) {
            return settings.blockSizeBytes();
        }
        return Math.min(settings.blockSizeBytes(), Math.max(SMALLEST_BLOCK, expectedBytes.getAsLong() + 1));
    }

    /**
     * The blob's plain URL: where it is, not readable without a signature. Written as the SDK writes a blob
     * client's URL (the container's URL, then the name URL-encoded whole), without making a client for it: that
     * was an eighth of a worker's listener time.
     */
    public String url(String container, String name) {
        return containerUrls.computeIfAbsent(container, key -> service.getBlobContainerClient(key).getBlobContainerUrl())
                + "/" + Utility.urlEncode(name);
    }

    /**
     * A URL anyone can download from for at least half of {@link BlobSettings#readUrlTtl()}. The same URL is
     * handed out again until half its life has passed: a client polling its task sees stable URLs (its browser
     * caches the files), and each URL is signed once per half-life, not on every read (signing was a fifth of
     * the gateway's CPU for a task view).
     */
    public String readUrl(String container, String name) {
        return readUrls.get(container + '/' + name, key -> signedUrl(container, name));
    }

    /** The {@link #readUrl} of a blob given by its plain {@link #url}; empty if that is not a URL of this store. */
    public Optional<String> readUrlOf(String plainUrl) {
        return BlobLocation.in(service.getAccountUrl(), plainUrl).map(blob -> readUrl(blob.container(), blob.name()));
    }

    private String signedUrl(String container, String name) {
        // signing is local: no need to see (or create) the container first
        BlobClient blob = service.getBlobContainerClient(container).getBlobClient(name);
        OffsetDateTime expiry = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .plus(settings.readUrlTtl());
        var values = new BlobServiceSasSignatureValues(expiry, new BlobSasPermission().setReadPermission(true));
        if (blob.getBlobUrl().startsWith("https:")) {
            values.setProtocol(SasProtocol.HTTPS_ONLY); // a signed link never works over plain http
        }
        String sas = blob.generateSas(values);
        return asClientsReachIt(blob.getBlobUrl()) + "?" + sas;
    }

    /** The signature covers the account, container and name, not the host: the URL may name another way in. */
    private String asClientsReachIt(String blobUrl) {
        String account = service.getAccountUrl();
        if (settings.publicEndpoint().isBlank() || !blobUrl.startsWith(account)) {
            return blobUrl;
        }
        return settings.publicEndpoint().replaceAll("/+$", "") + blobUrl.substring(account.length());
    }

    public void delete(String container, String name) {
        container(container).getBlobClient(name).deleteIfExists();
    }

    private BlobContainerClient container(String name) {
        return containers.computeIfAbsent(name, key -> {
            BlobContainerClient client = service.getBlobContainerClient(key);
            client.createIfNotExists();
            return client;
        });
    }
}
