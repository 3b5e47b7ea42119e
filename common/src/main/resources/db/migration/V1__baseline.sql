-- castad's schema. Portable: MySQL 8 (production) and MariaDB 10.6+ (local runs and tests).
-- Timestamps are DATETIME(6) in UTC. Stage tables (lyric, song, video) hold one row per attempt.

CREATE TABLE project (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    task_id      CHAR(36)     NOT NULL,
    store_name   VARCHAR(200) NOT NULL,
    region       VARCHAR(200) NOT NULL,
    address      VARCHAR(500) NULL,
    description  TEXT         NULL,
    language     VARCHAR(8)   NOT NULL,
    template_id  VARCHAR(100) NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_project_task_id UNIQUE (task_id)
);

CREATE TABLE image (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    project_id     BIGINT        NOT NULL,
    sort_order     INT           NOT NULL,
    blob_container VARCHAR(63)   NOT NULL,
    blob_name      VARCHAR(512)  NOT NULL,
    blob_url       VARCHAR(2048) NOT NULL,
    original_name  VARCHAR(255)  NULL,
    content_type   VARCHAR(100)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_image_project_order UNIQUE (project_id, sort_order),
    CONSTRAINT fk_image_project FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE lyric (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    project_id    BIGINT        NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    instructions  TEXT          NULL,
    lyric_text    TEXT          NULL,
    external_id   VARCHAR(100)  NULL,
    error_code    VARCHAR(64)   NULL,
    error_message VARCHAR(1000) NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    lease_owner   VARCHAR(100)  NULL,
    lease_until   DATETIME(6)   NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    started_at    DATETIME(6)   NULL,
    completed_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    INDEX ix_lyric_project (project_id, id),
    INDEX ix_lyric_lease (status, lease_until),
    CONSTRAINT fk_lyric_project FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE song (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    project_id       BIGINT        NOT NULL,
    lyric_id         BIGINT        NULL,
    status           VARCHAR(16)   NOT NULL,
    style            VARCHAR(200)  NULL,
    title            VARCHAR(100)  NULL,
    external_id      VARCHAR(100)  NULL,
    source_url       VARCHAR(2048) NULL,
    result_url       VARCHAR(2048) NULL,
    duration_seconds DECIMAL(10,2) NULL,
    error_code       VARCHAR(64)   NULL,
    error_message    VARCHAR(1000) NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    lease_owner      VARCHAR(100)  NULL,
    lease_until      DATETIME(6)   NULL,
    next_poll_at     DATETIME(6)   NULL,
    deadline_at      DATETIME(6)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    started_at       DATETIME(6)   NULL,
    completed_at     DATETIME(6)   NULL,
    PRIMARY KEY (id),
    INDEX ix_song_project (project_id, id),
    INDEX ix_song_poll (status, next_poll_at),
    INDEX ix_song_external (external_id),
    CONSTRAINT fk_song_project FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE video (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    project_id    BIGINT        NOT NULL,
    song_id       BIGINT        NULL,
    status        VARCHAR(16)   NOT NULL,
    template_id   VARCHAR(100)  NULL,
    external_id   VARCHAR(100)  NULL,
    source_url    VARCHAR(2048) NULL,
    result_url    VARCHAR(2048) NULL,
    error_code    VARCHAR(64)   NULL,
    error_message VARCHAR(1000) NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    lease_owner   VARCHAR(100)  NULL,
    lease_until   DATETIME(6)   NULL,
    next_poll_at  DATETIME(6)   NULL,
    deadline_at   DATETIME(6)   NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    started_at    DATETIME(6)   NULL,
    completed_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    INDEX ix_video_project (project_id, id),
    INDEX ix_video_poll (status, next_poll_at),
    INDEX ix_video_external (external_id),
    CONSTRAINT fk_video_project FOREIGN KEY (project_id) REFERENCES project (id)
);

-- The transactional outbox: written in the same transaction as the state change it announces,
-- published by OutboxRelay in id order, deleted once Kafka acknowledged it.
CREATE TABLE outbox_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    event_id    CHAR(36)     NOT NULL,
    topic       VARCHAR(249) NOT NULL,
    record_key  VARCHAR(64)  NOT NULL,
    event_type  VARCHAR(100) NOT NULL,
    payload     MEDIUMTEXT   NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);
