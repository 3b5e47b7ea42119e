-- The relay deletes what Kafka acknowledged by event id (it never reads the rows it was handed back).
CREATE UNIQUE INDEX ux_outbox_event_event_id ON outbox_event (event_id);
