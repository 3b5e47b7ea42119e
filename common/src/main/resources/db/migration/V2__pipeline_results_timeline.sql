-- Walking skeleton 2: whole pipelines, stored results of songs and videos, and the task timeline.

-- One run of lyric -> song -> video that advances by itself. Each stage row of a pipeline names it;
-- the unique keys make "create the next stage" idempotent under redelivery.
CREATE TABLE pipeline (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    project_id    BIGINT        NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    style         VARCHAR(200)  NULL,
    title         VARCHAR(100)  NULL,
    template_id   VARCHAR(100)  NULL,
    error_code    VARCHAR(64)   NULL,
    error_message VARCHAR(1000) NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    completed_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    INDEX ix_pipeline_project (project_id, id),
    CONSTRAINT fk_pipeline_project FOREIGN KEY (project_id) REFERENCES project (id)
);

ALTER TABLE lyric ADD COLUMN pipeline_id BIGINT NULL;
ALTER TABLE lyric ADD CONSTRAINT uq_lyric_pipeline UNIQUE (pipeline_id);
ALTER TABLE song ADD COLUMN pipeline_id BIGINT NULL;
ALTER TABLE song ADD CONSTRAINT uq_song_pipeline UNIQUE (pipeline_id);
ALTER TABLE video ADD COLUMN pipeline_id BIGINT NULL;
ALTER TABLE video ADD CONSTRAINT uq_video_pipeline UNIQUE (pipeline_id);

-- Where a stage's file lives in Blob; result_url stays the plain blob URL, clients get a signed one.
ALTER TABLE song ADD COLUMN result_container VARCHAR(63) NULL;
ALTER TABLE song ADD COLUMN result_blob_name VARCHAR(512) NULL;
ALTER TABLE song ADD COLUMN result_sha256 CHAR(64) NULL;
ALTER TABLE song ADD COLUMN result_size_bytes BIGINT NULL;
ALTER TABLE video ADD COLUMN result_container VARCHAR(63) NULL;
ALTER TABLE video ADD COLUMN result_blob_name VARCHAR(512) NULL;
ALTER TABLE video ADD COLUMN result_sha256 CHAR(64) NULL;
ALTER TABLE video ADD COLUMN result_size_bytes BIGINT NULL;
ALTER TABLE video ADD COLUMN duration_seconds DECIMAL(10,2) NULL;

-- The lists (latest completed song / video per task, newest first).
CREATE INDEX ix_song_completed ON song (status, project_id, id);
CREATE INDEX ix_video_completed ON video (status, project_id, id);

-- Every timeline event of a task, written with the outbox row in the same transaction, so that a client
-- connecting to the event stream late gets what already happened.
CREATE TABLE timeline_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    task_id     CHAR(36)     NOT NULL,
    event_id    CHAR(36)     NOT NULL,
    event_type  VARCHAR(100) NOT NULL,
    payload     MEDIUMTEXT   NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_timeline_task (task_id, id)
);
