"""PM4Py's tables of an OCEL 2.0 log's objects, for the agreement test (tests/insights/pm4py-agreement.test.ts):
read with pm4py.read_ocel2_json or read_ocel2_xml, then from ocel.o2o the object-to-object relations per
qualifier, from ocel.objects and ocel.object_changes each object's attribute values after its last change
and the number of changes, and from ocel.relations the event-to-object relations per (activity, object
type). Prints one JSON line.

usage: python3 pm4py_ocel_objects.py LOG.jsonocel|LOG.xmlocel
"""
import json
import sys

import pandas as pd
import pm4py


def main(path):
    ocel = pm4py.read_ocel2_json(path) if path.endswith(".jsonocel") else pm4py.read_ocel2_xml(path)
    oid, otype, qualifier = ocel.object_id_column, ocel.object_type_column, ocel.qualifier
    o2o = {str(k): int(v) for k, v in ocel.o2o.groupby(qualifier).size().items()}
    e2o = sorted([str(a), str(t), int(n)] for (a, t), n in ocel.relations.groupby([ocel.event_activity, otype]).size().items())
    changes = ocel.object_changes
    attributes = [c for c in ocel.objects.columns if c not in (oid, otype)]
    last = {}
    for _, row in ocel.objects.iterrows():
        values = {name: str(row[name]) for name in attributes if not pd.isna(row[name])}
        last[str(row[oid])] = values
    if len(changes) > 0:
        # Each change names its attribute in ocel:field and holds the value in that attribute's column; a stable sort keeps file order on ties.
        for _, change in changes.sort_values(ocel.event_timestamp, kind="stable").iterrows():
            field = change[ocel.changed_field]
            last[str(change[oid])][str(field)] = str(change[field])
    print(json.dumps({"pm4py": pm4py.__version__, "objects": len(ocel.objects), "o2o": o2o, "e2o": e2o, "changes": int(len(changes)), "last": last}))


if __name__ == "__main__":
    main(sys.argv[1])
