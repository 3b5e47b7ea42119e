package castad.video;

import castad.common.config.CastadService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts, connects to Kafka and the database, and reports healthy; its stage comes with Walking skeleton 2. */
@CastadService("video-worker")
@SpringBootApplication
@ConfigurationPropertiesScan
public class VideoWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(VideoWorkerApplication.class, args);
    }
}
