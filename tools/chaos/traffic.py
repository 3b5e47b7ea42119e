"""The traffic: N pipelines submitted as a client would (project, photos, pipeline, each with its
Idempotency-Key, retried on connection errors and 5xx), and each polled until it ends."""
import time
import urllib.error

from chaos.client import NETWORK_ERRORS, http_call
from chaos.state import STAGES, TERMINAL
from samples import multipart, photo

POLL_ROUND_SECONDS = 5.0      # each unfinished pipeline is looked at no more often than this
POLL_GAP_SECONDS = 0.1        # between two polling requests: at most ~10 requests/s
REQUEST_PATIENCE_SECONDS = 180  # how long one client request is retried before its pipeline is given up


class GaveUp(Exception):
    pass


def with_retries(run, what, call, retry_statuses=(429, 500, 502, 503, 504)):
    """call() -> (status, body). Retries network errors and the given statuses with backoff."""
    first = time.monotonic()
    give_up = min(run.deadline, first + REQUEST_PATIENCE_SECONDS)
    delay = 0.5
    while True:
        try:
            status, body = call()
            if status not in retry_statuses:
                return status, body
            reason = f"HTTP {status}"
        except NETWORK_ERRORS as error:
            reason = type(getattr(error, "reason", error)).__name__ if isinstance(error, urllib.error.URLError) \
                else type(error).__name__
        if time.monotonic() + delay > give_up or run.stop.is_set():
            raise GaveUp(f"{what}: {reason} (gave up after {time.monotonic() - first:.0f}s)")
        with run.lock:
            run.client_retries[f"{what.split()[0]} {reason}"] += 1
        run.note(f"retry {what}: {reason}")
        time.sleep(delay)
        delay = min(delay * 2, 8.0)


def submit(run, p, rng, run_id, photo_cache):
    api = run.args.api
    key = f"chaos-{run_id}-{p.index}"
    project = {"storeName": f"Chaos Bakery {p.index + 1}", "region": rng.choice(["Jeju", "Seoul", "Busan"]),
               "address": f"{p.index + 1} Harbor Road",
               "description": "Tangerine bread and sea-salt rolls, baked at dawn", "language": "en"}
    status, body = with_retries(run, "POST /projects", lambda: http_call(
        "POST", f"{api}/api/v1/projects", project, {"Idempotency-Key": key + "-project"}, timeout=30))
    if status not in (200, 201) or not isinstance(body, dict) or "taskId" not in body:
        raise GaveUp(f"POST /projects: HTTP {status} {str(body)[:200]}")
    p.task_id = body["taskId"]

    p.photos = rng.randint(1, 3)
    seeds = [rng.randint(1, 12) for _ in range(p.photos)]
    files = [(f"photo-{k + 1}.png", photo_cache.setdefault(s, photo(s))) for k, s in enumerate(seeds)]
    content, content_type = multipart(files)

    def upload():
        try:
            status, body = http_call("POST", f"{api}/api/v1/projects/{p.task_id}/images", content,
                                     timeout=60, content_type=content_type)
        except NETWORK_ERRORS:
            status, body = None, None
        if status is None or status >= 500:
            # the upload has no Idempotency-Key: did the lost attempt store the photos after all?
            check, task = http_call("GET", f"{api}/api/v1/projects/{p.task_id}", timeout=10)
            if check == 200 and isinstance(task, dict) and len(task.get("images") or []) >= p.photos:
                return 201, task
            if status is None:
                raise ConnectionError("upload interrupted")
        return status, body

    status, body = with_retries(run, "POST /images", upload)
    if status != 201:
        raise GaveUp(f"POST /images: HTTP {status} {str(body)[:200]}")

    options = {"style": rng.choice(["bright acoustic pop", "city pop", "lo-fi", "jazz trio"])}
    status, body = with_retries(run, "POST /pipeline", lambda: http_call(
        "POST", f"{api}/api/v1/projects/{p.task_id}/pipeline", options, {"Idempotency-Key": key + "-pipeline"},
        timeout=30))
    if status != 202 or not isinstance(body, dict):
        raise GaveUp(f"POST /pipeline: HTTP {status} {str(body)[:200]}")
    p.pipeline_id = body.get("pipelineId")
    p.submitted_at = run.elapsed()
    p.status = p.status or "running"


def submitter(run, rng, run_id):
    photo_cache = {}
    n = len(run.pipelines)
    interval = run.args.spread / n if n else 0
    for p in run.pipelines:
        due = run.started + p.index * interval
        while time.monotonic() < due and not run.stop.is_set():
            time.sleep(min(0.2, due - time.monotonic()))
        if run.stop.is_set() or time.monotonic() >= run.deadline:
            p.submit_error = p.submit_error or "not submitted: the run ended first"
            continue
        try:
            submit(run, p, rng, run_id, photo_cache)
        except GaveUp as error:
            p.submit_error = str(error)
            run.event(f"pipeline {p.index + 1}: could not be submitted: {error}")
        except Exception as error:  # a bug here must not stop the others
            p.submit_error = f"{type(error).__name__}: {error}"
            run.event(f"pipeline {p.index + 1}: could not be submitted: {p.submit_error}")
    run.submitting_done.set()
    run.event(f"all {n} pipelines submitted ({sum(1 for p in run.pipelines if p.submitted_at is not None)} accepted)",
              quiet=False)


def poll_one(run, p):
    status, task = http_call("GET", f"{run.args.api}/api/v1/projects/{p.task_id}", timeout=10)
    p.last_polled = time.monotonic()
    if status != 200 or not isinstance(task, dict):
        return
    pipeline = task.get("pipeline") or {}
    stages = {}
    for stage in STAGES:
        s = task.get(stage)
        if isinstance(s, dict):
            stages[stage] = (s.get("status"), s.get("errorCode"), s.get("updatedAt"))
    p.stages = stages
    p.times = {name: (part.get("createdAt"), part.get("completedAt"))
               for name, part in (("pipeline", pipeline), *((st, task.get(st)) for st in STAGES))
               if isinstance(part, dict)}
    p.error_code = pipeline.get("errorCode")
    p.error_message = pipeline.get("errorMessage")
    new_status = pipeline.get("status")
    if new_status in TERMINAL and p.ended_at is None:
        p.ended_at = run.elapsed()
    if new_status:
        p.status = new_status


def poller(run):
    while not run.stop.is_set():
        round_start = time.monotonic()
        for p in run.pipelines:
            if run.stop.is_set():
                return
            if p.task_id is None or p.submitted_at is None or p.terminal:
                continue
            try:
                poll_one(run, p)
            except NETWORK_ERRORS:
                pass
            time.sleep(POLL_GAP_SECONDS)
        rest = POLL_ROUND_SECONDS - (time.monotonic() - round_start)
        if rest > 0:
            run.stop.wait(rest)
