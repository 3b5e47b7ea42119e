// castad's API as the page calls it: the person's key on every call, problems (RFC 9457) as ApiError.

const KEY_ITEM = 'castad.apiKey';
const KEY_HEADER = 'X-API-Key';

/** A 4xx/5xx answer, with the problem's title and detail. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || `HTTP ${status}`;
  }

  /**
   * An invalid request's detail names each field first ("storeName must not be blank; region ..."):
   * the messages of the fields this page has, by field name.
   */
  fieldMessages(names) {
    const messages = {};
    for (const part of (this.status === 400 ? this.message.split('; ') : [])) {
      const [field, ...rest] = part.split(' ');
      if (names.includes(field)) {
        messages[field] = rest.join(' ');
      }
    }
    return messages;
  }
}

let askForKey = async () => null;

/** The page's way to ask the person for a key (a dialog); resolves to the key, or null if they decline. */
export function whenKeyNeeded(ask) {
  askForKey = ask;
}

export function storedKey() {
  return sessionStorage.getItem(KEY_ITEM);
}

export function keyHeaders() {
  const key = storedKey();
  return key ? { [KEY_HEADER]: key } : {};
}

/**
 * Makes sure a key is stored after a 401 (none) or 403 (unknown key); false when the person declined.
 * Concurrent calls share one question.
 */
let asking = null;
export async function obtainKey(status) {
  if (!asking) {
    const reason = status === 403 && storedKey()
      ? 'That API key is not known to castad. Check it and try again.'
      : 'castad needs your API key. It stays in this browser tab only.';
    asking = askForKey(reason).finally(() => { asking = null; });
  }
  const key = await asking;
  if (!key) {
    return false;
  }
  sessionStorage.setItem(KEY_ITEM, key.trim());
  return true;
}

export function forgetKey() {
  sessionStorage.removeItem(KEY_ITEM);
}

/** JSON in (a plain object) or FormData, JSON out; asks for a key and repeats the call once it has one. */
export async function call(method, path, body) {
  for (;;) {
    const response = await fetch(path, request(method, body));
    if ((response.status === 401 || response.status === 403) && !path.startsWith('/page/')) {
      const problem = await problemOf(response);
      if (response.status === 403 && problem.title !== 'Unknown API key') {
        throw new ApiError(403, problem);
      }
      if (await obtainKey(response.status)) {
        continue;
      }
      throw new ApiError(response.status, problem);
    }
    if (!response.ok) {
      throw new ApiError(response.status, await problemOf(response));
    }
    return response.status === 204 ? null : response.json();
  }
}

function request(method, body) {
  const headers = { Accept: 'application/json', ...keyHeaders() };
  if (body === undefined) {
    return { method, headers };
  }
  if (body instanceof FormData) {
    return { method, headers, body };
  }
  return { method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

export async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText || `HTTP ${response.status}` };
  }
}
