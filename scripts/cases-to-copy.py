#!/usr/bin/env python3
# Turns JSON Lines of scripts/generate-cases.sh into rows for PostgreSQL COPY into a migrated,
# empty store schema, as `case import` would write them (cases at version 1, their creation in the
# case row: created_by, and initial_facts NULL while at version 1, ADR 0026), plus for every tenth
# case a second version a day later that changes refusesMilitaryService (the case row keeping its
# initial facts, one fact_changes row), so that --facts-as-of has history to replay. For measuring only: no
# audit events are written. See docs/performance.md ("1,000,000 stored cases in PostgreSQL").
#
#   scripts/cases-to-copy.py 1m.jsonl OUTDIR   # writes OUTDIR/cases.tsv and OUTDIR/changes.tsv
#   psql -c "\copy SCHEMA.cases FROM OUTDIR/cases.tsv"; psql -c "\copy SCHEMA.fact_changes FROM OUTDIR/changes.tsv"
import sys, json, datetime
src, out = sys.argv[1], sys.argv[2]
base = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
def ts(t): return t.strftime('%Y-%m-%d %H:%M:%S.%f+00')
with open(src) as f, open(out + '/cases.tsv', 'w') as c, open(out + '/changes.tsv', 'w') as h:
    for i, line in enumerate(f):
        d = json.loads(line)
        facts = d['facts']
        created = base + datetime.timedelta(milliseconds=i * 20)
        initial = '\\N'
        version, updated = 1, created
        if i % 10 == 0:
            initial = json.dumps(facts, separators=(',', ':'))
            old = facts.get('refusesMilitaryService')
            new = not old if old is not None else True
            facts['refusesMilitaryService'] = new
            updated = created + datetime.timedelta(days=1)
            version = 2
            oldj = '\\N' if old is None else json.dumps(old)
            h.write(f"{d['id']}\t2\t0\trefusesMilitaryService\t{oldj}\t{json.dumps(new)}\tloader\t{ts(updated)}\tinterview\n")
        ref = d.get('reference')
        c.write(f"{d['id']}\t{ref if ref else chr(92)+'N'}\t{json.dumps(facts, separators=(',', ':'))}\t{version}\t{ts(created)}\t{ts(updated)}\tloader\t{initial}\n")
