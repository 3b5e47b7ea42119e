package castad.gateway.timeline;

/** One timeline event as it travels to a client: the event's JSON as it was published, with its headers. */
record TimelineEntry(String eventId, String eventType, String occurredAt, String payload) {

    /** The SSE data: the event under {@code event}, beside its id, type and time. */
    String json() {
        return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"" + eventType + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"event\":" + payload + "}";
    }
}
