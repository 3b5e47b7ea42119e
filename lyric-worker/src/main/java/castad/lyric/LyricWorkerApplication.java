package castad.lyric;

import castad.common.config.CastadService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@CastadService("lyric-worker")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LyricWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LyricWorkerApplication.class, args);
    }
}
