"""What the run reads back: every worker instance's castad_provider_resubmissions_total and records
handled (per instance life, as a kill -9 takes its counters with it), and the simulators' /sim/stats."""
import collections
import re
import threading

from chaos.client import NETWORK_ERRORS, http_call
from chaos.restarts import pid_alive

SCRAPE_EVERY_SECONDS = 5.0

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
