"""Extract Joe–Kuo Sobol direction numbers from SciPy and write reference fixtures.

Run once (needs SciPy; CI does not):  python3 scripts/uncertainty/extract-sobol-data.py

Writes
  data/uncertainty/joe-kuo-6.21201.json        first DIMS dimensions of new-joe-kuo-6.21201
  test/fixtures/uncertainty/scipy-sobol.json    unscrambled Sobol points from scipy.stats.qmc.Sobol
  test/fixtures/uncertainty/scipy-quantiles.json quantiles of the distributions from scipy.stats

SciPy stores the table in scipy/stats/_sobol_direction_numbers.npz as `poly` (the primitive
polynomial with its leading and trailing 1 bits, so degree s = bit_length - 1 and the middle
coefficients a = (poly >> 1) & (2**(s-1) - 1), as in Joe & Kuo's file) and `vinit` (the initial
direction numbers m_1..m_s). Dimension 1 is the van der Corput sequence (all m = 1).
"""

import json
import os
import numpy as np
import scipy
import scipy.stats as st
import scipy.stats._sobol as sob
from scipy.stats import qmc

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
DIMS = 1024

npz = np.load(os.path.join(os.path.dirname(sob.__file__), "_sobol_direction_numbers.npz"))
poly, vinit = npz["poly"], npz["vinit"]
dims = []
for j in range(1, DIMS):  # Joe–Kuo's file starts at d = 2
    p = int(poly[j])
    s = p.bit_length() - 1
    a = (p >> 1) & ((1 << (s - 1)) - 1)
    m = [int(x) for x in vinit[j][:s]]
    assert all(x % 2 == 1 and x < (1 << (k + 1)) for k, x in enumerate(m)), (j, m)
    assert all(x == 0 for x in vinit[j][s:]), j
    dims.append({"d": j + 1, "s": s, "a": a, "m": m})

table = {
    "description": (
        "Sobol direction numbers new-joe-kuo-6.21201 (Joe & Kuo 2008), first "
        f"{DIMS} dimensions. Dimension 1 is van der Corput (all m_k = 1) and is not listed; "
        "rows give d (dimension, 1-based), s (degree of the primitive polynomial), a (its "
        "middle coefficients as an integer, Joe & Kuo's convention) and m (initial direction "
        "numbers m_1..m_s)."
    ),
    "source": {
        "citation": (
            "S. Joe and F. Y. Kuo, Constructing Sobol sequences with better two-dimensional "
            "projections, SIAM J. Sci. Comput. 30 (2008) 2635-2654, "
            "https://doi.org/10.1137/070709359; data file new-joe-kuo-6.21201 from "
            "https://web.maths.unsw.edu.au/~fkuo/sobol/"
        ),
        "extracted_from": (
            f"scipy {scipy.__version__}, scipy/stats/_sobol_direction_numbers.npz "
            "(SciPy ships new-joe-kuo-6.21201 as arrays poly and vinit)"
        ),
        "script": "scripts/uncertainty/extract-sobol-data.py",
        "status": "verified",
    },
    "dimensions_listed": len(dims) + 1,
    "dimensions": dims,
}
with open(os.path.join(ROOT, "data/uncertainty/joe-kuo-6.21201.json"), "w") as f:
    json.dump(table, f, separators=(",", ":"))

SCALE = 2**30  # scipy works with 30-bit integers; unscrambled points are k / 2^30 exactly


def ints(x):
    y = np.asarray(x) * SCALE
    assert np.all(y == np.round(y))
    return [[int(v) for v in row] for row in y]


s64 = qmc.Sobol(d=64, scramble=False).random(256)
s_all = qmc.Sobol(d=DIMS, scramble=False).random(16)
eng = qmc.Sobol(d=64, scramble=False)
eng.fast_forward(1_000_000)
s_ff = eng.random(4)
fixtures = {
    "description": (
        "Unscrambled Sobol points from scipy.stats.qmc.Sobol(d, scramble=False).random(n), "
        "as integers: point value = integer / 2^30."
    ),
    "source": f"scipy {scipy.__version__}; scripts/uncertainty/extract-sobol-data.py",
    "scale": SCALE,
    "d64_n256": ints(s64),
    "d1024_n16": ints(s_all),
    "d64_from1000000_n4": ints(s_ff),
}
with open(os.path.join(ROOT, "test/fixtures/uncertainty/scipy-sobol.json"), "w") as f:
    json.dump(fixtures, f, separators=(",", ":"))

P = [1e-6, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 1 - 1e-6]
lo, mode, hi = 2.0, 3.0, 7.0
# PERT with lambda = 4: alpha = 1 + 4 (mode - min)/(max - min), beta = 1 + 4 (max - mode)/(max - min)
al = 1 + 4 * (mode - lo) / (hi - lo)
be = 1 + 4 * (hi - mode) / (hi - lo)
mu, sd = 10.0, 2.0
a_t, b_t = 7.0, 15.0
mlog, slog = np.log(100.0), 0.4
q = {
    "description": "Quantiles from scipy.stats at the probabilities p (ppf).",
    "source": f"scipy {scipy.__version__}; scripts/uncertainty/extract-sobol-data.py",
    "p": P,
    "triangular": {
        "min": lo, "mode": mode, "max": hi,
        "q": [float(v) for v in st.triang.ppf(P, (mode - lo) / (hi - lo), loc=lo, scale=hi - lo)],
    },
    "pert": {
        "min": lo, "mode": mode, "max": hi, "lambda": 4,
        "q": [float(v) for v in st.beta.ppf(P, al, be, loc=lo, scale=hi - lo)],
    },
    "normal": {"mean": mu, "sd": sd, "q": [float(v) for v in st.norm.ppf(P, mu, sd)]},
    "truncnormal": {
        "mean": mu, "sd": sd, "lower": a_t, "upper": b_t,
        "q": [float(v) for v in st.truncnorm.ppf(P, (a_t - mu) / sd, (b_t - mu) / sd, loc=mu, scale=sd)],
    },
    "lognormal": {
        "mu_log": float(mlog), "sigma_log": slog,
        "q": [float(v) for v in st.lognorm.ppf(P, slog, scale=np.exp(mlog))],
    },
    "trunclognormal": {
        "mu_log": float(mlog), "sigma_log": slog, "lower": 80.0, "upper": 200.0,
        "q": [float(np.exp(v)) for v in st.truncnorm.ppf(P, (np.log(80.0) - mlog) / slog, (np.log(200.0) - mlog) / slog, loc=mlog, scale=slog)],
    },
}
with open(os.path.join(ROOT, "test/fixtures/uncertainty/scipy-quantiles.json"), "w") as f:
    json.dump(q, f, indent=1)
print("ok", len(dims) + 1)
