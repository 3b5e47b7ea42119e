package castad.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The small chaos run, as an operator runs it: {@code ./castad up --instances 2}, then {@code ./castad chaos}
 * (provider faults on, kill -9 of random worker instances, one broker restart, a 30 s database outage), then
 * the report's last line. The stack runs beside any other on this machine: its own state directory and
 * ports (each default + 10000; worker instance 2 at + 100 as usual). Needs the services' jars, which the
 * build packaged before this module's integration tests.
 */
class ChaosRunIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path LOGS = ROOT.resolve("local-stack/target/chaos-run");
    private static final Pattern REPORT = Pattern.compile("^CHAOS pipelines=(\\d+) completed=(\\d+) failed=(\\d+)"
            + " lost=(\\d+) duplicate_paid=(\\d+) resubmissions=(\\d+) seconds=(\\d+)$", Pattern.MULTILINE);
    private static final Map<String, String> PORTS = Map.ofEntries(Map.entry("CASTAD_KAFKA_PORT", "19092"),
            Map.entry("CASTAD_KAFKA_CONTROLLER_PORT", "19093"), Map.entry("CASTAD_DB_PORT", "13307"),
            Map.entry("CASTAD_AZURITE_PORT", "20000"), Map.entry("CASTAD_SIMULATORS_PORT", "18090"),
            Map.entry("CASTAD_GATEWAY_PORT", "18080"), Map.entry("CASTAD_GATEWAY_MANAGEMENT_PORT", "18085"),
            Map.entry("CASTAD_LYRIC_PORT", "18081"), Map.entry("CASTAD_SONG_PORT", "18082"),
            Map.entry("CASTAD_VIDEO_PORT", "18083"), Map.entry("CASTAD_BLOB_PORT", "18084"));

    @BeforeAll
    static void up() throws Exception {
        deleteRecursively(LOGS);
        Files.createDirectories(LOGS);
        assertThat(castad(Duration.ofMinutes(4), "up", "--instances", "2").exitCode)
                .as("./castad up --instances 2 (see %s)", LOGS.resolve("up.log")).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        castad(Duration.ofMinutes(2), "down");
    }

    @Test
    void tenPipelinesUnderKillsABrokerRestartAndADatabaseOutageAllCompleteAndNoneIsPaidTwice() throws Exception {
        Run chaos = castad(Duration.ofMinutes(12), "chaos", "--pipelines", "10", "--spread", "40", "--minutes", "10",
                "--seed", "7");

        Matcher report = REPORT.matcher(chaos.output);
        assertThat(report.find()).as("the report's last line, in:%n%s", chaos.tail()).isTrue();
        assertThat(List.of(report.group(1), report.group(2), report.group(3), report.group(4)))
                .as("pipelines, completed, failed, lost; report:%n%s", chaos.tail())
                .containsExactly("10", "10", "0", "0");
        // every double payment is a counted resubmission; the count may exceed it by a claimant killed while it
        // backed off after a dropped connection (docs/reliability.md, the crash window's policy)
        assertThat(Integer.parseInt(report.group(5))).as("paid twice <= resubmissions counted; report:%n%s",
                chaos.tail()).isLessThanOrEqualTo(Integer.parseInt(report.group(6)));
        assertThat(chaos.output).as("chaos really happened").containsPattern("kill -9 \\S+-worker")
                .contains("restart kafka").contains("kill -9 mariadb");
        assertThat(workSplit(chaos.output)).as("each of the two instances of every worker did work")
                .containsOnlyKeys("blob-worker", "lyric-worker", "song-worker", "video-worker")
                .allSatisfy((worker, handled) -> assertThat(handled).hasSize(2).allMatch(records -> records > 0));
        assertThat(chaos.exitCode).isZero();
        assertThat(reportAgain(LOGS.resolve("state/logs/chaos-run.json")))
                .as("the report read again from the run's recording").endsWith(report.group());
    }

    /** {@code python3 -m chaos.report RECORDING}: a recorded run's report, printed again. */
    private static String reportAgain(Path recording) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", "-m", "chaos.report", recording.toString())
                .directory(ROOT.resolve("tools").toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("exit code of chaos.report; output:%n%s", output).isZero();
        return output.strip();
    }

    /** The report's work split: records handled per instance, by worker ("song-worker  song-worker 59, ..."). */
    private static Map<String, List<Integer>> workSplit(String report) {
        Map<String, List<Integer>> split = new HashMap<>();
        Matcher line = Pattern.compile("^  ([a-z]+-worker) +(\\S.*)$", Pattern.MULTILINE)
                .matcher(report.substring(report.indexOf("work split")));
        while (line.find() && !line.group(2).startsWith("submissions")) {
            split.put(line.group(1), Pattern.compile("\\S+ (\\d+)(, |$)").matcher(line.group(2)).results()
                    .map(m -> Integer.parseInt(m.group(1))).toList());
        }
        return split;
    }

    private record Run(int exitCode, String output) {
        String tail() {
            return output.lines().skip(Math.max(0, output.lines().count() - 60)).reduce("", (a, b) -> a + b + "\n");
        }
    }

    private static Run castad(Duration limit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("castad").toString()));
        command.addAll(List.of(args));
        File log = LOGS.resolve(args[0] + ".log").toFile();
        var builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = new HashMap<>(PORTS);
        env.put("CASTAD_STATE", LOGS.resolve("state").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            return new Run(-1, Files.readString(log.toPath()) + "\n(stopped after " + limit + ")");
        }
        return new Run(process.exitValue(), Files.readString(log.toPath()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }
}
