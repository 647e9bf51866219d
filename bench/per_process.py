"""Per-process half of bench/compare.sh: one fresh process per conversion.

Usage: python3 bench/per_process.py LIST RUNS NAME -- ARGV...
Runs ARGV with each file of LIST on stdin, RUNS times per file (after one warm-up
run), and prints the median wall time over all runs, then the median and maximum
peak RSS of one more run per file under GNU time (`/usr/bin/time -f %M`; its own
fork adds about 1 MB, see the /bin/true line). Wall time is measured around spawn +
wait, so it includes this harness's spawn cost too, the same for both tools.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(argv, path):
    with open(path, "rb") as stdin:
        start = time.perf_counter_ns()
        process = subprocess.Popen(
            argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, _ = os.wait4(process.pid, 0)
        elapsed = time.perf_counter_ns() - start
    return elapsed, os.waitstatus_to_exitcode(status)


def peak_rss_kb(argv, path):
    # wait4's ru_maxrss would count this Python process, which the child starts as.
    with tempfile.NamedTemporaryFile("r") as report, open(path, "rb") as stdin:
        subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", report.name, *argv],
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return int(report.read().split()[-1])


def main():
    separator = sys.argv.index("--")
    list_path, runs, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    argv = sys.argv[separator + 1 :]
    files = [line for line in open(list_path).read().splitlines() if line]
    walls, rss, failed = [], [], 0
    for path in files:
        run_once(argv, path)
        for _ in range(runs):
            elapsed, code = run_once(argv, path)
            failed += code != 0
            walls.append(elapsed)
        rss.append(peak_rss_kb(argv, path))
    median_ms = statistics.median(walls) / 1e6
    print(
        f"{name}: {len(files)} commands x {runs} runs, {failed} failed, "
        f"median {median_ms:.3f} ms wall, peak RSS median {statistics.median(rss) / 1024:.1f} MB "
        f"(max {max(rss) / 1024:.1f} MB)"
    )
    print(f"RESULT {name} {median_ms:.6f} {statistics.median(rss)}")


if __name__ == "__main__":
    main()
