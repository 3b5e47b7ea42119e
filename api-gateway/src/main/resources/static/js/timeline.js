// The pipeline as cards: each timeline event moves one card; the task view adds what events do not carry
// (the providers' ids). Times are the gateway's (occurredAt), so a replayed timeline shows the real elapsed times.

export const STEPS = [
  { key: 'LYRIC', title: 'Lyrics', by: 'ChatGPT' },
  { key: 'SONG', title: 'Song', by: 'Suno' },
  { key: 'SONG_COPY', title: 'Song copied to Blob Storage', by: 'castad' },
  { key: 'VIDEO', title: 'Video', by: 'Creatomate' },
  { key: 'VIDEO_COPY', title: 'Video copied to Blob Storage', by: 'castad' },
];

const STATUS_WORDS = { waiting: 'Waiting', queued: 'Queued', running: 'Working', done: 'Done', failed: 'Failed' };

export function emptyPipeline() {
  return {
    status: 'waiting', startedAt: null, endedAt: null, error: null, events: 0,
    steps: Object.fromEntries(STEPS.map((step) => [step.key, { status: 'waiting' }])),
  };
}

/** The pipeline after one more event; a new PipelineStarted starts the cards afresh. */
export function apply(pipeline, { eventType, occurredAt, event }) {
  const at = Date.parse(occurredAt);
  const next = eventType === 'PipelineStarted' ? emptyPipeline() : structuredClone(pipeline);
  next.events = pipeline.events + 1;
  const step = next.steps[event.stage];
  const copy = next.steps[`${event.stage}_COPY`];
  switch (eventType) {
    case 'PipelineStarted':
      Object.assign(next, { status: 'running', startedAt: at });
      Object.assign(next.steps.LYRIC, { status: 'queued', queuedAt: at, id: event.stageId });
      break;
    case 'StageQueued':
      Object.assign(step, { status: 'queued', queuedAt: at, id: event.stageId });
      break;
    case 'StageStarted':
      Object.assign(step, { status: 'running', startedAt: at, id: event.stageId });
      break;
    case 'StageCompleted':
      Object.assign(step, { status: 'done', endedAt: at, startedAt: step.startedAt ?? step.queuedAt ?? at });
      break;
    case 'StageFailed':
      Object.assign(step, failed(event, at, step));
      break;
    case 'BlobStored':
      Object.assign(copy, { status: 'done', endedAt: at, sizeBytes: event.sizeBytes, sha256: event.sha256 });
      break;
    case 'BlobFailed':
      Object.assign(copy, failed(event, at, copy));
      break;
    case 'PipelineCompleted':
      Object.assign(next, { status: 'done', endedAt: at });
      break;
    case 'PipelineFailed':
      Object.assign(next, { status: 'failed', endedAt: at, error: plainError(event) });
      break;
    default:
      break;
  }
  return next;
}

function failed(event, at, step) {
  return { status: 'failed', endedAt: at, startedAt: step.startedAt ?? at, error: plainError(event) };
}

/** What went wrong, in words a store owner understands; the code stays beside it for support. */
export function plainError({ errorCode, errorMessage }) {
  const provider = { OPENAI: 'ChatGPT', LYRICS: 'ChatGPT', SUNO: 'Suno', CREATOMATE: 'Creatomate', BLOB: 'Blob Storage' }[
    (errorCode || '').split('_')[0]] || 'A provider';
  const rules = [
    [/UNAUTHORIZED|FORBIDDEN/, `${provider} refused castad's credentials.`],
    [/INSUFFICIENT_(CREDITS|QUOTA)/, `${provider}'s account has run out of credits.`],
    [/UNREACHABLE/, `${provider} could not be reached, even after retries.`],
    [/STAGE_TIMEOUT/, 'The provider did not finish in time.'],
    [/CONTENT_FILTERED|SENSITIVE_WORD/, `${provider} refused the words of this advert.`],
    [/PROMPT_TOO_LONG/, 'The lyrics were too long for Suno.'],
    [/LYRICS_(EMPTY|TRUNCATED|UNUSABLE)/, 'ChatGPT did not write usable lyrics.'],
    [/BLOB_TOO_LARGE/, 'The file was too large to store.'],
    [/BLOB_/, 'The file could not be copied into Blob Storage.'],
    [/RENDER_FAILED/, 'Creatomate could not render the video.'],
  ];
  const rule = rules.find(([pattern]) => pattern.test(errorCode || ''));
  return { code: errorCode, words: rule ? rule[1] : 'This step failed.', message: errorMessage };
}

export function seconds(ms) {
  return ms == null ? '' : `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

function elapsed(step, now) {
  if (step.status === 'running' || step.status === 'queued') {
    return seconds(now - (step.startedAt ?? step.queuedAt));
  }
  return step.endedAt && (step.startedAt ?? step.queuedAt) ? seconds(step.endedAt - (step.startedAt ?? step.queuedAt)) : '';
}

/** Renders the cards into the list (keyed by step, so focus and scroll stay put while they change). */
export function render(list, pipeline, providerIds, now = Date.now()) {
  for (const { key, title, by } of STEPS) {
    const step = pipeline.steps[key];
    let card = list.querySelector(`[data-step="${key}"]`);
    if (!card) {
      card = document.createElement('li');
      card.className = 'card';
      card.dataset.step = key;
      card.setAttribute('aria-label', title);
      list.append(card);
    }
    card.dataset.status = step.status;
    card.replaceChildren(...cardContent(key, title, by, step, providerIds[key], pipeline, now));
  }
}

function cardContent(key, title, by, step, providerId, pipeline, now) {
  const heading = element('h3', {}, element('span', {}, title),
    element('span', { className: 'status' }, STATUS_WORDS[step.status]));
  const facts = element('dl');
  const fact = (name, value) => value && facts.append(element('dt', {}, name), element('dd', {}, value));
  fact('By', by);
  fact(step.status === 'running' || step.status === 'queued' ? 'So far' : 'Took', elapsed(step, now));
  if (key.endsWith('_COPY') && step.endedAt && pipeline.startedAt) {
    fact('Stored at', `+${seconds(step.endedAt - pipeline.startedAt)}`);
  }
  fact('Provider id', providerId);
  fact('Size', step.sizeBytes ? `${(step.sizeBytes / 1024).toFixed(1)} KB` : '');
  fact('SHA-256', step.sha256 ? `${step.sha256.slice(0, 16)}…` : '');
  const parts = [heading, facts];
  if (step.error) {
    parts.push(element('p', { className: 'error' }, `${step.error.words} `,
      element('small', {}, `(${step.error.code}${step.error.message ? `: ${step.error.message}` : ''})`)));
  }
  return parts;
}

export function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}
