-- When the claimant last sent a paid request that the provider did not reject (NULL: none since the last
-- rejection). A claimant taking over a dead one's attempt counts a resubmission only when this is set.
ALTER TABLE lyric ADD COLUMN sending_at DATETIME(6) NULL;
ALTER TABLE song ADD COLUMN sending_at DATETIME(6) NULL;
ALTER TABLE video ADD COLUMN sending_at DATETIME(6) NULL;
