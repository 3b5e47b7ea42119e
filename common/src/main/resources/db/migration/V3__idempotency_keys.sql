-- Client retries with an Idempotency-Key header get the first response again instead of a second run.
-- A key is remembered per request target (scope) together with a hash of the request, for a day.
CREATE TABLE idempotency_key (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    idem_key      VARCHAR(200)  NOT NULL,
    scope         VARCHAR(300)  NOT NULL,
    request_hash  CHAR(64)      NOT NULL,
    status_code   INT           NULL,
    location      VARCHAR(500)  NULL,
    response_body MEDIUMTEXT    NULL,
    created_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_idempotency_key UNIQUE (idem_key, scope),
    INDEX ix_idempotency_created (created_at)
);
