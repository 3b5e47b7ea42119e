#!/usr/bin/env python3
"""Checks deploy/grafana/dashboards/castad.json against a running stack: every metric its queries name is exposed by
some service's /actuator/prometheus. Run after `./castad up` and `./castad demo`:

    python3 tools/dashboard_check.py [host]

castad_stage_failed_total appears with a stage's first failure (StageMetricsTest shows its name); it is reported,
not required. Exit 0 when every other metric is there."""
import json
import re
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORTS = {"api-gateway": 8085, "lyric-worker": 8081, "song-worker": 8082, "video-worker": 8083, "blob-worker": 8084}
ON_FIRST_FAILURE = {"castad_stage_failed_total"}
METRIC = re.compile(r"\b((?:castad|kafka|http)_[a-z_]+)\b")


def queried(dashboard):
    names = set()
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            names.update(METRIC.findall(target["expr"]))
    return names


def exposed(host):
    seen = {}
    for service, port in PORTS.items():
        with urllib.request.urlopen(f"http://{host}:{port}/actuator/prometheus", timeout=5) as response:
            for line in response.read().decode().splitlines():
                if line and not line.startswith("#"):
                    seen.setdefault(re.split(r"[{ ]", line, maxsplit=1)[0], set()).add(service)
    return seen


def main():
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    names = queried(json.loads((ROOT / "deploy/grafana/dashboards/castad.json").read_text()))
    seen = exposed(host)
    missing = []
    for name in sorted(names):
        where = seen.get(name)
        print(f"{'ok     ' if where else 'missing'} {name}{'  ' + ','.join(sorted(where)) if where else ''}")
        if not where and name not in ON_FIRST_FAILURE:
            missing.append(name)
    print(f"DASHBOARD metrics={len(names)} exposed={sum(1 for n in names if n in seen)} missing={len(missing)}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
