// The photos chosen for the advert, before upload: previews, order (the video's order), removal, and the
// gateway's limits checked here first so that a person learns them before sending anything.

import { element } from './timeline.js';

export class PhotoSelection {
  constructor(list, errors, limits) {
    this.list = list;
    this.errors = errors;
    this.limits = limits;
    this.photos = [];
  }

  setLimits(limits) {
    this.limits = limits;
  }

  /** Adds files in the order given; says which were refused and why. */
  add(files) {
    const refused = [];
    for (const file of files) {
      if (this.limits.contentTypes.length && !this.limits.contentTypes.includes(file.type)) {
        refused.push(`${file.name} is not a JPEG, PNG or WebP photo`);
      } else if (file.size > this.limits.maxFileBytes) {
        refused.push(`${file.name} is larger than ${megabytes(this.limits.maxFileBytes)}`);
      } else if (this.photos.length >= this.limits.maxPhotos) {
        refused.push(`${file.name}: at most ${this.limits.maxPhotos} photos`);
      } else {
        this.photos.push({ file, url: URL.createObjectURL(file) });
      }
    }
    this.errors.textContent = refused.join('. ');
    this.render();
  }

  move(index, by) {
    const to = index + by;
    if (to < 0 || to >= this.photos.length) {
      return;
    }
    [this.photos[index], this.photos[to]] = [this.photos[to], this.photos[index]];
    this.render(to, by < 0 ? 'earlier' : 'later');
  }

  remove(index) {
    const [gone] = this.photos.splice(index, 1);
    URL.revokeObjectURL(gone.url);
    this.render(Math.min(index, this.photos.length - 1), 'remove');
  }

  files() {
    return this.photos.map((photo) => photo.file);
  }

  totalBytes() {
    return this.photos.reduce((sum, photo) => sum + photo.file.size, 0);
  }

  /** Redraws the list; keyboard focus follows the photo that moved (or its neighbour after a removal). */
  render(focusIndex = -1, focusButton = '') {
    this.list.replaceChildren(...this.photos.map((photo, index) => this.item(photo, index)));
    const target = this.list.children[focusIndex]?.querySelector(`[data-action="${focusButton}"]:not(:disabled)`)
      ?? this.list.children[focusIndex]?.querySelector('button:not(:disabled)');
    target?.focus();
  }

  item(photo, index) {
    const name = photo.file.name;
    const button = (action, label, text, disabled, onClick) => {
      const node = element('button', { type: 'button', className: 'small', disabled, textContent: text });
      node.dataset.action = action;
      node.setAttribute('aria-label', label);
      node.addEventListener('click', onClick);
      return node;
    };
    return element('li', {},
      element('img', { src: photo.url, alt: `Photo ${index + 1}: ${name}` }),
      element('span', { className: 'name' }, element('span', { className: 'order' }, `${index + 1}. `),
        `${name} (${megabytes(photo.file.size)})`),
      element('span', { className: 'buttons' },
        button('earlier', `Move ${name} earlier`, '↑ Earlier', index === 0, () => this.move(index, -1)),
        button('later', `Move ${name} later`, '↓ Later', index === this.photos.length - 1, () => this.move(index, 1)),
        button('remove', `Remove ${name}`, 'Remove', false, () => this.remove(index))));
  }
}

export function megabytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}
