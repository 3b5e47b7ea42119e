package castad.gateway.image;

import castad.common.blob.BlobSettings;
import castad.common.blob.BlobStore;
import castad.common.blob.StoredBlob;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.web.multipart.MultipartFile;

/** One uploaded photo on its way to Blob: its type is checked from its bytes before anything is stored. */
record ImageUpload(MultipartFile file, ImageType type) {

    /** What {@code image.original_name} holds, in characters. */
    static final int NAME_LENGTH = 255;

    static List<ImageUpload> validate(List<MultipartFile> files) {
        List<ImageUpload> uploads = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MultipartFile file = files.get(i);
            String label = "files[" + i + "] '" + file.getOriginalFilename() + "'";
            if (file.isEmpty()) {
                throw new UnsupportedImage(label + " is empty");
            }
            ImageType type = ImageType.detect(head(file))
                    .orElseThrow(() -> new UnsupportedImage(label + " is not a JPEG, PNG or WebP image"));
            uploads.add(new ImageUpload(file, type));
        }
        return uploads;
    }

    StoredBlob store(BlobStore blobs, BlobSettings settings, String taskId) {
        String name = taskId + "/images/" + UUID.randomUUID() + "." + type.extension;
        try (InputStream content = new BufferedInputStream(file.getInputStream())) {
            return blobs.upload(settings.imagesContainer(), name, content, type.contentType, OptionalLong.of(file.getSize()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's file name, cut to what the record keeps: a long name is no reason to refuse a photo. */
    String originalName() {
        String name = file.getOriginalFilename();
        if (name == null || name.codePointCount(0, name.length()) <= NAME_LENGTH) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, NAME_LENGTH));
    }

    private static byte[] head(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(ImageType.SIGNATURE_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
