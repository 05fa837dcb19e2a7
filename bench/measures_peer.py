#!/usr/bin/python3
"""The numpy peer of measures_bench: the 193 x 193 agreement-index matrix of one synthetic UN
year (bench/data/un-year-votes.csv, written by measures_bench) with the count of jointly present
roll calls, as indicator-matrix products; and a check that entente's CLI gives the same matrix.

usage: /usr/bin/python3 bench/measures_peer.py [ENTENTE_BINARY]"""
import csv, subprocess, sys, time
import numpy as np

rows = list(csv.DictReader(open('bench/data/un-year-votes.csv')))
members = sorted({r['member'] for r in rows})
calls = sorted({int(r['rcid']) for r in rows})
mi = {m: i for i, m in enumerate(members)}
ci = {c: i for i, c in enumerate(calls)}
Y = np.zeros((len(members), len(calls)))
N = np.zeros_like(Y)
A = np.zeros_like(Y)
for r in rows:
    {'yes': Y, 'no': N, 'abstain': A}[r['vote']][mi[r['member']], ci[int(r['rcid'])]] = 1


def matrix():
    side = Y + N
    present = side + A
    joint = present @ present.T
    same = Y @ Y.T + N @ N.T + A @ A.T
    partial = A @ side.T + side @ A.T
    with np.errstate(invalid='ignore', divide='ignore'):
        return (same + 0.5 * partial) / joint, joint


times = []
for _ in range(5):
    t = time.perf_counter()
    ai, joint = matrix()
    times.append(time.perf_counter() - t)
print('{"numpy_un_year_agreement_index_matrix": %.6f}' % sorted(times)[2])

if len(sys.argv) > 1:
    out = subprocess.run([sys.argv[1], 'align', '--matrix', '--measure', 'agreement-index',
                          '--format', 'csv', '--data', 'bench/data/un-year.json'],
                         stdout=subprocess.PIPE, check=True).stdout.decode().splitlines()
    header = out[0].split(',')
    ids = header[1::2]
    worst = 0.0
    for line in out[1:]:
        cells = line.split(',')
        a = cells[0]
        for k, b in enumerate(ids):
            if a == b:
                continue
            score, count = cells[1 + 2 * k], cells[2 + 2 * k]
            assert int(count) == int(joint[mi[a], mi[b]]), (a, b, count)
            worst = max(worst, abs(float(score) - ai[mi[a], mi[b]]))
    # The CLI rounds to 4 decimals.
    print('entente CLI vs numpy: counts equal, largest score difference %.2g' % worst)
    assert worst <= 5e-5
