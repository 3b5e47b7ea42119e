"""The faults: random kill -9 of worker instances and the gateway, one Kafka broker restart, one
database outage (the director), and the simulators' provider faults (errors, slow and dropped answers)."""
import json
import sys
import time

from chaos.client import NETWORK_ERRORS, http_call
from chaos.restarts import castad, last_line, pid_alive
from chaos.state import PROVIDERS

DB_DOWN_SECONDS = 30
KILL_EVERY = (10.0, 20.0)
RESTART_AFTER = (3.0, 8.0)


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
