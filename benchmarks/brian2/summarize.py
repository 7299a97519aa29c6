#!/usr/bin/python3
"""Aggregate the summary.csv files written by bench.sh into markdown tables."""
import csv
import glob
import os
import sys

import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else '/tmp/brian2_bench'
runs = {}
for f in sorted(glob.glob(os.path.join(out, '*', 'summary.csv'))):
    with open(f) as fh:
        runs[os.path.basename(os.path.dirname(f))] = next(csv.DictReader(fh))


def col(prefix, key):
    return np.array([float(r[key]) for tag, r in runs.items() if tag.startswith(prefix)])


print('| config | runs | loop time s: median [min-max] | neuron-steps/s (median) | binary wall s (median) '
      '| compile s (median) | other processes\' CPU-s during runs (max) |')
print('|---|---|---|---|---|---|---|')
ref = None
for prefix, label in [('timing_t1_', '1 thread (no OpenMP)'), ('timing_omp1_', '1 thread (OpenMP)'),
                      ('timing_t2_', '2 threads (OpenMP)'), ('timing_runtime', 'runtime (Cython)')]:
    t = col(prefix, 'run_s')
    if not len(t):
        continue
    ref = np.median(t) if ref is None else ref
    print(f'| {label} | {len(t)} | {np.median(t):.2f} [{t.min():.2f}-{t.max():.2f}] '
          f'| {np.median(col(prefix, "neuron_steps_per_s")):.3g} '
          f'| {np.median(col(prefix, "binary_wall_s")):.2f} | {np.median(col(prefix, "compile_s")):.1f} '
          f'| {col(prefix, "other_cpu_s").max():.2f} |')
print(f'\nspeed-up vs 1 thread (median loop time ratios): ' + ', '.join(
    f'{p}: {ref / np.median(col(p, "run_s")):.2f}x' for p in ('timing_omp1_', 'timing_t2_', 'timing_runtime')
    if len(col(p, 'run_s'))))

keys = ['mean_rate_exc_hz', 'mean_rate_inh_hz', 'sd5_exc', 'sd5_ratio_exc', 'sd5_inh',
        'sd5_ratio_inh', 'psd_peak_hz_exc', 'psd_peak_over_median_exc',
        'psd_peak_hz_inh', 'psd_peak_over_median_inh']
for drive in ('poisson', 'bernoulli'):
    prefix = f'phys_{drive}_'
    tags = [t for t in runs if t.startswith(prefix)]
    if not tags:
        continue
    print(f'\n### drive = {drive}\n')
    print('| seed | ' + ' | '.join(keys) + ' |')
    print('|---' * (len(keys) + 1) + '|')
    for t in tags:
        print(f'| {runs[t]["seed"]} | ' + ' | '.join(f'{float(runs[t][k]):.3g}' for k in keys) + ' |')
    print('| mean ± SD | ' + ' | '.join(
        f'{col(prefix, k).mean():.3g} ± {col(prefix, k).std(ddof=1):.2g}' for k in keys) + ' |')
