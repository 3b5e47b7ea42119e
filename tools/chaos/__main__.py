"""./castad chaos: the command line, and the run from start to report (see chaos/__init__.py)."""
import argparse
import os
import random
import signal
import sys
import threading
import time
import uuid

from chaos import report
from chaos.client import NETWORK_ERRORS
from chaos.faults import director, faults_off, faults_on
from chaos.metrics import SCRAPE_EVERY_SECONDS, Resubmissions, sim_stats
from chaos.restarts import Restarts, make_whole
from chaos.state import Run, save
from chaos.traffic import POLL_ROUND_SECONDS, poll_one, poller, submitter

PROGRESS_EVERY_SECONDS = 15


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
    parser.add_argument("--castad", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "castad"),
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



def parse_targets(text):
    """"lyric-worker=8081,song-worker=8082" -> {"lyric-worker": 8081, "song-worker": 8082}"""
    targets = {}
    for item in text.split(","):
        name, _, port = item.partition("=")
        targets[name] = int(port)
    return targets


def on_signals(run):
    """Ctrl-C or SIGTERM: stop the chaos, bring everything back, report; a second one aborts."""
    interrupted = threading.Event()

    def on_signal(signum, frame):
        if interrupted.is_set():
            raise KeyboardInterrupt
        interrupted.set()
        run.stop.set()
        print("\ncastad chaos: interrupted: restoring the stack, then the report (again to abort)", flush=True)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    return interrupted


def progress(run):
    pipelines = run.pipelines
    submitted = sum(1 for p in pipelines if p.submitted_at is not None)
    completed = sum(1 for p in pipelines if p.status == "completed")
    failed = sum(1 for p in pipelines if p.status == "failed")
    with run.lock:
        down = sorted(run.down | ({"mariadb"} if run.db_down else set()))
    print(f"  +{run.elapsed():6.1f}s  progress: submitted {submitted}/{len(pipelines)}, completed "
          f"{completed}, failed {failed}, running {submitted - completed - failed}"
          + (f"; down: {', '.join(down)}" if down else ""), flush=True)


def watch(run, restarts, targets):
    """Until every submitted pipeline ended after the chaos, or the time limit; the stack is made whole
    as soon as the chaos is over. Returns whether it was."""
    next_progress = time.monotonic() + PROGRESS_EVERY_SECONDS
    whole = False
    while not run.stop.is_set():
        now = time.monotonic()
        if run.chaos_over.is_set() and not whole:
            make_whole(run, restarts, targets)
            whole = True
        done = run.submitting_done.is_set() and all(p.terminal or p.submitted_at is None for p in run.pipelines)
        if done and run.chaos_over.is_set():
            break
        if now >= run.deadline:
            run.event(f"time limit ({run.args.minutes:g} min) reached")
            break
        if now >= next_progress:
            next_progress = now + PROGRESS_EVERY_SECONDS
            progress(run)
        time.sleep(0.5)
    return whole


def last_look(run):
    """One last poll of every unfinished pipeline."""
    for p in run.pipelines:
        if p.task_id and p.submitted_at is not None and not p.terminal:
            try:
                poll_one(run, p)
            except NETWORK_ERRORS:
                pass


def main(argv):
    args = parse_args(argv)
    targets = parse_targets(args.targets)
    os.makedirs(os.path.join(args.state, "logs"), exist_ok=True)
    run = Run(args)
    print(f"castad chaos: {args.pipelines} pipelines over {args.spread:.0f}s, seed {args.seed}, time limit "
          f"{args.minutes:g} min; {len(targets)} worker instances: {', '.join(sorted(targets))}")
    if args.instances < 2:
        print("castad chaos: note: one instance per worker; `./castad up --instances 2` is recommended so that "
              "another instance takes over the killed one's partitions")
    print(f"castad chaos: every ./castad call is logged in {run.log_path}")
    interrupted = on_signals(run)

    before = sim_stats(run)
    if before is None:
        print("castad chaos: warning: GET /sim/stats failed: duplicate_paid will be unknown", file=sys.stderr)
    faulted, _ = faults_on(run, args.seed)
    resubmissions = Resubmissions(run, targets)
    resubmissions.scrape()
    run.event(f"start: faults {'on (' + ', '.join(faulted) + ')' if faulted else 'off'}; "
              f"submitting {args.pipelines} pipelines")

    restarts = Restarts(run)
    chaos_rng, content_rng = random.Random(f"{args.seed}-chaos"), random.Random(f"{args.seed}-content")
    threads = [restarts,
               threading.Thread(target=director, args=(run, restarts, targets, chaos_rng), name="director", daemon=True),
               threading.Thread(target=submitter, args=(run, content_rng, uuid.uuid4().hex[:12]), name="submitter",
                                daemon=True),
               threading.Thread(target=poller, args=(run,), name="poller", daemon=True),
               threading.Thread(target=resubmissions.loop, name="metrics", daemon=True)]
    for thread in threads:
        thread.start()

    whole = False
    try:
        whole = watch(run, restarts, targets)
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

    last_look(run)
    resubmissions.scrape()
    fault_states = faults_off(run, faulted)
    providers = {"faulted": faulted, "fault_states": fault_states, "stats_before": before, "stats_after": sim_stats(run)}
    recording = run.recording(targets, providers, resubmissions, interrupted.is_set(), POLL_ROUND_SECONDS,
                              SCRAPE_EVERY_SECONDS)
    save(recording, os.path.join(args.state, "logs", "chaos-run.json"))
    lines, summary = report.render(recording)
    print("\n".join(lines), flush=True)
    run.log.close()
    if interrupted.is_set():
        return 130
    return 0 if summary["lost"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
