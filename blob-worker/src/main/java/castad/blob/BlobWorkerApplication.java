package castad.blob;

import castad.common.config.CastadService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Copies generated files from provider URLs into Azure Blob and announces each result on the timeline. */
@CastadService("blob-worker")
@SpringBootApplication
@ConfigurationPropertiesScan
public class BlobWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlobWorkerApplication.class, args);
    }
}
