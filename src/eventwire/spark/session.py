"""A SparkSession for eventwire: the one spark-submit configured, or a local one."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from pyspark import SparkConf
from pyspark.sql import SparkSession

DEFAULT_MASTER = "local[*]"
DAEMON_MODULE = "eventwire.spark.daemon"  # loads the pipeline once per executor (see daemon.py)


def get_session(master: str | None = None, app_name: str = "eventwire",
                conf: Mapping[str, str] | None = None) -> SparkSession:
    """The active SparkSession, or a new one: `master` wins, else the master spark-submit set, else
    local[*]. Unless configured otherwise, the Python worker daemon is eventwire.spark.daemon (one
    pipeline load per executor), and a local session runs its workers with this interpreter."""
    given = SparkConf()
    chosen = master or given.get("spark.master", None) or DEFAULT_MASTER
    builder = SparkSession.builder.appName(app_name).master(chosen)
    if given.get("spark.python.daemon.module", None) is None:
        builder = builder.config("spark.python.daemon.module", DAEMON_MODULE)
    if chosen.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()
