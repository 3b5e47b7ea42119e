-- The sweepers look for attempts nobody claimed for a while (status = 'pending', oldest update first).
CREATE INDEX ix_lyric_stale ON lyric (status, updated_at);
CREATE INDEX ix_song_stale ON song (status, updated_at);
CREATE INDEX ix_video_stale ON video (status, updated_at);
