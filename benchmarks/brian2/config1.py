#!/usr/bin/python3
"""Brian2 reference for the "HH_RS--HH_FS--CONFIG1" network (Carlu et al. 2020).

8000 excitatory HH_RS (with M current) + 2000 inhibitory HH_FS Traub-Miles
neurons, exponential conductance synapses, p=0.05 random connectivity, and an
independent external excitatory drive (400 synapses x 4 Hz per neuron).

Run with Debian's python (python3-brian 2.5.1):
    /usr/bin/python3 config1.py --tstop 1000 --threads 2 --out /tmp/run1
See README.md for details.
"""
import argparse
import os
import shutil
import sys
import time

import warnings

import numpy as np

warnings.filterwarnings('ignore', category=FutureWarning)  # noisy numpy/pythran import

ap = argparse.ArgumentParser(description=__doc__,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--tstop', type=float, default=1000., help='simulated time (ms)')
ap.add_argument('--dt', type=float, default=0.1, help='time step (ms)')
ap.add_argument('--seed', type=int, default=1)
ap.add_argument('--device', choices=['cpp_standalone', 'runtime'], default='cpp_standalone')
ap.add_argument('--threads', type=int, default=1,
                help='OpenMP threads for cpp_standalone (1 = compiled without OpenMP)')
ap.add_argument('--force-openmp', action='store_true',
                help='compile with OpenMP even for --threads 1 (to measure OpenMP overhead)')
ap.add_argument('--drive', choices=['poisson', 'bernoulli'], default='poisson',
                help='poisson: PoissonInput (binomial count of 400 inputs per step); '
                     'bernoulli: authors\' scheme, at most one 1 nS event per neuron per step')
ap.add_argument('--kick', action='store_true',
                help='ramp the drive rate during the first --kick-duration ms (authors\' kick)')
ap.add_argument('--kick-value', type=float, default=0., help='kick amplitude (Hz)')
ap.add_argument('--kick-duration', type=float, default=20., help='kick duration (ms)')
ap.add_argument('--ne', type=int, default=8000, help='number of excitatory neurons')
ap.add_argument('--ni', type=int, default=2000, help='number of inhibitory neurons')
ap.add_argument('--spikes', action='store_true', help='also record SpikeMonitors')
ap.add_argument('--transient', type=float, default=500., help='transient excluded from means (ms)')
ap.add_argument('--out', default=None, help='directory for rates.csv and summary.csv')
ap.add_argument('--build-dir', default=None, help='cpp_standalone project dir (default: temp dir, deleted)')
args = ap.parse_args()

import brian2 as b2
from brian2 import ms, mV, nS, pF, Hz

standalone = args.device == 'cpp_standalone'
if standalone:
    build_dir = args.build_dir or f'/tmp/brian2_config1_{os.getpid()}'
    b2.set_device('cpp_standalone', directory=build_dir, build_on_run=False)
    use_omp = args.threads > 1 or args.force_openmp
    b2.prefs.devices.cpp_standalone.openmp_threads = args.threads if use_omp else 0
else:
    b2.prefs.codegen.target = 'cython'
b2.defaultclock.dt = args.dt * ms
b2.seed(args.seed)

# ---------------------------------------------------------------- neurons
# Traub-Miles HH with M current; V in volt (mV constants), rates in 1/ms.
eqs = '''
dV/dt = (gL*(EL - V) - gNa*m**3*h*(V - ENa) - gK*n**4*(V - EK) - gM*p*(V - EK)
         + Ge*(Ee - V) + Gi*(Ei - V)) / Cm : volt
dm/dt = am*(1 - m) - bm*m : 1
dn/dt = an*(1 - n) - bn*n : 1
dh/dt = ah*(1 - h) - bh*h : 1
dp/dt = (p_inf - p) / tau_p : 1
am = 0.32/mV*(13*mV - V + VT) / (exp((13*mV - V + VT)/(4*mV)) - 1) / ms : Hz
bm = 0.28/mV*(V - VT - 40*mV) / (exp((V - VT - 40*mV)/(5*mV)) - 1) / ms : Hz
an = 0.032/mV*(15*mV - V + VT) / (exp((15*mV - V + VT)/(5*mV)) - 1) / ms : Hz
bn = 0.5*exp((10*mV - V + VT)/(40*mV)) / ms : Hz
ah = 0.128*exp((17*mV - V + VT)/(18*mV)) / ms : Hz
bh = 4 / (1 + exp((40*mV - V + VT)/(5*mV))) / ms : Hz
p_inf = 1 / (1 + exp(-(V + 35*mV)/(10*mV))) : 1
tau_p = 400*ms / (3.3*exp((V + 35*mV)/(20*mV)) + exp(-(V + 35*mV)/(20*mV))) : second
dGe/dt = -Ge / tau_syn : siemens
dGi/dt = -Gi / tau_syn : siemens
'''
common = dict(gL=10*nS, Cm=200*pF, gNa=20000*nS, gK=6000*nS, EL=-65*mV, ENa=50*mV,
              EK=-90*mV, VT=-53.5*mV, Ee=0*mV, Ei=-80*mV, tau_syn=5*ms)


def population(n, gM, name):
    g = b2.NeuronGroup(n, eqs, threshold='V > -40*mV', refractory='V > -40*mV',
                       method='exponential_euler', namespace=dict(common, gM=gM), name=name)
    g.V = '-90*mV + 30*mV*rand()'
    g.p = 0.2  # m = n = h = 0, Ge = Gi = 0 (defaults)
    return g


exc = population(args.ne, 30*nS, 'exc')  # HH_RS
inh = population(args.ni, 0*nS, 'inh')   # HH_FS

# ---------------------------------------------------------------- recurrent synapses
synapses = []
for pre, target_var, Q in [(exc, 'Ge', '1*nS'), (inh, 'Gi', '5*nS')]:
    for post in (exc, inh):
        s = b2.Synapses(pre, post, on_pre=f'{target_var}_post += {Q}',
                        name=f'{pre.name}_to_{post.name}')
        s.connect(condition='i != j', p=0.05)
        synapses.append(s)

# ---------------------------------------------------------------- external drive
K_EXT, NU_EXT = 400, 4*Hz
drives = []
if args.kick:
    # rate(t) = ext + kick*t/T + (t/T - 1)*ext for t < T, ext afterwards
    # (a TimedArray keeps its last value after the end of the array)
    T = args.kick_duration
    tt = np.arange(int(round(T / args.dt)) + 1) * args.dt
    ext = float(NU_EXT / Hz)
    values = np.where(tt < T, ext + args.kick_value*tt/T + (tt/T - 1)*ext, ext)
    drive_rate = b2.TimedArray(values * Hz, dt=args.dt*ms)
for g in (exc, inh):
    if args.drive == 'poisson' and not args.kick:
        drives.append(b2.PoissonInput(g, 'Ge', N=K_EXT, rate=NU_EXT, weight='1*nS'))
    else:
        rate = 'drive_rate(t)' if args.kick else 'nu_ext'
        if args.drive == 'poisson':   # time-varying rate: Poisson count per step
            code = f'Ge += 1*nS * poisson(K_ext * {rate} * dt)'
        else:                         # authors' scheme: one event with prob. K*nu*dt
            code = f'Ge += 1*nS * int(rand() < K_ext * {rate} * dt)'
        ns = dict(K_ext=K_EXT, nu_ext=NU_EXT)
        if args.kick:
            ns['drive_rate'] = drive_rate
        g.namespace.update(ns)  # names used by the run_regularly code
        drives.append(g.run_regularly(code, when='synapses'))

# ---------------------------------------------------------------- monitors + run
rate_e = b2.PopulationRateMonitor(exc)
rate_i = b2.PopulationRateMonitor(inh)
monitors = [rate_e, rate_i]
if args.spikes:
    spikes_e, spikes_i = b2.SpikeMonitor(exc), b2.SpikeMonitor(inh)
    monitors += [spikes_e, spikes_i]

net = b2.Network(exc, inh, synapses, drives, monitors)
N = args.ne + args.ni
nsteps = int(round(args.tstop / args.dt))


def busy_cpu_s():
    """CPU seconds used by *all* processes so far (Linux /proc/stat)."""
    with open('/proc/stat') as fh:
        user, nice, system = (int(x) for x in fh.readline().split()[1:4])
    return (user + nice + system) / os.sysconf('SC_CLK_TCK')


def own_cpu_s():
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


timing = {}
if standalone:
    net.run(args.tstop * ms)
    b2.device.build(directory=build_dir, compile=True, run=False)   # generate + compile only
    timing['compile_s'] = b2.device.timers['compile']['make']
    busy0, own0, t0 = busy_cpu_s(), own_cpu_s(), time.time()
    b2.device.run(directory=build_dir, with_output=False, run_args=[])
    timing['binary_wall_s'] = time.time() - t0      # incl. synapse creation + writing results
    timing['run_s'] = b2.device._last_run_time     # main simulation loop only
    # without OpenMP Brian2 times the loop with std::clock() (CPU time), with OpenMP omp_get_wtime()
    timing['run_clock'] = 'omp_get_wtime' if use_omp else 'std::clock'
else:
    t0 = time.time()
    net.run(0 * ms)             # code generation / Cython compilation
    timing['compile_s'] = time.time() - t0
    busy0, own0, t0 = busy_cpu_s(), own_cpu_s(), time.time()
    net.run(args.tstop * ms)
    timing['run_s'] = time.time() - t0
    timing['binary_wall_s'] = float('nan')
    timing['run_clock'] = 'wall'
# CPU seconds that *other* processes used while we ran: > ~0.5 s means the timing is contaminated
timing['other_cpu_s'] = round(busy_cpu_s() - busy0 - (own_cpu_s() - own0), 2)
timing['neuron_steps_per_s'] = N * nsteps / timing['run_s']

# ---------------------------------------------------------------- analysis + output
t_ms = np.asarray(rate_e.t / ms)
re, ri = np.asarray(rate_e.rate / Hz), np.asarray(rate_i.rate / Hz)
transient = args.transient if args.tstop > args.transient else 0.  # short runs: whole run
keep = t_ms >= transient


def binned(r, width_ms):
    k = int(round(width_ms / args.dt))
    r = r[keep]
    return r[:len(r) // k * k].reshape(-1, k).mean(axis=1)


def oscillation_stats(r, n):
    """SD of the 5-ms binned rate (and its ratio to the SD expected for
    independent Poisson neurons at the same mean rate) + peak of the Welch PSD
    (1-ms bins, 500-ms Hann segments, 50 % overlap) between 2 and 200 Hz."""
    b5 = binned(r, 5.)
    sd_poisson = np.sqrt(max(b5.mean(), 1e-12) / (n * 5e-3))
    b1 = binned(r, 1.)
    seg = min(500, len(b1))
    psd = np.mean([np.abs(np.fft.rfft((x - x.mean()) * np.hanning(seg)))**2
                   for x in (b1[i:i + seg] for i in range(0, len(b1) - seg + 1, seg // 2))], axis=0)
    f = np.fft.rfftfreq(seg, d=1e-3)
    band = (f >= 2) & (f <= 200)
    k = np.argmax(psd[band])
    return dict(sd5=b5.std(), sd5_ratio=b5.std() / sd_poisson, psd_peak_hz=f[band][k],
                psd_peak_over_median=psd[band][k] / max(np.median(psd[band]), 1e-30))


summary = dict(seed=args.seed, drive=args.drive, kick=int(args.kick), device=args.device,
               threads=args.threads, N=N, tstop_ms=args.tstop, dt_ms=args.dt,
               transient_ms=transient,
               mean_rate_exc_hz=re[keep].mean(), mean_rate_inh_hz=ri[keep].mean())
for tag, r, n in (('exc', re, args.ne), ('inh', ri, args.ni)):
    for k, v in oscillation_stats(r, n).items():
        summary[f'{k}_{tag}'] = v
summary.update(timing)
summary['brian2_version'] = b2.__version__

for k, v in summary.items():
    print(f'{k:>24s}: {v:.6g}' if isinstance(v, float) else f'{k:>24s}: {v}')

if args.out:
    os.makedirs(args.out, exist_ok=True)
    np.savetxt(os.path.join(args.out, 'rates.csv'), np.column_stack([t_ms, re, ri]),
               delimiter=',', header='time_ms,rate_exc_hz,rate_inh_hz', comments='', fmt='%.6g')
    with open(os.path.join(args.out, 'summary.csv'), 'w') as fh:
        fh.write(','.join(summary) + '\n')
        fh.write(','.join(f'{v:.6g}' if isinstance(v, float) else str(v)
                          for v in summary.values()) + '\n')
    if args.spikes:  # inhibitory neurons are numbered ne .. ne+ni-1
        st = np.concatenate([spikes_e.t / ms, spikes_i.t / ms])
        si = np.concatenate([spikes_e.i[:], spikes_i.i[:] + args.ne])
        order = np.argsort(st, kind='stable')
        np.savetxt(os.path.join(args.out, 'spikes.csv'), np.column_stack([st[order], si[order]]),
                   delimiter=',', header='time_ms,neuron', comments='', fmt=['%.1f', '%d'])
if standalone and not args.build_dir:
    shutil.rmtree(build_dir, ignore_errors=True)
