"""The chaos report, read from a recorded run (tests/chaos-run.json: a real `./castad chaos` run's
.castad/logs/chaos-run.json) as an operator reads it."""
import io
import json
import os
import re
import unittest
from contextlib import redirect_stdout

from chaos import report

RECORDED = os.path.join(os.path.dirname(__file__), "chaos-run.json")
LAST_LINE = re.compile(r"^CHAOS pipelines=(\d+) completed=(\d+) failed=(\d+) lost=(\d+) duplicate_paid=(-?\d+) "
                       r"resubmissions=(\d+) seconds=(\d+)$")


def recorded():
    with open(RECORDED) as f:
        return json.load(f)


def last_line(lines):
    match = LAST_LINE.match(lines[-1])
    assert match, lines[-1]
    return dict(zip(("pipelines", "completed", "failed", "lost", "duplicate_paid", "resubmissions", "seconds"),
                    (int(n) for n in match.groups())))


def section(lines, title):
    """The lines under a title, up to the next blank line."""
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    rest = lines[start + 1:]
    return rest[:next((i for i, line in enumerate(rest) if not line), len(rest))]


def by_status(run, status):
    return [p for p in run["pipelines"] if p["status"] == status]


class RecordedRunReport(unittest.TestCase):

    def setUp(self):
        self.run = recorded()
        self.lines, _ = report.render(self.run)

    def test_last_line_counts_the_recorded_pipelines_by_their_final_status(self):
        counts = last_line(self.lines)
        self.assertEqual(len(self.run["pipelines"]), counts["pipelines"])
        self.assertEqual(len(by_status(self.run, "completed")), counts["completed"])
        self.assertEqual(len(by_status(self.run, "failed")), counts["failed"])
        self.assertEqual(0, counts["lost"])
        self.assertEqual(self.run["seconds"], counts["seconds"])

    def test_every_pipeline_of_the_recorded_run_ended_and_none_is_listed_as_lost(self):
        self.assertFalse([line for line in self.lines if line.startswith("lost pipelines")])
        self.assertIn("pipelines: 30  completed 30  failed 0  lost 0", self.lines)

    def test_timeline_lists_every_kill_and_the_kill_count_per_instance(self):
        timeline = section(self.lines, "chaos timeline:")
        kills = [row for row in timeline if "kill -9" in row and "mariadb" not in row]
        self.assertEqual(sum(self.run["kills"].values()), len(kills))
        self.assertTrue(kills, "the recorded run killed workers")
        self.assertIn(f"worker kills: {len(kills)} (", timeline[-1])

    def test_paid_once_the_providers_answer_is_the_difference_of_their_stats(self):
        providers = section(self.lines, "providers (/sim/stats, this run):")
        stats = self.run["providers"]
        for provider in ("openai", "suno", "creatomate"):
            row = next(r for r in providers if r.split()[0] == provider)
            submitted = stats["stats_after"][provider]["submissions"] - stats["stats_before"][provider]["submissions"]
            self.assertIn(f"submissions {submitted:5}", row)
        self.assertEqual(0, last_line(self.lines)["duplicate_paid"])

    def test_work_split_names_both_instances_of_every_worker(self):
        split = section(self.lines, "work split")
        for worker in ("lyric-worker", "song-worker", "video-worker", "blob-worker"):
            row = next(r for r in split if r.split()[0] == worker)
            self.assertRegex(row, rf"{worker} \d+, {worker}-2 \d+")

    def test_hand_overs_and_work_per_stage_come_from_the_stages_times(self):
        timings = section(self.lines, "  where the time went")
        names = [row.split(" median")[0].strip() for row in timings]
        self.assertEqual(report.HAND_OVERS_AND_WORK, names[:6])
        spans = report.spans(self.run["pipelines"])
        for name in report.HAND_OVERS_AND_WORK:
            self.assertEqual(30, len(spans[name]), f"{name}: one span per completed pipeline")
            self.assertTrue(all(seconds >= 0 for seconds in spans[name]), name)


