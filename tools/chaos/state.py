"""The run's shared state: the pipelines as last seen, the timeline of what the chaos did, and the
recording that the report reads (written beside chaos.log, so that a run's report can be read again)."""
import collections
import json
import os
import sys
import threading
import time

TERMINAL = ("completed", "failed")
PROVIDERS = ("openai", "suno", "creatomate")
STAGES = ("lyric", "song", "video")


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
        self.times = {}               # "pipeline"/"lyric"/"song"/"video" -> (createdAt, completedAt) as API text
        self.last_polled = 0.0

    @property
    def terminal(self):
        return self.status in TERMINAL

    def recorded(self):
        return {key: getattr(self, key) for key in ("index", "task_id", "pipeline_id", "submitted_at", "submit_error",
                                                    "status", "error_code", "error_message", "ended_at", "stages",
                                                    "times")}


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
        self.log_path = os.path.join(args.state, "logs", "chaos.log")
        self.log = open(self.log_path, "a", buffering=1)
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

    def recording(self, targets, providers, resubmissions, interrupted, poll_every, scrape_every):
        """Everything the report needs, as plain JSON: the report is a function of this alone."""
        args = self.args
        totals, lives, handled = resubmissions.totals()
        with self.lock:
            timeline = list(self.timeline)
        return {
            "seed": args.seed, "spread": args.spread, "minutes": args.minutes, "instances": args.instances,
            "interrupted": interrupted, "seconds": int(round(self.elapsed())), "log": self.log_path,
            "targets": targets, "timeline": timeline, "kills": dict(self.kills),
            "client_retries": dict(self.client_retries),
            "pipelines": [p.recorded() for p in self.pipelines],
            "providers": providers,
            "resubmissions": dict(totals), "instance_lives": lives, "handled": dict(handled),
            "poll_every_seconds": poll_every, "scrape_every_seconds": scrape_every,
        }


def save(recording, path):
    with open(path, "w") as f:
        json.dump(recording, f, indent=1)
