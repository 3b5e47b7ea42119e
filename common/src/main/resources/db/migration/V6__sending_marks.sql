-- sending_at: when the claimant last sent a paid request that the provider did not reject (NULL: none, or
-- rejected since). orphaned_send: a claimant died with such a request standing, so the provider may have
-- taken it; the attempt's next accepted request is then counted as a resubmission.
ALTER TABLE lyric ADD COLUMN sending_at DATETIME(6) NULL, ADD COLUMN orphaned_send BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE song ADD COLUMN sending_at DATETIME(6) NULL, ADD COLUMN orphaned_send BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE video ADD COLUMN sending_at DATETIME(6) NULL, ADD COLUMN orphaned_send BOOLEAN NOT NULL DEFAULT FALSE;
