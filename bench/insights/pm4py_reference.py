"""PM4Py as an independent reference for Casemap's insights: reads a log Casemap exported (XES or
CSV) and prints, as JSON, PM4Py's directly-follows counts, performance DFG (mean/median seconds)
and variants over the `complete` events, with how long PM4Py took for each step.

With --activities it adds the number of complete events per activity; with --bpmn MODEL.bpmn (which
may be repeated) it replays the log on each model (PM4Py converts the BPMN to a Petri net) with
token-based replay and adds the log fitness and the share of fitting traces. With --ocel-flatten
LOG.jsonocel it reads an OCEL 2.0 JSON log and flattens it by each of its object types
(pm4py.ocel_flattening), printing every case's activities in order.

With --api-questions FROM TO TEAM it times, on the loaded dataframe, the questions Casemap's
analytical store answers through its API (bench/insights-api-bench.ts): the DFG and performance
DFG; the same for cases started in [FROM, TO) (filtering then discovering); the same on TEAM's
events only (pm4py.filter_event_attribute_values, level "event"); variants and rework per activity;
working (service) time per activity from start/complete pairs (to_interval, then get_service_time).

With --version-questions V1.csv V2.csv FROM TO TEAM (instead of a log) it reads a process's own log
of two versions and times one version's DFG and performance DFG, and the same for cases started in
[FROM, TO) on TEAM's events (bench/insights/case-log-store-bench.ts).

usage: python3 pm4py_reference.py LOG.xes|LOG.csv [--ocel LOG.ocel.json] [--ocel-flatten LOG.jsonocel] [--only-performance-dfg] [--activities] [--bpmn MODEL.bpmn]... [--api-questions FROM TO TEAM]
       python3 pm4py_reference.py --version-questions V1.csv V2.csv FROM TO TEAM
"""
import json
import sys
import time

import pandas as pd
import pm4py
from pm4py.objects.log.util import interval_lifecycle


def read_log(path):
    if path.endswith(".csv"):
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True, format="ISO8601")
        df = df.rename(columns={"case_id": "case:concept:name", "activity": "concept:name", "timestamp": "time:timestamp", "lifecycle": "lifecycle:transition", "resource": "org:resource", "team": "org:group"})
        return pm4py.format_dataframe(df, case_id="case:concept:name", activity_key="concept:name", timestamp_key="time:timestamp")
    return pm4py.read_xes(path)


def timer(timings):
    """A function that runs `work`, records its seconds under `name` in `timings`, and returns its result."""
    def timed(name, work):
        started = time.perf_counter()
        result = work()
        timings[name] = time.perf_counter() - started
        return result
    return timed


def both(frame):
    return pm4py.discover_dfg(frame), pm4py.discover_performance_dfg(frame)


def api_questions(full, start, end, team):
    """Times each question on the complete events; returns the timings and the DFG counts to check agreement."""
    timings = {}
    df = full[full["lifecycle:transition"] == "complete"].copy()
    # A case starts at its first event of any lifecycle; added once as a column, as at load time, so it is not timed.
    df["case_start"] = df["case:concept:name"].map(full.groupby("case:concept:name")["time:timestamp"].min())
    low, high = pd.Timestamp(start), pd.Timestamp(end)

    timed = timer(timings)

    timed("performance_dfg", lambda: pm4py.discover_performance_dfg(df))
    whole = timed("dfg_and_performance", lambda: both(df))
    days = timed("days_dfg_and_performance", lambda: both(df[(df["case_start"] >= low) & (df["case_start"] < high)]))
    by_team = timed("team_dfg_and_performance", lambda: both(pm4py.filter_event_attribute_values(df, "org:group", [team], level="event", retain=True)))
    timed("variants_and_rework", lambda: (pm4py.get_variants(df), pm4py.get_rework_cases_per_activity(df)))
    # Working time per activity: PM4Py pairs start/complete only on an EventLog (to_interval), then its service time; it has no
    # waiting time from schedule to start, and its handover-of-work network is per resource on consecutive events, not team handoffs.
    pairs = full[full["lifecycle:transition"].isin(["start", "complete"])]

    def service_time():
        interval = pm4py.convert_to_dataframe(interval_lifecycle.to_interval(pm4py.convert_to_event_log(pairs)))
        return pm4py.get_service_time(interval, start_timestamp_key="start_timestamp")

    timed("interval_service_time", service_time)
    counts = lambda result: [[a, b, int(n)] for (a, b), n in sorted(result[0][0].items())]
    return {"timings": timings, "dfg": counts(whole), "days": counts(days), "team": counts(by_team)}


