"""Bringing components back: `./castad kill|restart|status` calls (each logged in chaos.log), the
restarts scheduled one at a time, and making the stack whole after the chaos."""
import heapq
import os
import subprocess
import threading
import time


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
