package castad.video.creatomate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateElementsTest {

    @Test
    void elementsInsideCompositionsAreFoundAtAnyDepth() throws Exception {
        var body = CreatomateWire.JSON.readValue("""
                {"id": "t", "source": {"elements": [
                  {"name": "Scene", "type": "composition", "elements": [
                    {"name": "Photo-1", "type": "image"},
                    {"name": "Inner", "type": "composition", "elements": [{"name": "Title", "type": "text"}]}]},
                  {"name": "Music", "type": "audio"}]}}""", CreatomateWire.TemplateBody.class);

        assertThat(CreatomateClient.templateOf("t", body).elements()).extracting(Template.Element::name)
                .containsExactly("Scene", "Photo-1", "Inner", "Title", "Music");
    }

    @Test
    void aTemplateWithoutASourceHasNoElements() {
        assertThat(CreatomateClient.templateOf("t", null).elements()).isEmpty();
    }
}
