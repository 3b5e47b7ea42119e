package castad.common.event;

/** Asks the worker that owns a stage to run one attempt of it (one stage row). */
public sealed interface StageCommand extends CastadEvent permits LyricRequested, SongRequested, VideoRequested, BlobRequested {

    long stageId();
}
