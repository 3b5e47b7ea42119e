#!/usr/bin/env python3
"""castad chaos: never lose a job, never pay twice -- checked under random failures.

Run through `./castad chaos [options]` against a running stack (best: `./castad up --instances 2`);
the launcher passes the stack's addresses and worker instances (--api, --sim, --targets, --castad,
--state). Standard library only.

What it does:
  1. turns on the simulators' provider faults (PUT /sim/{openai,suno,creatomate}/chaos; a 404 means the
     simulators have no such endpoint yet: a warning, and the run goes on without provider faults);
  2. submits N pipelines (a project, 1-3 generated PNG photos, POST .../pipeline with an
     Idempotency-Key), spread evenly over --spread seconds, retrying on connection errors and 5xx;
  3. meanwhile: every 10-20 s kill -9 of a random worker instance or the gateway (./castad kill), restarted 3-8 s later
     (./castad restart); once a Kafka broker restart (./castad restart kafka); once the database down
     for 30 s (./castad kill mariadb, then ./castad restart mariadb);
  4. waits until every pipeline is completed or failed, or the time limit (--minutes) passes, polling
     GET /api/v1/projects/{taskId};
  5. prints a report: timeline of the chaos, pipelines per final status, failures by errorCode, the
     lost ones with their stages, per-provider submissions / duplicates (/sim/stats), provider
     resubmissions (castad_provider_resubmissions_total of every worker instance), and last one line:
     CHAOS pipelines=N completed=C failed=F lost=L duplicate_paid=D resubmissions=R seconds=S
Exit code: 0 when no pipeline was lost, 1 otherwise, 2 for a usage error, 130 when interrupted.
"""
import argparse
import collections
import datetime
import heapq
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

from samples import multipart, photo

PROVIDERS = ("openai", "suno", "creatomate")
NETWORK_ERRORS = (urllib.error.URLError, OSError, http.client.HTTPException)
TERMINAL = ("completed", "failed")
DB_DOWN_SECONDS = 30
KILL_EVERY = (10.0, 20.0)
RESTART_AFTER = (3.0, 8.0)
POLL_ROUND_SECONDS = 5.0      # each unfinished pipeline is looked at no more often than this
POLL_GAP_SECONDS = 0.1        # between two polling requests: at most ~10 requests/s
SCRAPE_EVERY_SECONDS = 5.0    # worker metrics
REQUEST_PATIENCE_SECONDS = 180  # how long one client request is retried before its pipeline is given up


# ---------------------------------------------------------------------------------------------
# photos: tools/samples.py

# ---------------------------------------------------------------------------------------------
# HTTP

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


