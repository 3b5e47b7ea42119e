"""The chaos report, a function of a run's recording alone (chaos/state.py writes it beside chaos.log).

    python3 -m chaos.report .castad/logs/chaos-run.json    # from tools/: a recorded run's report again

Its last line is: CHAOS pipelines=N completed=C failed=F lost=L duplicate_paid=D resubmissions=R seconds=S
"""
import collections
import datetime
import json
import sys

from chaos.state import PROVIDERS, STAGES

SLOW_HAND_OVER_SECONDS = 30
HAND_OVERS_AND_WORK = ["pipeline -> lyric hand-over", "lyric work", "lyric -> song hand-over", "song work",
                       "song -> video hand-over", "video work"]


def percentile(values, q):
    values = sorted(values)
    if not values:
        return 0.0
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def flatten(counts, prefix=""):
    """{"submissions":3,"faults":{"errors":1}} -> {"submissions":3,"faults.errors":1} (numbers only)."""
    flat = {}
    for key, value in (counts or {}).items() if isinstance(counts, dict) else ():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            flat[f"{prefix}{key}"] = value
    return flat


def when(text):
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
    except (ValueError, AttributeError):
        return None


def outcomes(pipelines):
    """(completed, failed with a reason, lost): lost is everything else, failed without a reason included."""
    completed = [p for p in pipelines if p["status"] == "completed"]
    failed = [p for p in pipelines if p["status"] == "failed" and (p["error_code"] or p["error_message"])]
    lost = [p for p in pipelines if p not in completed and p not in failed]
    return completed, failed, lost


def spans(pipelines):
    """Work in a stage and the hand-over between two stages (the next worker's consumer picking up the
    event), in seconds, from the stages' createdAt/completedAt."""
    found = collections.defaultdict(list)
    previous = {"lyric": "pipeline", "song": "lyric", "video": "song"}
    for p in pipelines:
        times = {name: (when(created), when(completed)) for name, (created, completed) in p["times"].items()}
        for stage in STAGES:
            created, completed = times.get(stage, (None, None))
            if created and completed:
                found[f"{stage} work"].append((completed - created).total_seconds())
            before = times.get(previous[stage], (None, None))
            anchor = before[0] if stage == "lyric" else before[1]
            if created and anchor:
                found[f"{previous[stage]} -> {stage} hand-over"].append((created - anchor).total_seconds())
    return found


def stage_timings(pipelines, out):
    found = spans(pipelines)
    if not found:
        return
    out.append("  where the time went (from the stages' createdAt/completedAt):")
    for name in HAND_OVERS_AND_WORK:
        values = found.get(name)
        if values:
            out.append(f"    {name:28} median {percentile(values, 0.5):6.1f}s   p95 {percentile(values, 0.95):6.1f}s   "
                       f"max {max(values):6.1f}s   (n={len(values)})")
    if max((max(v) for k, v in found.items() if "hand-over" in k), default=0) > SLOW_HAND_OVER_SECONDS:
        out.append("    a hand-over of more than 30 s is a consumer group that was not consuming: a kill -9'd member "
                   "keeps its partitions until its session times out (session.timeout.ms, 45 s by default), and "
                   "every join or death during that time starts the rebalance again")


def heading(run, out):
    out.append("")
    out.append("=" * 100)
    out.append(f"castad chaos report  (seed {run['seed']}, {len(run['pipelines'])} pipelines spread over "
               f"{run['spread']:.0f}s, time limit {run['minutes']:g} min{', INTERRUPTED' if run['interrupted'] else ''})")
    out.append(f"worker instances: {', '.join(f'{n}:{p}' for n, p in sorted(run['targets'].items()))}")
    if run["instances"] < 2:
        out.append("note: one instance per worker; `./castad up --instances 2` lets the other instance take over")
    faulted = run["providers"]["faulted"]
    out.append(f"provider faults: {'on for ' + ', '.join(faulted) if faulted else 'OFF (no /sim/{provider}/chaos endpoint)'}")


def timeline(run, out):
    out.append("")
    out.append("chaos timeline:")
    for at, text in run["timeline"]:
        out.append(f"  +{at:6.1f}s  {text}")
    kills = run["kills"]
    out.append(f"  worker kills: {sum(kills.values())} "
               f"({', '.join(f'{n} x{c}' for n, c in sorted(kills.items())) or 'none'})")


def pipelines_section(run, completed, failed, lost, out):
    pipelines = run["pipelines"]
    ended = [p["ended_at"] - p["submitted_at"] for p in pipelines
             if p["ended_at"] is not None and p["submitted_at"] is not None]
    out.append("")
    out.append(f"pipelines: {len(pipelines)}  completed {len(completed)}  failed {len(failed)}  lost {len(lost)}")
    if ended:
        out.append(f"  submit -> end (as polled every ~{run['poll_every_seconds']:g}s): median {percentile(ended, 0.5):.1f}s, "
                   f"p95 {percentile(ended, 0.95):.1f}s, max {max(ended):.1f}s")
    stage_timings(pipelines, out)
    retries = collections.Counter(run["client_retries"])
    total = sum(retries.values())
    out.append(f"  client retries of API requests: {total}"
               + (f" ({', '.join(f'{k} x{v}' for k, v in retries.most_common())})" if total else ""))


def failures(failed, out):
    if not failed:
        return
    out.append("")
    out.append("failures by errorCode:")
    groups = collections.defaultdict(list)
    for p in failed:
        groups[p["error_code"] or "(no errorCode)"].append(p)
    for code, ps in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        example = ps[0]
        out.append(f"  {code:34} {len(ps):4}   e.g. task {example['task_id']}: {(example['error_message'] or '')[:110]}")


