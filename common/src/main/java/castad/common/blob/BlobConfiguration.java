package castad.common.blob;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import castad.common.outbox.OutboxConfiguration;

/** Only services that store files turn this on ({@code castad.blob.enabled=true}). */
@AutoConfiguration(after = OutboxConfiguration.class)
@ConditionalOnProperty(name = "castad.blob.enabled", havingValue = "true")
@EnableConfigurationProperties(BlobSettings.class)
public class BlobConfiguration {

    @Bean
    BlobServiceClient blobServiceClient(BlobSettings settings) {
        return new BlobServiceClientBuilder().connectionString(settings.connectionString()).buildClient();
    }

    @Bean
    BlobStore blobStore(BlobServiceClient client, BlobSettings settings, Clock clock) {
        return new BlobStore(client, settings, clock);
    }
}
