// Recent videos (the latest completed video of each of the key's tasks, newest first), a page at a time.

import { call } from './api.js';
import { element } from './timeline.js';

const PAGE_SIZE = 6;

export class Gallery {
  constructor({ items, state, newer, older, pageLabel, onOpen }) {
    Object.assign(this, { items, state, newer, older, pageLabel, onOpen });
    this.page = 0;
    newer.addEventListener('click', () => this.show(this.page - 1));
    older.addEventListener('click', () => this.show(this.page + 1));
  }

  async show(page = this.page) {
    this.state.textContent = 'Loading recent videos…';
    try {
      const list = await call('GET', `/api/v1/videos?page=${page}&size=${PAGE_SIZE}`);
      const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
      if (page > 0 && page >= pages) {
        return this.show(pages - 1);
      }
      this.page = page;
      this.items.replaceChildren(...list.items.map((item) => this.item(item)));
      this.state.textContent = list.total === 0 ? 'No videos yet: the first one you make appears here.' : '';
      this.pageLabel.textContent = `Page ${page + 1} of ${pages}`;
      this.newer.disabled = page === 0;
      this.older.disabled = page + 1 >= pages;
    } catch (error) {
      this.state.textContent = `Recent videos could not be loaded: ${error.message}`;
    }
    return undefined;
  }

  item(item) {
    const when = new Date(item.completedAt).toLocaleString();
    const open = element('button', { type: 'button', className: 'small', textContent: 'Open its timeline' });
    open.setAttribute('aria-label', `Open the timeline of ${item.storeName}`);
    open.addEventListener('click', () => this.onOpen(item.taskId));
    const video = element('video', { src: item.resultUrl, controls: true, preload: 'metadata', playsInline: true });
    video.setAttribute('aria-label', `Video of ${item.storeName}`);
    return element('li', {}, video,
      element('strong', {}, item.storeName),
      element('p', { className: 'meta' }, `${item.region} · ${when}`
        + (item.durationSeconds ? ` · ${Number(item.durationSeconds).toFixed(0)} s` : '')),
      element('span', {}, open, ' ', element('a', { href: item.resultUrl, download: '', textContent: 'Download' })));
  }
}
