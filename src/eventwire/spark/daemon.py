"""A PySpark worker daemon that loads the eventwire pipeline before it forks its Python workers.

Spark starts one daemon per executor (`python -m pyspark.daemon`), which forks a Python worker per
concurrent task. With this module as the daemon (`spark.python.daemon.module=eventwire.spark.daemon`),
the pipeline's resources are loaded once per executor and every worker inherits them copy-on-write, as
`eventwire extract -p N` does: one load instead of one per worker, and the model's memory shared.
Without it each worker loads the pipeline itself, once (worker.worker_pipeline)."""

from __future__ import annotations

import sys
import traceback


def preload() -> None:
    """Build this process's pipeline and load its resources; on failure say why and go on (the workers
    then load it themselves and report the error through the job)."""
    try:
        from . import worker

        pipeline = worker.worker_pipeline()
        _ = pipeline.resources.nlp, pipeline.resources.gazetteer, pipeline.resources.actors
    except Exception:  # the daemon must start whatever happens here
        print("eventwire.spark.daemon: could not preload the pipeline; workers will load it:", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)


if __name__ == "__main__":
    from pyspark.daemon import manager

    preload()
    manager()
