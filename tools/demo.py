#!/usr/bin/env python3
"""castad demo: one advert, end to end, against a running stack (./castad up).

Creates a project with three sample photos, starts the whole pipeline with one call, prints the
task's timeline as it happens (Server-Sent Events), and ends with the video's URL after checking that
it downloads as an MP4. Exits non-zero if the pipeline fails or takes too long.
"""
import json
import os
import sys
import time
import urllib.request

from samples import multipart, photo

API = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
# the local stack's key (./castad demo exports it from .castad/api-key)
KEY = {"X-API-Key": os.environ["CASTAD_API_KEY"]} if os.environ.get("CASTAD_API_KEY") else {}
TIMEOUT_S = float(sys.argv[2]) if len(sys.argv) > 2 else 300


def call(method, path, body=None, content_type="application/json"):
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    request = urllib.request.Request(API + path, data=data, method=method, headers=KEY)
    if data is not None:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def follow(task_id, started):
    """Prints the timeline until the pipeline ends; returns its last event name."""
    request = urllib.request.Request(f"{API}/api/v1/projects/{task_id}/events",
                                     headers={"Accept": "text/event-stream", **KEY})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as stream:
        name = None
        for raw in stream:
            line = raw.decode().rstrip("\n")
            if line.startswith("event:"):
                name = line[len("event:"):].strip()
            elif line.startswith("data:") and name:
                event = json.loads(line[len("data:"):])["event"]
                what = " ".join(str(event[k]) for k in ("stage", "stageId", "errorCode") if event.get(k) is not None)
                print(f"  +{time.monotonic() - started:6.1f}s  {name:18} {what}", flush=True)
                if name in ("PipelineCompleted", "PipelineFailed"):
                    return name
                name = None
            if time.monotonic() - started > TIMEOUT_S:
                return "timeout"
    return "stream closed"


def main():
    started = time.monotonic()
    project = call("POST", "/api/v1/projects", {
        "storeName": "Haneul Bakery", "region": "Jeju", "address": "12 Harbor Road",
        "description": "Tangerine bread and sea-salt rolls, baked at dawn", "language": "en"})
    task_id = project["taskId"]
    print(f"project {task_id}: {project['storeName']}, {project['region']}")
    body, content_type = multipart([(f"photo-{i}.png", photo(i)) for i in (1, 2, 3)])
    images = call("POST", f"/api/v1/projects/{task_id}/images", body, content_type)["images"]
    print(f"uploaded {len(images)} photos to Blob")
    call("POST", f"/api/v1/projects/{task_id}/pipeline", {"style": "bright acoustic pop, warm vocals"})
    print("pipeline started: lyric -> song -> video\ntimeline:")
    outcome = follow(task_id, started)
    task = call("GET", f"/api/v1/projects/{task_id}")
    if outcome != "PipelineCompleted":
        print(f"the pipeline did not complete ({outcome}): {json.dumps(task.get('pipeline'))}", file=sys.stderr)
        return 1
    url = task["video"]["resultUrl"]
    with urllib.request.urlopen(url, timeout=60) as response:
        video = response.read()
    if video[4:8] != b"ftyp":
        print(f"the stored video is not an MP4 ({len(video)} bytes)", file=sys.stderr)
        return 1
    print(f"\nlyrics:\n{task['lyric']['text']}\n")
    print(f"song:  {task['song']['resultUrl']}")
    print(f"video: an MP4 of {len(video)} bytes, in Blob Storage, done in {time.monotonic() - started:.1f}s")
    print(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
