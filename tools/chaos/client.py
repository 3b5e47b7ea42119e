"""The HTTP client every part of the chaos run uses: castad's API (with its key), the simulators, the
workers' metrics."""
import http.client
import json
import os
import urllib.error
import urllib.request

NETWORK_ERRORS = (urllib.error.URLError, OSError, http.client.HTTPException)


def http_call(method, url, body=None, headers=None, timeout=10.0, content_type=None):
    """(status, parsed JSON or raw text or None). Network trouble raises one of NETWORK_ERRORS."""
    if isinstance(body, (dict, list)):
        data, content_type = json.dumps(body).encode(), "application/json"
    else:
        data = body
    request = urllib.request.Request(url, data=data, method=method)
    if os.environ.get("CASTAD_API_KEY"):
        request.add_header("X-API-Key", os.environ["CASTAD_API_KEY"])
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    if data is not None and content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, raw.decode(errors="replace")
