-- refunded_submissions: how often the provider refunded a failed submission of the attempt and asked for a new one
-- (Suno's callback code 531); castad submits again once, and a second refund fails the attempt.
ALTER TABLE song ADD COLUMN refunded_submissions INT NOT NULL DEFAULT 0;
ALTER TABLE video ADD COLUMN refunded_submissions INT NOT NULL DEFAULT 0;