def lost_kind(p):
    if p["submitted_at"] is None:
        return "not submitted", p["submit_error"] or "?"
    if p["status"] == "failed":
        return "failed without a reason", ""
    return f"still {p['status'] or 'unknown'}", ""


def lost_section(lost, out):
    if not lost:
        return
    out.append("")
    out.append("lost pipelines (neither completed nor failed with a reason):")
    kinds = collections.Counter()
    for p in lost:
        kind, detail = lost_kind(p)
        kinds[kind] += 1
        stages = " ".join(f"{name}={s[0]}{'/' + s[1] if s[1] else ''}" for name, s in p["stages"].items()) or "-"
        out.append(f"  #{p['index'] + 1:<4} task {p['task_id'] or '-'} pipeline {p['pipeline_id'] or '-'}: {kind}; "
                   f"stages {stages}{'; ' + detail if detail else ''}")
    out.append(f"  by kind: {', '.join(f'{k} {v}' for k, v in kinds.most_common())}")
    out.append("  look at: ./castad dlt list; .castad/logs/<worker>*.log (WARN/ERROR around the chaos times above);"
               " SELECT id,status,lease_owner,lease_until,external_id,attempts FROM song WHERE pipeline_id=...")


def providers_section(providers, out):
    """Each provider's submissions and duplicates in this run (/sim/stats after minus before);
    returns the duplicates, -1 when the stats could not be read."""
    out.append("")
    out.append("providers (/sim/stats, this run):")
    before, after = providers["stats_before"], providers["stats_after"]
    duplicate_paid = 0
    if before is None or after is None:
        duplicate_paid = -1
        out.append("  /sim/stats could not be read: duplicate_paid=-1 (unknown)")
    else:
        for provider in sorted(set(before) | set(after)):
            b, a = flatten(before.get(provider)), flatten(after.get(provider))
            delta = {k: v - b.get(k, 0) for k, v in a.items()}
            duplicate_paid += delta.get("duplicateSubmissions", 0)
            others = ", ".join(f"{k} {v}" for k, v in sorted(delta.items())
                               if k not in ("submissions", "duplicateSubmissions"))
            out.append(f"  {provider:11} submissions {delta.get('submissions', 0):5}   "
                       f"duplicates {delta.get('duplicateSubmissions', 0):3}" + (f"   {others}" if others else ""))
    fault_settings(providers, out)
    return duplicate_paid


def fault_settings(providers, out):
    settings = {provider: json.dumps(state, separators=(",", ":"))[:300]
                for provider, state in providers["fault_states"].items()}
    if settings and len(set(settings.values())) == 1:
        out.append(f"  fault settings ({', '.join(sorted(settings))}): {next(iter(settings.values()))}")
    else:
        for provider, setting in sorted(settings.items()):
            out.append(f"  {provider:11} fault settings: {setting}")
    if not providers["faulted"]:
        out.append("  faults: none injected (the simulators have no /sim/{provider}/chaos yet)")


def work_split(run, out):
    out.append("")
    out.append("work split (Kafka records each worker instance handled, this run; a lower bound, as below):")
    for base in sorted({name.rsplit("-", 1)[0] if name[-1].isdigit() else name for name in run["targets"]}):
        shares = sorted((name, int(round(count))) for name, count in run["handled"].items()
                        if name == base or name.startswith(base + "-"))
        out.append(f"  {base:13} " + ", ".join(f"{name} {count}" for name, count in shares))


def resubmissions_section(run, duplicate_paid, out):
    totals = run["resubmissions"]
    resubmitted = int(round(sum(totals.values())))
    out.append("")
    out.append("provider resubmissions (castad_provider_resubmissions_total, this run): "
               + ", ".join(f"{p} {int(round(totals.get(p, 0)))}" for p in PROVIDERS) + f" = {resubmitted}")
    out.append(f"  summed over {run['instance_lives']} instance lives scraped every {run['scrape_every_seconds']:g}s; a killed instance's counter "
               f"dies with it, so what it counted after its last scrape is missing: this is a lower bound")
    if duplicate_paid > resubmitted:
        out.append(f"  duplicate_paid {duplicate_paid} > resubmissions {resubmitted}: paid twice without a counted "
                   f"resubmission (or counted by an instance killed before it was scraped)")
    return resubmitted


def render(run):
    """(the report's lines, its summary: the numbers of the last line)."""
    out = []
    completed, failed, lost = outcomes(run["pipelines"])
    heading(run, out)
    timeline(run, out)
    pipelines_section(run, completed, failed, lost, out)
    failures(failed, out)
    lost_section(lost, out)
    duplicate_paid = providers_section(run["providers"], out)
    work_split(run, out)
    resubmitted = resubmissions_section(run, duplicate_paid, out)
    summary = {"pipelines": len(run["pipelines"]), "completed": len(completed), "failed": len(failed),
               "lost": len(lost), "duplicate_paid": duplicate_paid, "resubmissions": resubmitted,
               "seconds": run["seconds"]}
    out.append("")
    out.append(f"log of every ./castad call: {run['log']}")
    out.append("CHAOS " + " ".join(f"{key}={value}" for key, value in summary.items()))
    return out, summary


def main(argv):
    if len(argv) != 1:
        print("usage: python3 -m chaos.report RECORDING.json", file=sys.stderr)
        return 2
    with open(argv[0]) as f:
        lines, summary = render(json.load(f))
    print("\n".join(lines))
    return 0 if summary["lost"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
