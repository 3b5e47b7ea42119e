package castad.common.blob;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param connectionString an account-key connection string (needed to sign read SAS URLs); Azurite's locally
 * @param imagesContainer  where uploaded photos go
 * @param mediaContainer   where generated songs and videos go
 * @param readUrlTtl       how long a URL handed to a client stays downloadable ({@code CASTAD_BLOB_READ_URL_TTL});
 *                         over https only where the account is https
 * @param blockSizeBytes   staged block size of streaming uploads; memory per upload is about this times
 *                         {@code maxConcurrency}
 * @param uploadTimeout    the longest one upload may take (a 2 GiB copy at 5 MB/s takes 7 minutes)
 * @param publicEndpoint   the account's URL as clients reach it, when that is not the one the services use
 *                         ({@code CASTAD_BLOB_PUBLIC_ENDPOINT}; docker-compose: the services reach Azurite as
 *                         {@code azurite:10000}, a browser on the host as {@code 127.0.0.1:10000}); empty: the same
 */
@Validated
@ConfigurationProperties("castad.blob")
public record BlobSettings(
        @NotBlank String connectionString,
        @DefaultValue("images") @NotBlank String imagesContainer,
        @DefaultValue("media") @NotBlank String mediaContainer,
        @DefaultValue("1h") @NotNull Duration readUrlTtl,
        @DefaultValue("4194304") @Min(65_536) long blockSizeBytes,
        @DefaultValue("2") @Min(1) int maxConcurrency,
        @DefaultValue("30m") @NotNull Duration uploadTimeout,
        @DefaultValue("") @NotNull String publicEndpoint) {

    @Override
    public String toString() {
        return "BlobSettings[connectionString=<secret>, imagesContainer=" + imagesContainer
                + ", mediaContainer=" + mediaContainer + ", readUrlTtl=" + readUrlTtl + ", publicEndpoint=" + publicEndpoint + "]";
    }
}
