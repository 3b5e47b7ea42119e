package castad.lyric.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

final class OpenAiJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    private OpenAiJson() {
    }
}
