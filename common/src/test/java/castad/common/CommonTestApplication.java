package castad.common;

import castad.common.config.CastadService;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The shared configuration alone, as every service gets it, for testing it against real infrastructure. */
@CastadService("common-test")
@SpringBootApplication
public class CommonTestApplication {
}
