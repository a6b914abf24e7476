"""Reference numbers for src/shared/statistics.ts, made once with SciPy.

Run with Debian's Python (it has SciPy):
    /usr/bin/python3 scripts/reference/statistics.py > src/shared/testing/statistics-reference.json

Wilson: scipy.stats.binomtest(k, n).proportion_ci(0.95, method='wilson').
McNemar (exact): the two-sided binomial test of b successes in b + c trials at
p = 0.5, which is what statsmodels' mcnemar(exact=True) computes.
"""
import json

import scipy
from scipy.stats import binomtest

wilson_cases = [(0, 10), (1, 10), (5, 10), (10, 10), (81, 263), (880, 1000), (9812, 10000), (1900, 2000)]
mcnemar_cases = [(0, 0), (0, 5), (1, 1), (3, 10), (12, 30), (25, 25), (40, 80), (120, 150), (7, 0)]

wilson = []
for k, n in wilson_cases:
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    wilson.append({"successes": k, "trials": n, "low": ci.low, "high": ci.high})

mcnemar = []
for b, c in mcnemar_cases:
    p = 1.0 if b + c == 0 else binomtest(b, b + c, 0.5).pvalue
    mcnemar.append({"b": b, "c": c, "p": p})

print(json.dumps({"scipy": scipy.__version__, "wilson95": wilson, "mcnemarExact": mcnemar}, indent=2))