def version_questions(paths, start, end, team):
    """A process's own log of two versions (one CSV each, as Casemap exports a version): PM4Py on the
    loaded dataframe filters one version (a case attribute), then discovers; and one version, cases
    started in [start, end), TEAM's events, then discovers. Returns the timings and the DFG counts."""
    frames = []
    for version, path in enumerate(paths, start=1):
        frame = read_log(path)
        frame["case:version"] = str(version)
        frames.append(frame)
    full = pd.concat(frames, ignore_index=True)
    df = full[full["lifecycle:transition"] == "complete"].copy()
    df["case_start"] = df["case:concept:name"].map(full.groupby("case:concept:name")["time:timestamp"].min())
    low, high = pd.Timestamp(start), pd.Timestamp(end)
    timings = {}

    timed = timer(timings)

    last = str(len(paths))
    one = timed("version_dfg_and_performance", lambda: both(pm4py.filter_event_attribute_values(df, "case:version", [last], level="case", retain=True)))

    def narrowed():
        frame = pm4py.filter_event_attribute_values(df, "case:version", [last], level="case", retain=True)
        frame = frame[(frame["case_start"] >= low) & (frame["case_start"] < high)]
        return both(pm4py.filter_event_attribute_values(frame, "org:group", [team], level="event", retain=True))

    filtered = timed("version_days_team_dfg_and_performance", narrowed)
    counts = lambda result: sorted(int(n) for n in result[0][0].values())
    return {"timings": timings, "version": counts(one), "versionDaysTeam": counts(filtered)}


def main(argv):
    if "--version-questions" in argv:
        at = argv.index("--version-questions")
        out = {"pm4py": pm4py.__version__, "versions": version_questions(argv[at + 1:at + 3], argv[at + 3], argv[at + 4], argv[at + 5])}
        json.dump(out, sys.stdout)
        return
    path = argv[1]
    only_perf = "--only-performance-dfg" in argv
    out = {"pm4py": pm4py.__version__, "timings": {}}

    started = time.perf_counter()
    df = read_log(path)
    out["timings"]["read"] = time.perf_counter() - started
    if "--api-questions" in argv:
        at = argv.index("--api-questions")
        out["api"] = api_questions(df, argv[at + 1], argv[at + 2], argv[at + 3])
        json.dump(out, sys.stdout)
        return
    df = df[df["lifecycle:transition"] == "complete"]
    out["traces"] = int(df["case:concept:name"].nunique())
    out["events"] = int(len(df))

    started = time.perf_counter()
    perf, _, _ = pm4py.discover_performance_dfg(df)
    out["timings"]["performance_dfg"] = time.perf_counter() - started
    out["performance"] = [[a, b, v["mean"], v["median"]] for (a, b), v in sorted(perf.items())]
    if not only_perf:
        dfg, starts, ends = pm4py.discover_dfg(df)
        out["dfg"] = [[a, b, int(n)] for (a, b), n in sorted(dfg.items())]
        out["starts"] = {a: int(n) for a, n in starts.items()}
        out["ends"] = {a: int(n) for a, n in ends.items()}
        variants = pm4py.get_variants(df)
        out["variants"] = sorted([[list(v), int(n if isinstance(n, int) else len(n))] for v, n in variants.items()], key=lambda x: (-x[1], x[0]))

    if "--activities" in argv:
        out["activities"] = {a: int(n) for a, n in df["concept:name"].value_counts().items()}

    models = [argv[i + 1] for i, arg in enumerate(argv) if arg == "--bpmn"]
    if models:
        out["fitnesses"] = []
        for model in models:
            bpmn = pm4py.read_bpmn(model)
            net, im, fm = pm4py.convert_to_petri_net(bpmn)
            started = time.perf_counter()
            fitness = pm4py.fitness_token_based_replay(df, net, im, fm)
            out["timings"]["token_based_replay"] = time.perf_counter() - started
            out["fitnesses"].append({"log_fitness": float(fitness["log_fitness"]), "perc_fit_traces": float(fitness["perc_fit_traces"])})
        out["fitness"] = out["fitnesses"][0]

    if "--ocel-flatten" in argv:
        ocel = pm4py.read_ocel2_json(argv[argv.index("--ocel-flatten") + 1])
        out["flattened"] = {}
        for object_type in sorted(ocel.objects["ocel:type"].unique().tolist()):
            flat = pm4py.ocel_flattening(ocel, object_type)
            cases = {}
            for case, activity in zip(flat["case:concept:name"], flat["concept:name"]):
                cases.setdefault(str(case), []).append(str(activity))
            out["flattened"][object_type] = cases

    if "--ocel" in argv:
        ocel = pm4py.read_ocel2_json(argv[argv.index("--ocel") + 1])
        out["ocel"] = {"events": int(len(ocel.events)), "objects": int(len(ocel.objects)), "objectTypes": sorted(ocel.objects["ocel:type"].unique().tolist())}

    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
