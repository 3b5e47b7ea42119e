-- The task's trace (W3C traceparent, 55 characters) that the relay sends along with the event
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(55) NULL;
