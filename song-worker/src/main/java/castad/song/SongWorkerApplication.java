package castad.song;

import castad.common.config.CastadService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** song-worker: the song stage (Suno), from the lyric's completion to the song's MP3 in Blob. */
@CastadService("song-worker")
@SpringBootApplication
@ConfigurationPropertiesScan
public class SongWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SongWorkerApplication.class, args);
    }
}
