package castad.lyric.openai;

/** Usable lyrics, and the provider's id of the completion that wrote them. */
public record Lyrics(String text, String completionId) {
}
