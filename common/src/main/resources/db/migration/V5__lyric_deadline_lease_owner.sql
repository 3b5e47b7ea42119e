-- Lyrics get a deadline like songs and videos (a provider that keeps failing transiently ends the stage
-- with STAGE_TIMEOUT); live claimants renew their leases, found by owner.
ALTER TABLE lyric ADD COLUMN deadline_at DATETIME(6) NULL;
CREATE INDEX ix_lyric_owner ON lyric (lease_owner);
CREATE INDEX ix_song_owner ON song (lease_owner);
CREATE INDEX ix_video_owner ON video (lease_owner);