class WhatTheReportCatches(unittest.TestCase):

    def test_failures_are_grouped_by_error_code_with_an_example_task(self):
        run = recorded()
        refused, timed_out, timed_out_too = by_status(run, "completed")[:3]
        refused.update(status="failed", error_code="LYRICS_REFUSED", error_message="OpenAI refused to write them")
        for p in (timed_out, timed_out_too):
            p.update(status="failed", error_code="STAGE_TIMEOUT", error_message="song: no answer in 10 min")
        lines, summary = report.render(run)
        self.assertEqual((27, 3, 0), (summary["completed"], summary["failed"], summary["lost"]))
        rows = section(lines, "failures by errorCode:")
        self.assertEqual(["STAGE_TIMEOUT", "LYRICS_REFUSED"], [row.split()[0] for row in rows], "most frequent first")
        self.assertEqual(["2", "1"], [row.split()[1] for row in rows])
        self.assertIn(f"e.g. task {timed_out['task_id']}: song: no answer in 10 min", rows[0])

    def test_a_pipeline_still_running_at_the_end_is_lost_with_its_stages(self):
        run = recorded()
        stuck = by_status(run, "completed")[0]
        stuck["status"] = "running"
        stuck["stages"]["video"] = ["processing", None, "2026-12-07T17:30:00Z"]
        lines, summary = report.render(run)
        self.assertEqual(1, summary["lost"])
        lost = section(lines, "lost pipelines")
        self.assertIn(f"#{stuck['index'] + 1:<4} task {stuck['task_id']}", lost[0])
        self.assertIn("still running; stages lyric=completed song=completed video=processing", lost[0])
        self.assertIn("by kind: still running 1", lost[1])

    def test_a_pipeline_never_submitted_or_failed_without_a_reason_is_lost(self):
        run = recorded()
        unsubmitted, silent = by_status(run, "completed")[:2]
        unsubmitted.update(submitted_at=None, status=None, submit_error="POST /pipeline: HTTP 503 (gave up after 180s)")
        silent.update(status="failed", error_code=None, error_message=None)
        lines, summary = report.render(run)
        self.assertEqual(2, summary["lost"])
        lost = "\n".join(section(lines, "lost pipelines"))
        self.assertIn("not submitted; stages", lost)
        self.assertIn("POST /pipeline: HTTP 503", lost)
        self.assertIn("failed without a reason", lost)

    def test_a_second_paid_submission_is_a_duplicate_and_uncounted_ones_are_called_out(self):
        run = recorded()
        run["providers"]["stats_after"]["suno"]["duplicateSubmissions"] += 2
        run["resubmissions"] = {"suno": 1}
        lines, summary = report.render(run)
        self.assertEqual(2, summary["duplicate_paid"])
        suno = next(r for r in section(lines, "providers") if r.split()[0] == "suno")
        self.assertIn("duplicates   2", suno)
        self.assertIn("duplicate_paid 2 > resubmissions 1: paid twice without a counted resubmission",
                      "\n".join(lines))

    def test_unreadable_provider_stats_make_duplicates_unknown_not_zero(self):
        run = recorded()
        run["providers"]["stats_after"] = None
        _, summary = report.render(run)
        self.assertEqual(-1, summary["duplicate_paid"])

    def test_the_command_line_prints_the_report_and_fails_when_a_pipeline_is_lost(self):
        run = recorded()
        by_status(run, "completed")[0]["status"] = "running"
        path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"chaos-run-{os.getpid()}.json")
        with open(path, "w") as f:
            json.dump(run, f)
        try:
            for recording, code in ((RECORDED, 0), (path, 1)):
                out = io.StringIO()
                with redirect_stdout(out):
                    self.assertEqual(code, report.main([recording]))
                self.assertRegex(out.getvalue().splitlines()[-1], LAST_LINE)
        finally:
            os.remove(path)

    def test_a_hand_over_runs_from_the_previous_stage_completing_to_the_next_one_being_created(self):
        times = {"pipeline": ["2026-12-07T10:00:00Z", None],
                 "lyric": ["2026-12-07T10:00:01Z", "2026-12-07T10:00:03Z"],
                 "song": ["2026-12-07T10:00:07Z", "2026-12-07T10:00:37Z"],
                 "video": ["2026-12-07T10:00:38.500Z", None]}
        spans = report.spans([{"times": times}])
        self.assertEqual({"pipeline -> lyric hand-over": [1.0], "lyric work": [2.0], "lyric -> song hand-over": [4.0],
                          "song work": [30.0], "song -> video hand-over": [1.5]}, dict(spans))

    def test_percentiles_are_values_of_the_list_by_nearest_rank(self):
        values = [3.0, 1.0, 2.0, 10.0, 4.0]
        self.assertEqual(3.0, report.percentile(values, 0.5))
        self.assertEqual(10.0, report.percentile(values, 0.95))
        self.assertEqual(0.0, report.percentile([], 0.5))
        self.assertEqual([3.0, 1.0, 2.0, 10.0, 4.0], values, "the values are not sorted in place")

if __name__ == "__main__":
    unittest.main()
