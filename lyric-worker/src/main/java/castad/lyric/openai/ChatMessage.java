package castad.lyric.openai;

public record ChatMessage(String role, String content) {
}
