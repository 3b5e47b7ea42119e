package castad.simulators.creatomate;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A template as GET /v1/templates/{id} shows it, with its RenderScript {@code source}. */
record Template(String id, String name, List<String> tags,
                @JsonProperty("created_at") String createdAt,
                @JsonProperty("updated_at") String updatedAt,
                Map<String, Object> source) {

    Summary summary() {
        return new Summary(id, name, tags, createdAt, updatedAt);
    }

    /** A template as GET /v1/templates lists it. */
    record Summary(String id, String name, List<String> tags,
                   @JsonProperty("created_at") String createdAt,
                   @JsonProperty("updated_at") String updatedAt) {
    }
}
