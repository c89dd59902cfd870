"""The weekly refresh of everything computed across documents.

The sensors refresh links and metrics after new documents arrive; the schedule is the safety
net that recomputes them once a week anyway (after a threshold or code change, after a run
that failed, or when the sensors were switched off). Links are only recomputed for countries
whose inputs changed, so a quiet week's refresh costs seconds.
"""

import dagster as dg

from pipelines.sensors import default_status

WEEKLY_CRON = "0 3 * * 1"  # Mondays 03:00 UTC, outside office hours in most UN time zones


def build_schedules(refresh_job) -> list[dg.ScheduleDefinition]:
    """The schedules, bound to the refresh job defined in pipelines/definitions.py."""
    weekly_refresh = dg.ScheduleDefinition(
        name="weekly_refresh",
        job=refresh_job,
        cron_schedule=WEEKLY_CRON,
        execution_timezone="UTC",
        default_status=dg.DefaultScheduleStatus(default_status().value),
        tags={"vlrlink/reason": "weekly refresh"},
        description="Recompute links (changed countries only), metrics and the other "
        "cross-document assets every Monday at 03:00 UTC.",
    )
    return [weekly_refresh]
