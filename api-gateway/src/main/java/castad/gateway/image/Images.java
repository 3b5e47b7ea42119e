package castad.gateway.image;

import castad.common.blob.BlobSettings;
import castad.common.blob.BlobStore;
import castad.common.blob.StoredBlob;
import castad.gateway.project.Project;
import castad.gateway.project.Projects;
import castad.gateway.security.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Adding photos to a project: check them, stream them to Blob (no transaction, no connection held), then
 * number and record them in one short transaction under the project's row lock. If recording fails, the
 * blobs just written are removed again.
 */
@Service
public class Images {

    private final Projects projects;
    private final ImageRepository repository;
    private final BlobStore blobs;
    private final BlobSettings blobSettings;
    private final ImageSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Images(Projects projects, ImageRepository repository, BlobStore blobs, BlobSettings blobSettings,
           ImageSettings settings, TransactionTemplate transactions, Clock clock) {
        this.projects = projects;
        this.repository = repository;
        this.blobs = blobs;
        this.blobSettings = blobSettings;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<Image> add(Caller caller, String taskId, List<MultipartFile> files) {
        Project project = projects.get(caller, taskId);
        List<ImageUpload> uploads = ImageUpload.validate(files);
        checkLimit(repository.lastOrder(project.id()), uploads.size());
        List<Stored> stored = new ArrayList<>();
        try {
            uploads.forEach(upload -> stored.add(new Stored(upload, upload.store(blobs, blobSettings, taskId))));
            return transactions.execute(status -> record(caller, taskId, stored));
        } catch (RuntimeException e) {
            stored.forEach(s -> blobs.delete(s.blob().container(), s.blob().name()));
            throw e;
        }
    }

    private List<Image> record(Caller caller, String taskId, List<Stored> stored) {
        Project project = projects.lock(caller, taskId);
        int last = repository.lastOrder(project.id());
        checkLimit(last, stored.size());
        List<Image> images = new ArrayList<>();
        for (Stored s : stored) {
            images.add(s.toImage(project.id(), ++last, clock));
        }
        return repository.saveAll(images);
    }

    private void checkLimit(int existing, int added) {
        if (existing + added > settings.maxPerProject()) {
            throw new TooManyImages(existing, added, settings.maxPerProject());
        }
    }

    private record Stored(ImageUpload upload, StoredBlob blob) {

        Image toImage(long projectId, int order, Clock clock) {
            return new Image(null, projectId, order, blob.container(), blob.name(), blob.url(),
                    upload.originalName(), upload.type().contentType, blob.sizeBytes(),
                    clock.instant());
        }
    }
}
