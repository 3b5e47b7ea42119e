package castad.gateway.image;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;

/**
 * What a photo upload may be, as a client should be told it before it sends anything: the same limits
 * {@link Images} and the multipart reader enforce.
 *
 * @param maxPhotos       photos a project may have in all
 * @param maxFileBytes    bytes of one photo
 * @param maxRequestBytes bytes of one upload request, all its photos together
 * @param contentTypes    the formats accepted (recognised by their bytes, not by the name)
 */
public record UploadLimits(int maxPhotos, long maxFileBytes, long maxRequestBytes, List<String> contentTypes) {

    public static UploadLimits of(ImageSettings images, MultipartProperties multipart) {
        return new UploadLimits(images.maxPerProject(), multipart.getMaxFileSize().toBytes(),
                multipart.getMaxRequestSize().toBytes(),
                Arrays.stream(ImageType.values()).map(type -> type.contentType).toList());
    }
}
