// castad's page: make an advert (project, photos, pipeline), watch it live, play the result, browse the gallery.
// The task being watched is in the address (#task=...), so a reload reconnects to it and replays its timeline.

import { ApiError, call, forgetKey, storedKey, whenKeyNeeded } from './api.js';
import { follow } from './events.js';
import { Gallery } from './gallery.js';
import { megabytes, PhotoSelection } from './photos.js';
import { apply, element, emptyPipeline, plainError, render, seconds } from './timeline.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['storeName', 'region', 'address', 'description', 'language', 'style'];
const PROVIDER_OF = { LYRIC: 'lyric', SONG: 'song', VIDEO: 'video' };

const photos = new PhotoSelection($('photo-list'), $('photos-error'),
  { maxPhotos: 20, maxFileBytes: 10 * 1024 * 1024, maxRequestBytes: 100 * 1024 * 1024, contentTypes: [] });
const gallery = new Gallery({
  items: $('gallery-items'), state: $('gallery-state'), newer: $('gallery-newer'), older: $('gallery-older'),
  pageLabel: $('gallery-page'), onOpen: (taskId) => { location.hash = `task=${taskId}`; },
});

let watching = null; // { taskId, stop, pipeline, providerIds, ticker }

whenKeyNeeded(askForKey);
start();

async function start() {
  wireKeyDialog();
  wirePhotos();
  $('store-form').addEventListener('submit', generate);
  // a task opened by the person moves the focus to its timeline; one in the address at load does not
  window.addEventListener('hashchange', () => openTaskFromAddress(true));
  await showLimits();
  openTaskFromAddress(false);
  gallery.show(0);
}

// ---- the key

function askForKey(reason) {
  const dialog = $('key-dialog');
  $('key-reason').textContent = reason;
  $('api-key').value = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const key = dialog.returnValue === 'use' ? $('api-key').value.trim() : '';
      if (key) {
        $('change-key').hidden = false;
      }
      resolve(key || null);
    }, { once: true });
  });
}

function wireKeyDialog() {
  $('key-cancel').addEventListener('click', () => $('key-dialog').close('cancel'));
  $('change-key').hidden = !storedKey();
  $('change-key').addEventListener('click', async () => {
    forgetKey();
    await gallery.show(0);
  });
}

// ---- the form and the photos

async function showLimits() {
  try {
    const settings = await call('GET', '/page/settings');
    photos.setLimits(settings.uploads);
    const { maxPhotos, maxFileBytes, maxRequestBytes } = settings.uploads;
    $('photo-limits').textContent = `JPEG, PNG or WebP; up to ${maxPhotos} photos, ${megabytes(maxFileBytes)} each, `
      + `${megabytes(maxRequestBytes)} together. The video shows them in this order.`;
  } catch {
    $('photo-limits').textContent = 'JPEG, PNG or WebP.';
  }
}

function wirePhotos() {
  const input = $('photo-input');
  const zone = $('dropzone');
  input.addEventListener('change', () => {
    photos.add([...input.files]);
    input.value = '';
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    photos.add([...event.dataTransfer.files]);
  });
}

async function generate(event) {
  event.preventDefault();
  const form = $('store-form');
  const values = Object.fromEntries(FIELDS.map((name) => [name, form.elements[name].value.trim()]));
  if (!checkForm(values)) {
    return;
  }
  const button = $('generate');
  button.disabled = true;
  try {
    progress('Creating the project…');
    const project = await call('POST', '/api/v1/projects', {
      storeName: values.storeName, region: values.region, address: values.address || null,
      description: values.description || null, language: values.language,
    });
    progress(`Uploading ${photos.files().length} photo(s)…`);
    const upload = new FormData();
    photos.files().forEach((file) => upload.append('files', file, file.name));
    await call('POST', `/api/v1/projects/${project.taskId}/images`, upload);
    progress('Starting the pipeline…');
    await call('POST', `/api/v1/projects/${project.taskId}/pipeline`, values.style ? { style: values.style } : {});
    progress(`Started: ${project.storeName}. Follow it below.`);
    location.hash = `task=${project.taskId}`;
  } catch (error) {
    showFailure(error);
  } finally {
    button.disabled = false;
  }
}

function checkForm(values) {
  const messages = {};
  if (!values.storeName) messages.storeName = 'Give the store\'s name.';
  if (!values.region) messages.region = 'Give the region the store is in.';
  const photoProblem = photos.files().length === 0 ? 'Add at least one photo.'
    : photos.totalBytes() > photos.limits.maxRequestBytes
      ? `The photos are more than ${megabytes(photos.limits.maxRequestBytes)} together.` : '';
  showFieldMessages(messages);
  $('photos-error').textContent = photoProblem;
  const first = Object.keys(messages)[0];
  if (first) {
    $(first).focus();
  } else if (photoProblem) {
    $('photo-input').focus();
  }
  return !first && !photoProblem;
}

function showFieldMessages(messages) {
  for (const name of FIELDS) {
    $(name).setAttribute('aria-invalid', messages[name] ? 'true' : 'false');
    $(name).setAttribute('aria-describedby', `${name}-error`);
    $(`${name}-error`).textContent = messages[name] || '';
  }
}

