"""PM4Py reading an event log into its dataframe, for the import benchmark: pm4py.read_xes for .xes and
.xes.gz, pandas.read_csv + pm4py.format_dataframe for .csv (as bench/insights/pm4py_reference.py
reads Casemap's CSV). Prints one JSON line: seconds (the read alone, by its own clock), events, and
the process's peak RSS in MB.

usage: python3 pm4py_read.py LOG.xes|LOG.xes.gz|LOG.csv
"""
import json
import resource
import sys
import time

import pandas as pd
import pm4py


def main(path):
    started = time.perf_counter()
    if path.endswith(".csv"):
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True, format="ISO8601")
        df = pm4py.format_dataframe(df, case_id="case_id", activity_key="activity", timestamp_key="timestamp")
    else:
        df = pm4py.read_xes(path)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pm4py": pm4py.__version__, "seconds": seconds, "events": int(len(df)), "peakRssMb": round(peak)}))


if __name__ == "__main__":
    main(sys.argv[1])
