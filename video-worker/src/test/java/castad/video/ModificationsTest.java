package castad.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import castad.common.blob.BlobStore;
import castad.common.http.ProviderFailure;
import castad.video.creatomate.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModificationsTest {

    private final BlobStore blobs = mock(BlobStore.class);

    @Test
    void photosFillTheSlotsInOrderRepeatingWhenThereAreFewerPhotosThanSlots() {
        when(blobs.readUrl(anyString(), anyString())).thenAnswer(call -> "signed:" + call.getArgument(1));
        var template = new Template("t", List.of(element("Photo-10"), element("Photo-2"), element("Photo-1"),
                element("Title"), element("Lyrics"), element("Music"), element("Logo")));
        var input = new RenderInput("t", "Cafe Onion", "la la la", new RenderInput.Stored("media", "song.mp3"),
                List.of(new RenderInput.Stored("images", "a.png"), new RenderInput.Stored("images", "b.png")));

        var modifications = Modifications.of(template, input, blobs);

        assertThat(modifications).containsEntry("Photo-1", "signed:a.png").containsEntry("Photo-2", "signed:b.png")
                .containsEntry("Photo-10", "signed:a.png").containsEntry("Title", "Cafe Onion")
                .containsEntry("Lyrics", "la la la").containsEntry("Music", "signed:song.mp3")
                .doesNotContainKey("Logo");
    }

    @Test
    void lyricsAreLeftOutOfATemplateThatDoesNotShowThem() {
        when(blobs.readUrl(anyString(), anyString())).thenReturn("signed");
        var template = new Template("t", List.of(element("Photo-1"), element("Title"), element("Music")));

        assertThat(Modifications.of(template, input(), blobs)).containsOnlyKeys("Photo-1", "Title", "Music");
    }

    @Test
    void aTemplateWithoutAnElementTheAdvertNeedsFailsNamingIt() {
        when(blobs.readUrl(anyString(), anyString())).thenReturn("signed");
        var noMusic = new Template("silent", List.of(element("Photo-1"), element("Title")));
        var noTitle = new Template("untitled", List.of(element("Photo-1"), element("Music")));
        var noPhotos = new Template("plain", List.of(element("Title"), element("Music"), element("Photo")));

        assertThatThrownBy(() -> Modifications.of(noMusic, input(), blobs)).isInstanceOfSatisfying(ProviderFailure.class,
                failure -> {
                    assertThat(failure.errorCode()).isEqualTo("TEMPLATE_MISMATCH");
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure).hasMessageContaining("silent").hasMessageContaining("Music");
                });
        assertThatThrownBy(() -> Modifications.of(noTitle, input(), blobs)).hasMessageContaining("Title");
        assertThatThrownBy(() -> Modifications.of(noPhotos, input(), blobs)).hasMessageContaining("Photo-1");
    }

    private static RenderInput input() {
        return new RenderInput("t", "Store", "lyrics", new RenderInput.Stored("media", "s.mp3"),
                List.of(new RenderInput.Stored("images", "a.png")));
    }

    private static Template.Element element(String name) {
        return new Template.Element(name, name.startsWith("Photo") ? "image" : "text");
    }
}
