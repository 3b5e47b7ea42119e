"""What the stack did during a load, counted: database statements, Kafka records and requests, HTTP requests.

CPU per pipeline moves by 10-30% between runs of the same code on this machine (other tenants' steal time,
JIT timing); these counts do not. They say what a pipeline costs in operations, and whether a change made
fewer of them. Read from MariaDB's global status and each service's /actuator/prometheus, once before and
once after the load (the scrapes and the bench's own queries are a handful, left in).
"""
import re
import subprocess
import urllib.request

STATUS = ("Questions", "Com_commit", "Com_rollback", "Com_set_option", "Com_select", "Com_insert", "Com_update",
          "Com_delete")
# metric -> what it counts; summed over every tag combination (Micrometer keeps only the per-topic series of
# records consumed, so their sum is the client's total)
METRICS = {
    "kafka_producer_record_send_total": "Kafka records produced",
    "kafka_producer_request_total": "Kafka produce requests (and their metadata)",
    "kafka_consumer_fetch_manager_fetch_total": "Kafka fetch requests",
    "kafka_consumer_fetch_manager_records_consumed_total": "Kafka records consumed",
    "kafka_consumer_coordinator_commit_total": "Kafka offset commits",
    "hikaricp_connections_acquire_seconds_count": "connections borrowed from a pool",
    "http_server_requests_seconds_count": "HTTP requests served (actuator excluded)",
}
# tags may hold braces themselves (uri="/api/v1/projects/{taskId}/pipeline")
SAMPLE = re.compile(r"^(\w+)(\{.*\})?\s+([0-9.eE+-]+)$", re.M)


def database_status(db_port):
    query = "SHOW GLOBAL STATUS WHERE Variable_name IN (" + ",".join(f"'{name}'" for name in STATUS) + ")"
    out = subprocess.run(["mariadb", "-h127.0.0.1", f"-P{db_port}", "-uroot", "-N", "-e", query],
                         capture_output=True, text=True).stdout
    return {name: float(value) for name, value in (line.split("\t") for line in out.splitlines() if "\t" in line)}


# keyed by metric and the tags that tell them apart: the template cache of video-worker, and each provider's
# requests (castad.provider.call, ProviderGuard)
TEMPLATES = re.compile(r'^cache_(load|gets)_total\{[^\n]*cache="creatomate-templates"[^\n]*result="(\w+)"')
PROVIDER_CALLS = re.compile(r'^castad_provider_call_seconds_(count|sum)\{[^\n]*outcome="(\w+)",provider="(\w+)"')


def service_counters(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/prometheus", timeout=5) as response:
            text = response.read().decode()
    except OSError:
        return {}
    totals = dict.fromkeys(METRICS, 0.0)
    for line in text.splitlines():
        sample = SAMPLE.match(line)
        if not sample:
            continue
        name, tags, value = sample.groups()
        if name in METRICS and 'uri="/actuator' not in (tags or ""):
            totals[name] += float(value)
        for pattern, key in ((TEMPLATES, "template {0} {1}"), (PROVIDER_CALLS, "provider {2} {1} {0}")):
            found = pattern.match(line)
            if found:
                named = key.format(*found.groups())
                totals[named] = totals.get(named, 0.0) + float(value)
    return totals


class Census:
    """Counts around a load: `start()` and `stop()`, then `table(per)`."""

    def __init__(self, services, db_port):
        self.services, self.db_port = services, db_port
        self.before, self.after = None, None

    def snapshot(self):
        return ({name: service_counters(port) for name, port in self.services.items()},
                database_status(self.db_port))

    def start(self):
        self.before = self.snapshot()
        return self

    def stop(self):
        if self.before and not self.after:
            self.after = self.snapshot()

    def table(self, per, unit="pipeline"):
        if not (self.before and self.after):
            return ""
        (services_before, db_before), (services_after, db_after) = self.before, self.after
        names = list(self.services)
        lines = [f"  operations per {unit}: {'':38}" + "".join(f"{name.split('-')[0][:8]:>9}" for name in names)
                 + f"{'all':>9}"]
        for metric, label in METRICS.items():
            values = [(services_after.get(name, {}).get(metric, 0.0) - services_before.get(name, {}).get(metric, 0.0))
                      / per for name in names]
            lines.append(f"    {label:56}" + "".join(f"{v:9.2f}" for v in values) + f"{sum(values):9.2f}")
        database = ", ".join(f"{name.replace('Com_', '')} {(db_after.get(name, 0) - db_before.get(name, 0)) / per:.1f}"
                             for name in STATUS)
        lines.append(f"    database statements: {database}")
        lines.extend(self.templates_and_providers(services_before, services_after, names))
        return "\n".join(lines)

    @staticmethod
    def templates_and_providers(before, after, names):
        """Template fetches per video-worker instance (one per TTL is the target) and each provider's requests
        with their mean latency, over the whole load rather than per pipeline."""
        def delta(name, key):
            return after.get(name, {}).get(key, 0.0) - before.get(name, {}).get(key, 0.0)
        lines = []
        for name in names:
            fetches, hits, misses = (delta(name, "template load success"), delta(name, "template gets hit"),
                                     delta(name, "template gets miss"))
            if fetches or hits or misses:
                lines.append(f"    {name}: {fetches:.0f} template fetch(es) from Creatomate, {hits:.0f} hits, "
                             f"{misses:.0f} misses")
        calls = {}
        for name in names:
            for key in after.get(name, {}):
                if key.startswith("provider ") and key.endswith(" count"):
                    _, provider, outcome, _ = key.split(" ")
                    count, seconds = delta(name, key), delta(name, key[:-len("count")] + "sum")
                    total = calls.setdefault(provider, {})
                    total[outcome] = [a + b for a, b in zip(total.get(outcome, [0.0, 0.0]), (count, seconds))]
        for provider, outcomes in sorted(calls.items()):
            described = ", ".join(f"{count:.0f} {outcome} (mean {1000 * seconds / count:.1f} ms)"
                                  for outcome, (count, seconds) in sorted(outcomes.items()) if count)
            if described:
                lines.append(f"    requests to {provider}: {described}")
        return lines
