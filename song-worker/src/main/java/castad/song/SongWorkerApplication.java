package castad.song;

import castad.common.config.CastadService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts, connects to Kafka and the database, and reports healthy; its stage comes with Walking skeleton 2. */
@CastadService("song-worker")
@SpringBootApplication
@ConfigurationPropertiesScan
public class SongWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SongWorkerApplication.class, args);
    }
}
