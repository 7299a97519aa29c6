#!/usr/bin/env bash
# NeuroMF against Brian2 on the same network, machine and thread counts: HH_RS--HH_FS--CONFIG1,
# 10 000 neurons, p = 0.05, dt = 0.1 ms, 1 s simulated. Runs alternate (Brian2, NeuroMF, Brian2, ...)
# so that drift in machine speed hits both alike; reports medians and their ratios.
#
#   benchmarks/compare-brian2.sh            # REPEATS=3 THREADS="1 2" by default
#
# Brian2: C++ standalone, compilation excluded; its own timer of the simulation loop (run_s) and the
# binary's wall time (which also creates the synapses). NeuroMF: wall time of whole runs, building
# the connectivity included; "cold" is the first run in a fresh JVM (JIT compilation included),
# "warm" the median of three more in that JVM, with synaptic events delivered whole at the end of
# their step as Brian2 does (--synaptic-timing step). Needs Debian's python3-brian (see brian2/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS=${REPEATS:-3}
THREADS=${THREADS:-"1 2"}
OUT=${OUT:-/tmp/neuromf-vs-brian2}
PY=/usr/bin/python3

if ! "$PY" -c 'import brian2' 2>/dev/null; then
    echo "Brian2 is missing: apt-get install -y python3-brian python3-dev" >&2
    exit 1
fi
[ -f benchmarks/target/benchmarks.jar ] || sh ./mvnw -q -B -DskipTests package -pl benchmarks -am
rm -rf "$OUT" && mkdir -p "$OUT"

for rep in $(seq "$REPEATS"); do
    for t in $THREADS; do
        echo "== round $rep, $t thread(s)" >&2
        "$PY" benchmarks/brian2/config1.py --tstop 1000 --seed 1 --threads "$t" > "$OUT/brian2_t${t}_r$rep.txt" 2>&1
        java -jar benchmarks/target/benchmarks.jar --only full --synaptic-timing step --threads "$t" --repeats 3 --seed 1 \
            > "$OUT/neuromf_t${t}_r$rep.txt" 2>&1
    done
done

"$PY" - "$OUT" $THREADS <<'PY'
import glob, re, statistics, sys
out, threads = sys.argv[1], sys.argv[2:]
def brian(t, key):
    vals = []
    for f in glob.glob(f'{out}/brian2_t{t}_r*.txt'):
        m = re.search(rf'^\s*{key}: ([0-9.eE+-]+)', open(f).read(), re.M)
        vals.append(float(m.group(1)))
    return vals
def neuromf(t, cold):
    vals = []
    for f in glob.glob(f'{out}/neuromf_t{t}_r*.txt'):
        for line in open(f):
            if line.startswith('RESULT') and ('label="cold' in line) == cold and f'threads={t} ' in line:
                vals.append(float(re.search(r'seconds=([0-9.]+)', line).group(1)))
    return vals
med = statistics.median
print(f'HH_RS--HH_FS--CONFIG1, 10 000 neurons, 1 s at dt 0.1 ms; medians over rounds (min-max), seconds')
print('| threads | Brian2 loop (run_s) | Brian2 binary wall | NeuroMF cold | NeuroMF warm | ratio loop/cold | ratio loop/warm |')
print('|---|---|---|---|---|---|---|')
for t in threads:
    b, bw, c, w = brian(t, 'run_s'), brian(t, 'binary_wall_s'), neuromf(t, True), neuromf(t, False)
    fmt = lambda v: f'{med(v):.2f} ({min(v):.2f}-{max(v):.2f})'
    print(f'| {t} | {fmt(b)} | {fmt(bw)} | {fmt(c)} | {fmt(w)} | {med(b)/med(c):.1f}x | {med(b)/med(w):.1f}x |')
other = [float(x) for f in glob.glob(f'{out}/brian2_*.txt')
         for x in re.findall(r'other_cpu_s: ([0-9.]+)', open(f).read())]
if other:
    print(f'CPU used by other processes during the Brian2 runs: up to {max(other):.2f} s (near 0 means undisturbed)')
PY
