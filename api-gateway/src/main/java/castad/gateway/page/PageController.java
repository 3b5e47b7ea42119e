package castad.gateway.page;

import castad.gateway.image.ImageSettings;
import castad.gateway.image.UploadLimits;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page at {@code /} (static/index.html and its modules) asks here, without a key, what it should tell a
 * person before an upload; everything else it reads through the API with the person's key.
 */
@RestController
class PageController {

    private final PageSettings settings;

    PageController(ImageSettings images, MultipartProperties multipart) {
        this.settings = new PageSettings(UploadLimits.of(images, multipart), "X-API-Key");
    }

    @GetMapping("/page/settings")
    PageSettings settings() {
        return settings;
    }

    /** @param apiKeyHeader where every API call carries the key */
    record PageSettings(UploadLimits uploads, String apiKeyHeader) {
    }
}
