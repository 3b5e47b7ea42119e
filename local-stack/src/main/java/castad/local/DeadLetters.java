package castad.local;

import castad.local.deadletters.DeadLetterTopics;
import castad.local.deadletters.KafkaSession;
import castad.local.deadletters.KafkaUnavailableException;
import castad.local.deadletters.ListDeadLetters;
import castad.local.deadletters.ReplayDeadLetters;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./castad dlt}: the operator's view of castad's dead letters ({@code <topic>.dlt}), and their
 * replay after a fix. docs/operations.md describes it.
 *
 * <p>Kafka: {@code $CASTAD_KAFKA_BOOTSTRAP}, else {@code 127.0.0.1:$CASTAD_KAFKA_PORT} (9092). Exit codes:
 * 0 done, 1 Kafka unreachable or a record could not be sent, 2 usage error.
 */
public final class DeadLetters {

    static final int OK = 0;
    static final int KAFKA_UNAVAILABLE = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: ./castad dlt list [topic]
                   ./castad dlt replay <topic> [--task <taskId>] [--dry-run]

              list     the dead letters of <topic>.dlt, or of all six .dlt topics: partition@offset,
                       key (taskId), eventType, original topic, when it died, whether it was replayed,
                       the exception; then a count per topic. Reads without a consumer group.
              replay   sends the dead letters of <topic>.dlt back to their original topic (same key,
                       value and headers, without the kafka_dlt-* headers, plus replayedFrom), each
                       one once: progress is the committed offsets of consumer group castad-dlt-replay.
                       --task: only that task's dead letters (the others stay for a later replay);
                       --dry-run: show what would be sent, send nothing, save nothing.

            topics: %s,
                    %s (or their .dlt names)
            Kafka: $CASTAD_KAFKA_BOOTSTRAP, else 127.0.0.1:$CASTAD_KAFKA_PORT (9092)
            exit: 0 done, 1 Kafka unreachable or a record not sent, 2 usage error
            """.formatted(String.join(", ", DeadLetterTopics.TOPICS.subList(0, 3)),
                    String.join(", ", DeadLetterTopics.TOPICS.subList(3, DeadLetterTopics.TOPICS.size())));

    private final String bootstrapServers;
    private final Duration timeout;
    private final PrintStream out;
    private final PrintStream err;

    DeadLetters(String bootstrapServers, Duration timeout, PrintStream out, PrintStream err) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new DeadLetters(bootstrapServers(), Duration.ofSeconds(5), System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }

    static String bootstrapServers() {
        String bootstrap = System.getenv("CASTAD_KAFKA_BOOTSTRAP");
        if (bootstrap != null && !bootstrap.isBlank()) {
            return bootstrap;
        }
        String port = System.getenv("CASTAD_KAFKA_PORT");
        return "127.0.0.1:" + (port == null || port.isBlank() ? "9092" : port);
    }

    int run(String... args) {
        Command command;
        try {
            command = parse(List.of(args));
        } catch (UsageException e) {
            err.println("castad dlt: " + e.getMessage());
            err.println();
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (command == null) {
            out.print(USAGE_TEXT);
            return OK;
        }
        try (KafkaSession kafka = KafkaSession.open(bootstrapServers, timeout)) {
            return command.run(kafka);
        } catch (KafkaUnavailableException e) {
            err.println("castad dlt: " + e.getMessage());
            return KAFKA_UNAVAILABLE;
        }
    }

    private interface Command {
        int run(KafkaSession kafka);
    }

    /** @return the command, or null for help */
    private Command parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("list or replay?");
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "help", "-h", "--help":
                return null;
            case "list":
                return list(rest);
            case "replay":
                return replay(rest);
            default:
                throw new UsageException("unknown command " + args.get(0) + " (list or replay)");
        }
    }

    private Command list(List<String> args) {
        if (args.size() > 1 || args.stream().anyMatch(arg -> arg.startsWith("-"))) {
            throw new UsageException("list takes at most one topic, no options: " + String.join(" ", args));
        }
        List<String> topics = args.isEmpty() ? DeadLetterTopics.all() : List.of(deadLetterTopic(args.get(0)));
        return kafka -> {
            ListDeadLetters.run(kafka, topics, out);
            return OK;
        };
    }

    private Command replay(List<String> args) {
        List<String> positional = new ArrayList<>();
        Optional<String> task = Optional.empty();
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--task") || arg.startsWith("--task=")) {
                String value = arg.startsWith("--task=") ? arg.substring("--task=".length())
                        : i + 1 < args.size() ? args.get(++i) : "";
                if (value.isBlank() || value.startsWith("--")) {
                    throw new UsageException("--task needs a taskId");
                }
                task = Optional.of(value);
            } else if (arg.startsWith("-")) {
                throw new UsageException("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 1) {
            throw new UsageException(positional.isEmpty() ? "replay needs a topic"
                    : "replay takes one topic: " + String.join(" ", positional));
        }
        String topic = deadLetterTopic(positional.get(0));
        Optional<String> onlyTask = task;
        boolean dry = dryRun;
        return kafka -> ReplayDeadLetters.run(kafka, topic, onlyTask, dry, out, err);
    }

    private static String deadLetterTopic(String name) {
        return DeadLetterTopics.resolve(name).orElseThrow(() -> new UsageException("unknown topic " + name
                + "; valid: " + String.join(", ", DeadLetterTopics.TOPICS) + " (or their .dlt names)"));
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