function showFailure(error) {
  const fields = error instanceof ApiError ? error.fieldMessages(FIELDS) : {};
  showFieldMessages(fields);
  const text = error instanceof ApiError ? `${error.title}: ${error.message}` : `castad could not be reached (${error.message}).`;
  progress(text, true);
}

function progress(text, bad = false) {
  $('progress').textContent = text;
  $('progress').classList.toggle('bad', bad);
}

// ---- watching a task

function openTaskFromAddress(focus) {
  const taskId = new URLSearchParams(location.hash.slice(1)).get('task');
  if (taskId && taskId !== watching?.taskId) {
    watch(taskId, focus);
  }
}

function watch(taskId, focus) {
  stopWatching();
  const section = $('timeline');
  section.hidden = false;
  $('results').hidden = true;
  ['lyrics-result', 'song-result', 'video-result'].forEach((id) => { $(id).hidden = true; });
  $('result-video').removeAttribute('src');
  $('result-song').removeAttribute('src');
  $('pipeline-outcome').textContent = '';
  $('stage-cards').replaceChildren();
  $('task-photos').replaceChildren();
  $('task-line').textContent = `Task ${taskId}`;
  const current = { taskId, pipeline: emptyPipeline(), providerIds: {}, refreshing: null };
  watching = current;
  current.ticker = setInterval(() => draw(current), 250);
  current.stop = follow(taskId, {
    onEvent: (entry) => {
      current.pipeline = apply(current.pipeline, entry);
      draw(current);
      refreshTask(current);
      if (current.pipeline.status === 'done' || current.pipeline.status === 'failed') {
        finish(current);
      }
    },
    onState: (state) => {
      const words = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Connection lost: reconnecting…', stopped: '' };
      $('stream-state').textContent = words[state];
    },
    onFatal: (error) => {
      $('stream-state').textContent = error.status === 404
        ? 'This task is not one of yours (or does not exist).' : `The timeline could not be read: ${error.message}`;
      clearInterval(current.ticker);
    },
  });
  draw(current);
  if (focus) {
    section.focus();
  }
}

function stopWatching() {
  if (watching) {
    clearInterval(watching.ticker);
    watching.stop();
    watching = null;
  }
}

function finish(current) {
  clearInterval(current.ticker);
  current.stop();
  const { pipeline } = current;
  const outcome = $('pipeline-outcome');
  if (pipeline.status === 'done') {
    outcome.textContent = `Your advert is ready, made in ${seconds(pipeline.endedAt - pipeline.startedAt)}.`;
    outcome.className = 'outcome ok';
    gallery.show(0);
  } else {
    const error = pipeline.error || plainError({});
    outcome.textContent = `The pipeline stopped: ${error.words} (${error.code})`;
    outcome.className = 'outcome bad';
  }
  $('stream-state').textContent = 'Finished';
}

function draw(current) {
  if (watching === current) {
    render($('stage-cards'), current.pipeline, current.providerIds);
  }
}

/** The task view has what events do not: provider ids, the lyrics, signed URLs. One read at a time. */
async function refreshTask(current) {
  if (current.refreshing) {
    current.again = true;
    return;
  }
  current.refreshing = call('GET', `/api/v1/projects/${current.taskId}`).then((task) => {
    if (watching !== current) {
      return;
    }
    for (const [stage, field] of Object.entries(PROVIDER_OF)) {
      current.providerIds[stage] = task[field]?.providerId || undefined;
    }
    draw(current);
    showResults(task);
  }).catch(() => {}).finally(() => {
    current.refreshing = null;
    if (current.again) {
      current.again = false;
      refreshTask(current);
    }
  });
}

function showResults(task) {
  $('task-line').textContent = `${task.storeName}, ${task.region} · task ${task.taskId}`;
  if (!$('task-photos').children.length) {
    $('task-photos').replaceChildren(...task.images.map((image) => element('li', {},
      element('img', { src: image.url, alt: `Photo ${image.order}: ${image.originalName || ''}` }))));
  }
  const name = (task.storeName || 'castad').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');
  if (task.lyric?.status === 'completed' && task.lyric.text) {
    $('lyrics-text').textContent = task.lyric.text;
    $('lyrics-result').hidden = false;
  }
  showMedia(task.song, 'result-song', 'song-download', 'song-result', `${name}-song.mp3`);
  showMedia(task.video, 'result-video', 'video-download', 'video-result', `${name}-video.mp4`);
  $('results').hidden = $('lyrics-result').hidden && $('song-result').hidden && $('video-result').hidden;
}

function showMedia(stage, playerId, linkId, boxId, fileName) {
  if (stage?.status !== 'completed' || !stage.resultUrl) {
    return;
  }
  const player = $(playerId);
  if (!player.getAttribute('src')) {
    player.src = stage.resultUrl;
  }
  Object.assign($(linkId), { href: stage.resultUrl, download: fileName });
  $(boxId).hidden = false;
}