class GaveUp(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# the run's shared state

class Pipeline:
    def __init__(self, index):
        self.index = index
        self.task_id = None
        self.pipeline_id = None
        self.photos = 0
        self.submitted_at = None      # seconds since the start, when POST .../pipeline was answered 202
        self.submit_error = None      # why it could not be submitted
        self.status = None            # pipeline.status as last seen
        self.error_code = None
        self.error_message = None
        self.ended_at = None          # seconds since the start, when first seen completed or failed
        self.stages = {}              # lyric/song/video -> (status, errorCode, updatedAt)
        self.times = {}               # "pipeline"/"lyric"/"song"/"video" -> (createdAt, completedAt) as datetimes
        self.last_polled = 0.0

    @property
    def terminal(self):
        return self.status in TERMINAL


class Run:
    def __init__(self, args):
        self.args = args
        self.started = time.monotonic()
        self.deadline = self.started + args.minutes * 60
        self.stop = threading.Event()          # everything winds down
        self.chaos_over = threading.Event()    # no more chaos actions
        self.lock = threading.Lock()
        self.timeline = []                      # (seconds, text)
        self.pipelines = [Pipeline(i) for i in range(args.pipelines)]
        self.submitting_done = threading.Event()
        self.client_retries = collections.Counter()   # reason -> count
        self.kills = collections.Counter()            # instance -> kills
        self.down = set()                              # instances killed and not restarted yet
        self.db_down = False
        self.infra_pending = set()                     # "kafka", "mariadb" until they are back
        self.log = open(os.path.join(args.state, "logs", "chaos.log"), "a", buffering=1)
        self.log.write(f"\n=== {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}: chaos {' '.join(sys.argv[1:])}\n")

    def elapsed(self):
        return time.monotonic() - self.started

    def event(self, text, quiet=False):
        at = self.elapsed()
        with self.lock:
            self.timeline.append((at, text))
        self.log.write(f"+{at:7.1f}s  {text}\n")
        if not quiet:
            print(f"  +{at:6.1f}s  {text}", flush=True)

    def note(self, text):
        self.log.write(f"+{self.elapsed():7.1f}s  {text}\n")


# ---------------------------------------------------------------------------------------------
# ./castad kill|restart

def castad(run, *command):
    """Runs ./castad <command>; returns (exit code, seconds, output). Its output goes to chaos.log."""
    t0 = time.monotonic()
    try:
        done = subprocess.run([run.args.castad, *command], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=300)
        rc, output = done.returncode, done.stdout
    except subprocess.TimeoutExpired as timeout:
        rc, output = 124, (timeout.stdout or "") + "\n(timed out after 300 s)"
    seconds = time.monotonic() - t0
    run.log.write(f"$ ./castad {' '.join(command)}  -> exit {rc} after {seconds:.1f}s\n")
    for line in output.rstrip().splitlines():
        run.log.write(f"    {line}\n")
    return rc, seconds, output


def last_line(output):
    """The launcher's own complaint ("castad: ..."), else the last line."""
    lines = [line.strip() for line in output.strip().splitlines() if line.strip()]
    said = [line for line in lines if line.startswith("castad:")]
    return said[0] if said else (lines[-1] if lines else "")


class Restarts(threading.Thread):
    """Runs ./castad restart one at a time (it takes the launcher's lock), each when due. While the
    database is down, worker restarts wait for it (a worker cannot start without its database)."""

    def __init__(self, run):
        super().__init__(name="restarts", daemon=True)
        self.run_ = run
        self.queue = []          # (due seconds, seq, name, attempt)
        self.cond = threading.Condition()
        self.seq = 0
        self.busy = False

    def schedule(self, due, name, attempt=1):
        with self.cond:
            self.seq += 1
            heapq.heappush(self.queue, (due, self.seq, name, attempt))
            self.cond.notify()

    def idle(self):
        with self.cond:
            return not self.queue and not self.busy

    def restarting(self):
        """Whether a ./castad restart is running now (it holds the launcher's lock until ready)."""
        with self.cond:
            return self.busy

    def pending(self):
        with self.cond:
            return sorted(name for _, _, name, _ in self.queue)

    def _next(self):
        run = self.run_
        with self.cond:
            while True:
                if run.stop.is_set() and not self.queue:
                    return None
                now = run.elapsed()
                ready = [item for item in self.queue
                         if item[0] <= now and not (run.db_down and item[2] not in ("mariadb", "kafka"))]
                if ready:
                    item = min(ready)
                    self.queue.remove(item)
                    heapq.heapify(self.queue)
                    self.busy = True
                    return item
                self.cond.wait(0.2)

    def run(self):
        run = self.run_
        while True:
            item = self._next()
            if item is None:
                return
            due, _, name, attempt = item
            late = run.elapsed() - due
            rc, seconds, output = castad(run, "restart", name)
            if rc == 0:
                waited = f", {late:.0f}s after it was due" if late >= 2 else ""
                run.event(f"restart {name}: ready after {seconds:.1f}s{waited}")
                with run.lock:
                    run.down.discard(name)
                    if name == "mariadb":
                        run.db_down = False
                    run.infra_pending.discard(name)
            else:
                run.event(f"restart {name}: FAILED (exit {rc}) after {seconds:.1f}s: {last_line(output)}"
                          + (f"; again in 10 s (attempt {attempt + 1})" if attempt < 6 else "; giving up"))
                if attempt < 6:
                    self.schedule(run.elapsed() + 10, name, attempt + 1)
            with self.cond:
                self.busy = False
                self.cond.notify_all()


def pid_alive(run, name):
    try:
        with open(os.path.join(run.args.state, "pids", f"{name}.pid")) as f:
            pid = int(f.read().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def director(run, restarts, targets, rng):
    """The chaos schedule: random worker kills, one broker restart, one database outage."""
    args = run.args
    spread = args.spread
    # both drawn always, so that a seed gives the same worker kills with or without them
    kafka_at, db_at = spread * rng.uniform(0.25, 0.40), spread * rng.uniform(0.55, 0.70)
    kafka_at = None if args.no_broker_restart else kafka_at
    db_at = None if args.no_db_restart else db_at
    if kafka_at is not None:
        run.infra_pending.add("kafka")
    if db_at is not None:
        run.infra_pending.add("mariadb")
    next_kill = rng.uniform(*KILL_EVERY)
    names = sorted(targets)
    max_down = max(1, len(names) // 2)
    while not run.stop.is_set():
        now = run.elapsed()
        if time.monotonic() >= run.deadline - 30:
            break
        if kafka_at is not None and now >= kafka_at:
            kafka_at = None
            run.event("restart kafka (broker down while it restarts)")
            restarts.schedule(now, "kafka")
        # not while a restart is running: a worker starting then waits for the database until its start
        # timeout (120 s), holding the launcher's lock, and the database's own restart would wait behind it
        if db_at is not None and now >= db_at and not restarts.restarting():
            db_at = None
            rc, _, output = castad(run, "kill", "mariadb")
            if rc == 0:
                with run.lock:
                    run.db_down = True
                run.event(f"kill -9 mariadb: the database is down for {DB_DOWN_SECONDS}s")
            else:
                run.event(f"kill mariadb FAILED (exit {rc}): {last_line(output)}; restarting it anyway")
            restarts.schedule(now + DB_DOWN_SECONDS, "mariadb")
        if now >= next_kill:
            next_kill = now + rng.uniform(*KILL_EVERY)
            if now < spread or run.infra_pending:
                with run.lock:
                    up = [n for n in names if n not in run.down]
                    down = len(run.down)
                if down >= max_down:
                    run.event(f"(no kill: {down} worker instance(s) still down)")
                elif up:
                    victim = rng.choice(up)
                    pid = pid_alive(run, victim)
                    rc, _, output = castad(run, "kill", victim)
                    if rc == 0:
                        with run.lock:
                            run.down.add(victim)
                            run.kills[victim] += 1
                        delay = rng.uniform(*RESTART_AFTER)
                        run.event(f"kill -9 {victim} (pid {pid}); restart in {delay:.1f}s")
                        restarts.schedule(run.elapsed() + delay, victim)
                    else:
                        run.event(f"kill {victim} FAILED (exit {rc}): {last_line(output)}")
        if now >= spread and not run.infra_pending:
            break
        time.sleep(0.25)
    run.chaos_over.set()
    run.event("chaos over: no more kills; waiting for pending restarts")


def make_whole(run, restarts, targets):
    """After the chaos (or on the way out): every killed or dead component comes back."""
    deadline = time.monotonic() + 300
    while not restarts.idle() and time.monotonic() < deadline:
        time.sleep(0.5)
    for name in ["kafka", "mariadb", *sorted(targets)]:
        if name in ("kafka", "mariadb"):
            rc, _, output = castad(run, "status")
            line = next((l for l in output.splitlines() if l.startswith(name + " ")), "")
            alive = " running " in f" {line} " and line.rstrip().endswith("UP")
        else:
            alive = pid_alive(run, name) is not None
        if not alive:
            run.event(f"{name} is not running after the chaos: restarting it")
            rc, seconds, output = castad(run, "restart", name)
            run.event(f"restart {name}: " + (f"ready after {seconds:.1f}s" if rc == 0 else f"FAILED (exit {rc}): {last_line(output)}"))


# ---------------------------------------------------------------------------------------------
# submitting and polling

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


def when(text):
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
    except (ValueError, AttributeError):
        return None


def poll_one(run, p):
    status, task = http_call("GET", f"{run.args.api}/api/v1/projects/{p.task_id}", timeout=10)
    p.last_polled = time.monotonic()
    if status != 200 or not isinstance(task, dict):
        return
    pipeline = task.get("pipeline") or {}
    stages = {}
    for stage in ("lyric", "song", "video"):
        s = task.get(stage)
        if isinstance(s, dict):
            stages[stage] = (s.get("status"), s.get("errorCode"), s.get("updatedAt"))
    p.stages = stages
    p.times = {name: (when(part.get("createdAt")), when(part.get("completedAt")))
               for name, part in (("pipeline", pipeline), *((st, task.get(st)) for st in ("lyric", "song", "video")))
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


# ---------------------------------------------------------------------------------------------
# metrics: castad_provider_resubmissions_total of every instance life

RESUBMISSION = re.compile(r'^castad_provider_resubmissions_total\{([^}]*)\}\s+([0-9.eE+-]+)', re.M)
# records each instance's listeners handled: how the instances of a worker shared the work (the listener
# observation's timer, error="none"; result="success" is the same timer's tag without observation)
HANDLED = re.compile(r'^spring_kafka_listener_seconds_count\{([^}]*(?:error="none"|result="success")[^}]*)\}'
                     r'\s+([0-9.eE+-]+)', re.M)
HANDLED_KEY = "(records handled)"


def scrape_resubmissions(port):
    status, text = http_call("GET", f"http://127.0.0.1:{port}/actuator/prometheus", timeout=3)
    if status != 200 or not isinstance(text, str):
        return None
    counts = collections.Counter()
    for labels, value in RESUBMISSION.findall(text):
        provider = re.search(r'provider="([^"]*)"', labels)
        counts[provider.group(1) if provider else "?"] += float(value)
    for _, value in HANDLED.findall(text):
        counts[HANDLED_KEY] += float(value)
    return counts


class Resubmissions:
    """Per instance life (name, pid): the highest value seen, minus what it had when the run began."""

    def __init__(self, run, targets):
        self.run, self.targets = run, targets
        self.older = {(name, pid_alive(run, name)) for name in targets}   # lives that began before the run
        self.first = {}     # (name, pid) -> Counter at first sight, for lives older than the run
        self.last = {}      # (name, pid) -> Counter, latest
        self.last_at = {}   # (name, pid) -> seconds
        self.lock = threading.Lock()

    def scrape(self):
        for name, port in self.targets.items():
            pid = pid_alive(self.run, name)
            if pid is None:
                continue
            try:
                counts = scrape_resubmissions(port)
            except NETWORK_ERRORS:
                counts = None
            if counts is None:
                continue
            life = (name, pid)
            with self.lock:
                if life not in self.first:
                    self.first[life] = counts if life in self.older else collections.Counter()
                previous = self.last.get(life, collections.Counter())
                self.last[life] = collections.Counter({k: max(v, previous.get(k, 0)) for k, v in
                                                       {**previous, **counts}.items()})
                self.last_at[life] = self.run.elapsed()

    def loop(self):
        while not self.run.stop.wait(SCRAPE_EVERY_SECONDS):
            self.scrape()

    def totals(self):
        """(resubmissions by provider, lives scraped, records handled by instance name)."""
        with self.lock:
            total, handled = collections.Counter(), collections.Counter()
            for life, counts in self.last.items():
                for key, value in counts.items():
                    grown = max(0.0, value - self.first[life].get(key, 0.0))
                    if key == HANDLED_KEY:
                        handled[life[0]] += grown
                    else:
                        total[key] += grown
            return total, len(self.last), handled


# ---------------------------------------------------------------------------------------------
# the simulators

def sim_stats(run):
    try:
        status, body = http_call("GET", f"{run.args.sim}/sim/stats", timeout=5)
        return body if status == 200 and isinstance(body, dict) else None
    except NETWORK_ERRORS:
        return None


def faults_on(run, seed):
    setting = {"errorRate": 0.2, "rateLimitRate": 0.0, "slowRate": 0.05, "slowMs": 3000, "dropRate": 0.05,
               "retryAfter": "random", "seed": seed}
    on, missing = [], []
    for provider in PROVIDERS:
        try:
            status, body = http_call("PUT", f"{run.args.sim}/sim/{provider}/chaos", setting, timeout=5)
        except NETWORK_ERRORS as error:
            status, body = None, str(error)
        if status is not None and 200 <= status < 300:
            on.append(provider)
            run.note(f"faults on for {provider}: {json.dumps(body)[:300]}")
        elif status == 404:
            missing.append(provider)
        else:
            print(f"castad chaos: warning: PUT /sim/{provider}/chaos failed ({status}: {str(body)[:200]}); "
                  f"going on without {provider} faults", file=sys.stderr, flush=True)
    if missing:
        print(f"castad chaos: warning: PUT /sim/{{{','.join(missing)}}}/chaos answered 404: these simulators have no "
              f"fault endpoint yet; going on without provider faults for {', '.join(missing)}", file=sys.stderr,
              flush=True)
    return on, setting


def faults_off(run, providers):
    states = {}
    for provider in providers:
        try:
            status, body = http_call("GET", f"{run.args.sim}/sim/{provider}/chaos", timeout=5)
            if status == 200:
                states[provider] = body
            http_call("DELETE", f"{run.args.sim}/sim/{provider}/chaos", timeout=5)
        except NETWORK_ERRORS as error:
            print(f"castad chaos: warning: could not turn {provider} faults off: {error}", file=sys.stderr)
    return states


# ---------------------------------------------------------------------------------------------
# the report

def percentile(values, q):
    values = sorted(values)
    if not values:
        return 0.0
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def flatten(counts, prefix=""):
    """{"submissions":3,"faults":{"errors":1}} -> {"submissions":3,"faults.errors":1} (numbers only)."""
    flat = {}
    for key, value in (counts or {}).items() if isinstance(counts, dict) else ():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            flat[f"{prefix}{key}"] = value
    return flat


def stage_timings(pipelines):
    """Where the time went, from the stages' createdAt/completedAt: work in a stage, and the hand-over
    between two stages (the next worker's consumer picking up the event)."""
    spans = collections.defaultdict(list)
    previous = {"lyric": "pipeline", "song": "lyric", "video": "song"}
    for p in pipelines:
        t = p.times
        for stage in ("lyric", "song", "video"):
            created, completed = t.get(stage, (None, None))
            if created and completed:
                spans[f"{stage} work"].append((completed - created).total_seconds())
            before = t.get(previous[stage], (None, None))
            anchor = before[0] if stage == "lyric" else before[1]
            if created and anchor:
                spans[f"{previous[stage]} -> {stage} hand-over"].append((created - anchor).total_seconds())
    if not spans:
        return
    order = ["pipeline -> lyric hand-over", "lyric work", "lyric -> song hand-over", "song work",
             "song -> video hand-over", "video work"]
    print("  where the time went (from the stages' createdAt/completedAt):")
    for name in order:
        values = spans.get(name)
        if values:
            print(f"    {name:28} median {percentile(values, 0.5):6.1f}s   p95 {percentile(values, 0.95):6.1f}s   "
                  f"max {max(values):6.1f}s   (n={len(values)})")
    slow = max((max(v) for k, v in spans.items() if "hand-over" in k), default=0)
    if slow > 30:
        print("    a hand-over of more than 30 s is a consumer group that was not consuming: a kill -9'd member keeps "
              "its partitions until its session times out (session.timeout.ms, 45 s by default), and every "
              "join or death during that time starts the rebalance again")


def report(run, targets, before, after, fault_providers, fault_states, resubmissions, interrupted):
    args = run.args
    seconds = int(round(run.elapsed()))
    completed = [p for p in run.pipelines if p.status == "completed"]
    failed = [p for p in run.pipelines if p.status == "failed" and (p.error_code or p.error_message)]
    lost = [p for p in run.pipelines if p not in completed and p not in failed]

    print("\n" + "=" * 100)
    print(f"castad chaos report  (seed {args.seed}, {args.pipelines} pipelines spread over {args.spread:.0f}s, "
          f"time limit {args.minutes:g} min{', INTERRUPTED' if interrupted else ''})")
    print(f"worker instances: {', '.join(f'{n}:{p}' for n, p in sorted(targets.items()))}")
    if args.instances < 2:
        print("note: one instance per worker; `./castad up --instances 2` lets the other instance take over")
    print(f"provider faults: {'on for ' + ', '.join(fault_providers) if fault_providers else 'OFF (no /sim/{provider}/chaos endpoint)'}")

    print("\nchaos timeline:")
    with run.lock:
        timeline = list(run.timeline)
    for at, text in timeline:
        print(f"  +{at:6.1f}s  {text}")
    kills = sum(run.kills.values())
    print(f"  worker kills: {kills} ({', '.join(f'{n} x{c}' for n, c in sorted(run.kills.items())) or 'none'})")

    ended = [p.ended_at - p.submitted_at for p in run.pipelines if p.ended_at is not None and p.submitted_at is not None]
    print(f"\npipelines: {len(run.pipelines)}  completed {len(completed)}  failed {len(failed)}  lost {len(lost)}")
    if ended:
        print(f"  submit -> end (as polled every ~{POLL_ROUND_SECONDS:.0f}s): median {percentile(ended, 0.5):.1f}s, "
              f"p95 {percentile(ended, 0.95):.1f}s, max {max(ended):.1f}s")
    stage_timings(run.pipelines)
    retries = sum(run.client_retries.values())
    print(f"  client retries of API requests: {retries}"
          + (f" ({', '.join(f'{k} x{v}' for k, v in run.client_retries.most_common())})" if retries else ""))

    if failed:
        print("\nfailures by errorCode:")
        groups = collections.defaultdict(list)
        for p in failed:
            groups[p.error_code or "(no errorCode)"].append(p)
        for code, ps in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            example = ps[0]
            print(f"  {code:34} {len(ps):4}   e.g. task {example.task_id}: {(example.error_message or '')[:110]}")

    if lost:
        print("\nlost pipelines (neither completed nor failed with a reason):")
        kinds = collections.Counter()
        for p in lost:
            if p.submitted_at is None:
                kind = "not submitted"
                detail = p.submit_error or "?"
            elif p.status == "failed":
                kind = "failed without a reason"
                detail = ""
            else:
                kind = f"still {p.status or 'unknown'}"
                detail = ""
            kinds[kind] += 1
            stages = " ".join(f"{name}={s[0]}{'/' + s[1] if s[1] else ''}" for name, s in p.stages.items()) or "-"
            print(f"  #{p.index + 1:<4} task {p.task_id or '-'} pipeline {p.pipeline_id or '-'}: {kind}; "
                  f"stages {stages}{'; ' + detail if detail else ''}")
        print(f"  by kind: {', '.join(f'{k} {v}' for k, v in kinds.most_common())}")
        print("  look at: ./castad dlt list; .castad/logs/<worker>*.log (WARN/ERROR around the chaos times above);"
              " SELECT id,status,lease_owner,lease_until,external_id,attempts FROM song WHERE pipeline_id=...")

    print("\nproviders (/sim/stats, this run):")
    duplicate_paid = 0
    if before is None or after is None:
        duplicate_paid = -1
        print("  /sim/stats could not be read: duplicate_paid=-1 (unknown)")
    else:
        for provider in sorted(set(before) | set(after)):
            b, a = flatten(before.get(provider)), flatten(after.get(provider))
            delta = {k: v - b.get(k, 0) for k, v in a.items()}
            duplicate_paid += delta.get("duplicateSubmissions", 0)
            others = ", ".join(f"{k} {v}" for k, v in sorted(delta.items())
                               if k not in ("submissions", "duplicateSubmissions"))
            print(f"  {provider:11} submissions {delta.get('submissions', 0):5}   duplicates {delta.get('duplicateSubmissions', 0):3}"
                  + (f"   {others}" if others else ""))
    settings = {provider: json.dumps(state, separators=(",", ":"))[:300] for provider, state in fault_states.items()}
    if settings and len(set(settings.values())) == 1:
        print(f"  fault settings ({', '.join(sorted(settings))}): {next(iter(settings.values()))}")
    else:
        for provider, setting in sorted(settings.items()):
            print(f"  {provider:11} fault settings: {setting}")
    if not fault_providers:
        print("  faults: none injected (the simulators have no /sim/{provider}/chaos yet)")

    totals, lives, handled = resubmissions.totals()
    print("\nwork split (Kafka records each worker instance handled, this run; a lower bound, as below):")
    for base in sorted({name.rsplit("-", 1)[0] if name[-1].isdigit() else name for name in targets}):
        shares = sorted((name, int(round(count))) for name, count in handled.items()
                        if name == base or name.startswith(base + "-"))
        print(f"  {base:13} " + ", ".join(f"{name} {count}" for name, count in shares))
    resubmitted = int(round(sum(totals.values())))
    print(f"\nprovider resubmissions (castad_provider_resubmissions_total, this run): "
          + ", ".join(f"{p} {int(round(totals.get(p, 0)))}" for p in PROVIDERS) + f" = {resubmitted}")
    print(f"  summed over {lives} instance lives scraped every {SCRAPE_EVERY_SECONDS:.0f}s; a killed instance's counter "
          f"dies with it, so what it counted after its last scrape is missing: this is a lower bound")
    if duplicate_paid > resubmitted:
        print(f"  duplicate_paid {duplicate_paid} > resubmissions {resubmitted}: paid twice without a counted "
              f"resubmission (or counted by an instance killed before it was scraped)")
    print(f"\nlog of every ./castad call: {os.path.join(args.state, 'logs', 'chaos.log')}")
    print(f"CHAOS pipelines={len(run.pipelines)} completed={len(completed)} failed={len(failed)} lost={len(lost)} "
          f"duplicate_paid={duplicate_paid} resubmissions={resubmitted} seconds={seconds}", flush=True)
    return len(lost)


# ---------------------------------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="./castad chaos",
        description="Submit N pipelines under random failures (worker kill -9, a broker restart, a 30 s database "
                    "outage, provider faults) and check that none is lost and none is paid twice. Needs a "
                    "running stack: ./castad up --instances 2 (recommended).",
        epilog="The last line of the report is: CHAOS pipelines=N completed=C failed=F lost=L duplicate_paid=D "
               "resubmissions=R seconds=S. Exit 0 when lost=0, else 1.")
    parser.add_argument("--pipelines", type=int, default=100, help="pipelines to submit (default 100)")
    parser.add_argument("--minutes", type=float, default=15, help="time limit of the whole run (default 15)")
    parser.add_argument("--spread", type=float, default=None,
                        help="seconds over which submissions are spread, and the chaos lasts at least "
                             "(default: 120, at most a quarter of the time limit)")
    parser.add_argument("--no-broker-restart", action="store_true", help="no Kafka broker restart")
    parser.add_argument("--no-db-restart", action="store_true", help="no database outage")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock; printed)")
    # given by ./castad
    parser.add_argument("--castad", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "castad"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--state", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--instances", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--api", default="http://127.0.0.1:8080", help=argparse.SUPPRESS)
    parser.add_argument("--sim", default="http://127.0.0.1:8090", help=argparse.SUPPRESS)
    parser.add_argument("--targets", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pipelines < 1:
        parser.error("--pipelines must be at least 1")
    if args.minutes <= 0:
        parser.error("--minutes must be positive")
    if args.spread is None:
        args.spread = min(120.0, args.minutes * 60 / 4)
    if args.spread < 0 or args.spread > args.minutes * 60:
        parser.error("--spread must be between 0 and the time limit")
    if args.seed is None:
        args.seed = int(time.time() * 1000) % 1_000_000
    if args.state is None:
        args.state = os.path.join(os.path.dirname(os.path.abspath(args.castad)), ".castad")
    if not args.targets:
        parser.error("run it through ./castad chaos (no worker instances given)")
    return args


def main(argv):
    args = parse_args(argv)
    targets = {}
    for item in args.targets.split(","):
        name, _, port = item.partition("=")
        targets[name] = int(port)
    os.makedirs(os.path.join(args.state, "logs"), exist_ok=True)
    run = Run(args)
    run_id = uuid.uuid4().hex[:12]
    chaos_rng = random.Random(f"{args.seed}-chaos")
    content_rng = random.Random(f"{args.seed}-content")

    print(f"castad chaos: {args.pipelines} pipelines over {args.spread:.0f}s, seed {args.seed}, time limit "
          f"{args.minutes:g} min; {len(targets)} worker instances: {', '.join(sorted(targets))}")
    if args.instances < 2:
        print("castad chaos: note: one instance per worker; `./castad up --instances 2` is recommended so that "
              "another instance takes over the killed one's partitions")
    print(f"castad chaos: every ./castad call is logged in {os.path.join(args.state, 'logs', 'chaos.log')}")

    # Ctrl-C or SIGTERM: stop the chaos, bring everything back, report
    interrupted = threading.Event()

    def on_signal(signum, frame):
        if interrupted.is_set():
            raise KeyboardInterrupt
        interrupted.set()
        run.stop.set()
        print("\ncastad chaos: interrupted: restoring the stack, then the report (again to abort)", flush=True)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)

    before = sim_stats(run)
    if before is None:
        print("castad chaos: warning: GET /sim/stats failed: duplicate_paid will be unknown", file=sys.stderr)
    fault_providers, _ = faults_on(run, args.seed)
    resubmissions = Resubmissions(run, targets)
    resubmissions.scrape()
    run.event(f"start: faults {'on (' + ', '.join(fault_providers) + ')' if fault_providers else 'off'}; "
              f"submitting {args.pipelines} pipelines")

    restarts = Restarts(run)
    threads = [restarts,
               threading.Thread(target=director, args=(run, restarts, targets, chaos_rng), name="director", daemon=True),
               threading.Thread(target=submitter, args=(run, content_rng, run_id), name="submitter", daemon=True),
               threading.Thread(target=poller, args=(run,), name="poller", daemon=True),
               threading.Thread(target=resubmissions.loop, name="metrics", daemon=True)]
    for thread in threads:
        thread.start()

    next_progress = time.monotonic() + 15
    whole = False
    try:
        while not run.stop.is_set():
            now = time.monotonic()
            if run.chaos_over.is_set() and not whole:
                make_whole(run, restarts, targets)
                whole = True
            done = run.submitting_done.is_set() and all(
                p.terminal or p.submitted_at is None for p in run.pipelines)
            if done and run.chaos_over.is_set():
                break
            if now >= run.deadline:
                run.event(f"time limit ({args.minutes:g} min) reached")
                break
            if now >= next_progress:
                next_progress = now + 15
                submitted = sum(1 for p in run.pipelines if p.submitted_at is not None)
                completed = sum(1 for p in run.pipelines if p.status == "completed")
                failed = sum(1 for p in run.pipelines if p.status == "failed")
                with run.lock:
                    down = sorted(run.down | ({"mariadb"} if run.db_down else set()))
                print(f"  +{run.elapsed():6.1f}s  progress: submitted {submitted}/{len(run.pipelines)}, completed "
                      f"{completed}, failed {failed}, running {submitted - completed - failed}"
                      + (f"; down: {', '.join(down)}" if down else ""), flush=True)
            time.sleep(0.5)
    except KeyboardInterrupt:
        interrupted.set()
    finally:
        run.stop.set()
        run.chaos_over.set()
        try:
            if not whole:
                make_whole(run, restarts, targets)
        except KeyboardInterrupt:
            print("castad chaos: aborted; check ./castad status", file=sys.stderr)

    # one last look at every unfinished pipeline, then the counters
    for p in run.pipelines:
        if p.task_id and p.submitted_at is not None and not p.terminal:
            try:
                poll_one(run, p)
            except NETWORK_ERRORS:
                pass
    resubmissions.scrape()
    fault_states = faults_off(run, fault_providers)
    after = sim_stats(run)
    lost = report(run, targets, before, after, fault_providers, fault_states, resubmissions, interrupted.is_set())
    run.log.close()
    if interrupted.is_set():
        return 130
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
