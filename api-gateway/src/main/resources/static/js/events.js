// A task's timeline as Server-Sent Events. EventSource cannot send the API key header, so the stream is
// read with fetch. The gateway replays the whole timeline on every connection: after a reload or a dropped
// connection the page reconnects and skips the events it has already applied (by event id).

import { keyHeaders, obtainKey, problemOf, ApiError } from './api.js';

const RETRY_MS = [500, 1000, 2000, 5000, 10000];

/**
 * Follows a task's events until stop() is called: onEvent({eventId, eventType, occurredAt, event}) once per
 * event in order, onState('connecting'|'live'|'reconnecting'|'stopped', detail) as the connection changes.
 */
export function follow(taskId, { onEvent, onState, onFatal }) {
  const seen = new Set();
  const abort = new AbortController();
  let stopped = false;

  async function run() {
    for (let attempt = 0; !stopped; attempt++) {
      onState(attempt === 0 ? 'connecting' : 'reconnecting');
      try {
        const response = await fetch(`/api/v1/projects/${encodeURIComponent(taskId)}/events`, {
          headers: { Accept: 'text/event-stream', ...keyHeaders() }, signal: abort.signal, cache: 'no-store',
        });
        if (response.status === 401 || response.status === 403) {
          if (await obtainKey(response.status)) {
            attempt = -1;
            continue;
          }
          throw new ApiError(response.status, await problemOf(response));
        }
        if (!response.ok) {
          throw new ApiError(response.status, await problemOf(response));
        }
        onState('live');
        attempt = 0;
        await read(response.body, (entry) => {
          if (!seen.has(entry.eventId)) {
            seen.add(entry.eventId);
            onEvent(entry);
          }
        });
      } catch (error) {
        if (stopped) {
          return;
        }
        if (error instanceof ApiError && error.status < 500 && error.status !== 429) {
          onFatal(error);
          return;
        }
      }
      if (!stopped) {
        onState('reconnecting');
        await pause(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
      }
    }
  }

  run();
  return () => {
    stopped = true;
    abort.abort();
    onState('stopped');
  };
}

/** Parses the text/event-stream body: blank-line separated blocks of "event:", "id:", "data:" lines. */
async function read(body, deliver) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, '')).join('\n');
      if (data) {
        deliver(JSON.parse(data));
      }
    }
  }
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
