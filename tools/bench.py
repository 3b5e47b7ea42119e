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
import subprocess
import sys
import threading
import time
import urllib.request

from samples import multipart, photo

SERVICES = {"api-gateway": 8080, "lyric-worker": 8081, "song-worker": 8082, "video-worker": 8083, "blob-worker": 8084}
GAUGES = {
    "threads": re.compile(r'^jvm_threads_live_threads(?:\{[^}]*\})?\s+([0-9.eE+-]+)', re.M),
    "heap": re.compile(r'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\}\s+([0-9.eE+-]+)', re.M),
    "db_active": re.compile(r'^hikaricp_connections_active\{[^}]*pool="(?!.*outbox)[^"]*"[^}]*\}\s+([0-9.eE+-]+)', re.M),
    "db_pending": re.compile(r'^hikaricp_connections_pending\{[^}]*pool="(?!.*outbox)[^"]*"[^}]*\}\s+([0-9.eE+-]+)', re.M),
    "consumer_lag": re.compile(r'^kafka_consumer_fetch_manager_records_lag_max\{[^}]*\}\s+([0-9.eE+-]+)', re.M),
}


def http(method, url, body=None, content_type="application/json", timeout=30):
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw[:1] in (b"{", b"[") else raw.decode(errors="replace"))
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


class Sampler:
    """Every second: each service's threads, heap, active/pending stage-pool connections, consumer lag.
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
        while not self.stop.wait(1.0):
            at = time.monotonic()
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
# W3: the task view at saturation, beside a constant and a one-row read on the same gateway

def ensure_bench_profile(args):
    status, _ = http("GET", f"{args.api}/bench/hello", timeout=5)
    if status == 200:
        return
    print("bench: restarting api-gateway with the bench profile (calibration endpoints)", flush=True)
    env = dict(os.environ, SPRING_PROFILES_ACTIVE="bench")
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
        view = load(args, views, args.connections, args.seconds)
        print(f"  task view   {view}", flush=True)
        fixed = load(args, views, 16, args.seconds, rate=1000)
        print(f"  task view at 1000/s  {fixed}", flush=True)
    print(sampler.table())
    print(f"W3 rps={view['rps']:.0f} p50_ms={view['p50_ms']:.2f} p99_ms={view['p99_ms']:.2f} "
          f"fixed1000_p99_ms={fixed['p99_ms']:.2f} pkread_rps={pkread['rps']:.0f} hello_rps={hello['rps']:.0f}",
          flush=True)


def main(argv):
    parser = argparse.ArgumentParser(prog="./castad bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workload", choices=["w3"])
    parser.add_argument("--seconds", type=int, default=15, help="measured seconds per load (default 15)")
    parser.add_argument("--warmup", type=int, default=5, help="warm-up seconds before each load (default 5)")
    parser.add_argument("--connections", type=int, default=64, help="connections at saturation (default 64)")
    parser.add_argument("--tasks", type=int, default=100, help="W3: completed tasks whose views are read")
    parser.add_argument("--api", default="http://127.0.0.1:8080", help=argparse.SUPPRESS)
    parser.add_argument("--castad", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "castad"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--bench-jar", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench",
                                                            "target", "bench-0.1.0-SNAPSHOT.jar"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    {"w3": w3}[args.workload](args)


if __name__ == "__main__":
    main(sys.argv[1:])
