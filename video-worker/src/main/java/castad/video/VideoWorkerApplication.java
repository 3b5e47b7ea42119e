package castad.video;

import castad.common.config.CastadService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** video-worker: the video stage (Creatomate), from the song's stored copy to the video's MP4 in Blob. */
@CastadService("video-worker")
@SpringBootApplication
@ConfigurationPropertiesScan
public class VideoWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(VideoWorkerApplication.class, args);
    }
}
