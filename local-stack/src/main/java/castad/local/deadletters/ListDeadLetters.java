package castad.local.deadletters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./castad dlt list}: every record of the given dead-letter topics, read from the beginning up
 * to the end offsets of the moment, without a consumer group; then a count per topic.
 */
public final class ListDeadLetters {

    private record Row(DeadLetter letter, boolean replayed) {
    }

    private record Column(String title, Function<Row, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("DLT TOPIC", row -> row.letter().topic()),
            new Column("PARTITION@OFFSET", row -> row.letter().position()),
            new Column("KEY (TASK)", row -> orDash(row.letter().key())),
            new Column("EVENT TYPE", row -> orDash(row.letter().eventType())),
            new Column("ORIGINAL TOPIC", row -> row.letter().originalTopic()),
            new Column("DIED AT (UTC)", row -> row.letter().diedAtText()),
            new Column("REPLAYED", row -> row.replayed() ? "yes" : "no"),
            new Column("EXCEPTION", row -> row.letter().failure()));

    private ListDeadLetters() {
    }

    public static void run(KafkaSession kafka, List<String> deadLetterTopics, PrintStream out) {
        Set<String> existing = kafka.topics();
        List<Row> rows = new ArrayList<>();
        for (String topic : deadLetterTopics) {
            if (!existing.contains(topic)) {
                continue;
            }
            List<TopicPartition> partitions = kafka.partitions(topic);
            Map<Integer, ReplayProgress> progress = kafka.replayProgress(topic);
            kafka.read(partitions, Map.of(), record -> rows.add(new Row(DeadLetter.of(record),
                    progress.getOrDefault(record.partition(), ReplayProgress.NONE).replayed(record.offset()))));
        }
        rows.sort(Comparator.comparingInt((Row row) -> deadLetterTopics.indexOf(row.letter().topic()))
                .thenComparingInt(row -> row.letter().partition())
                .thenComparingLong(row -> row.letter().offset()));
        if (!rows.isEmpty()) {
            printTable(rows, out);
            out.println();
        }
        printCounts(deadLetterTopics, existing, rows, out);
    }

    private static void printTable(List<Row> rows, PrintStream out) {
        int[] widths = COLUMNS.stream().mapToInt(column -> rows.stream().map(column.value())
                .mapToInt(String::length).max().orElse(0)).toArray();
        out.println(line(COLUMNS.stream().map(Column::title).toList(), widths));
        for (Row row : rows) {
            out.println(line(COLUMNS.stream().map(column -> column.value().apply(row)).toList(), widths));
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(Math.max(widths[i], COLUMNS.get(i).title().length()) - cell.length() + 2));
            }
        }
        return line.toString();
    }

    private static void printCounts(List<String> topics, Set<String> existing, List<Row> rows, PrintStream out) {
        int width = topics.stream().mapToInt(String::length).max().orElse(0) + 2;
        for (String topic : topics) {
            List<Row> ofTopic = rows.stream().filter(row -> row.letter().topic().equals(topic)).toList();
            String count = existing.contains(topic) ? count(ofTopic) : "0 dead letters (no such topic yet)";
            out.println(pad(topic, width) + count);
        }
        if (topics.size() > 1) {
            out.println(pad("total", width) + count(rows));
        }
    }

    private static String count(List<Row> rows) {
        long replayed = rows.stream().filter(Row::replayed).count();
        String count = rows.size() + (rows.size() == 1 ? " dead letter" : " dead letters");
        return replayed == 0 ? count : count + " (" + replayed + " replayed)";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(1, width - text.length()));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
