package castad.simulators;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tests that drive one shared running simulator over real HTTP, reset to its defaults before each. */
@SpringBootTest(classes = SimulatorsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningSimulatorTest {

    @LocalServerPort
    private int port;

    protected SimulatorHttp simulator;

    @BeforeEach
    void startFromDefaults() {
        simulator = new SimulatorHttp(port);
        simulator.reset();
    }
}
