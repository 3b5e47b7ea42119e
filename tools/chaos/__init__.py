"""castad chaos: never lose a job, never pay twice -- checked under random failures.

Run through `./castad chaos [options]` against a running stack (best: `./castad up --instances 2`);
the launcher passes the stack's addresses and worker instances (--api, --sim, --targets, --castad,
--state). Standard library only: `python3 -m chaos` with tools/ on the path (./castad sets PYTHONPATH);
the parts:
  traffic.py   the pipelines submitted and polled as a client would
  faults.py    what breaks and when: worker kills, a broker restart, a database outage, provider faults
  restarts.py  ./castad kill|restart|status, restarts one at a time, the stack made whole afterwards
  metrics.py   the workers' resubmission and records-handled counters, the simulators' /sim/stats
  state.py     the run's shared state, and its recording (.castad/logs/chaos-run.json)
  report.py    the report, from the recording alone (python3 -m chaos.report RECORDING.json)

What it does:
  1. turns on the simulators' provider faults (PUT /sim/{openai,suno,creatomate}/chaos; a 404 means the
     simulators have no such endpoint yet: a warning, and the run goes on without provider faults);
  2. submits N pipelines (a project, 1-3 generated PNG photos, POST .../pipeline with an
     Idempotency-Key), spread evenly over --spread seconds, retrying on connection errors and 5xx;
  3. meanwhile: every 10-20 s kill -9 of a random worker instance or the gateway (./castad kill), restarted 3-8 s later
     (./castad restart); once a Kafka broker restart (./castad restart kafka); once the database down
     for 30 s (./castad kill mariadb, then ./castad restart mariadb);
  4. waits until every pipeline is completed or failed, or the time limit (--minutes) passes, polling
     GET /api/v1/projects/{taskId};
  5. prints a report: timeline of the chaos, pipelines per final status, failures by errorCode, the
     lost ones with their stages, per-provider submissions / duplicates (/sim/stats), provider
     resubmissions (castad_provider_resubmissions_total of every worker instance), and last one line:
     CHAOS pipelines=N completed=C failed=F lost=L duplicate_paid=D resubmissions=R seconds=S
Exit code: 0 when no pipeline was lost, 1 otherwise, 2 for a usage error, 130 when interrupted.
"""
