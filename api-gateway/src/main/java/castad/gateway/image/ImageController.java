package castad.gateway.image;

import castad.common.blob.BlobStore;
import castad.gateway.security.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ImageController {

    private final Images images;
    private final BlobStore blobs;

    ImageController(Images images, BlobStore blobs) {
        this.images = images;
        this.blobs = blobs;
    }

    @PostMapping(path = "/api/v1/projects/{taskId}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    UploadedImages upload(@AuthenticationPrincipal Caller caller, @PathVariable String taskId, @RequestPart("files") List<MultipartFile> files) {
        List<ImageView> added = images.add(caller, taskId, files).stream().map(image -> ImageView.of(image, blobs)).toList();
        return new UploadedImages(taskId, added);
    }

    record UploadedImages(String taskId, List<ImageView> images) {
    }
}
