#!/usr/bin/env python3
"""Runs the benchmarks and prints each figure beside its reference, ratio and goal.

Called by scripts/bench after the Release build in build-bench. Every Google Benchmark runs in a
process of its own, so that its peak resident memory (ru_maxrss) is its own. Whole `nntrace`
processes (the course build, grading) are timed several times; the median is reported, with the
peak resident memory of the process and its children (wait4). Writes bench/latest.md.
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# micrograd (Karpathy's engine, MIT, unchanged) with the same 2-2-2 training script: timed in each
# run, never copied into this repository. Looked for in --micrograd, $NNTRACE_MICROGRAD, then
# the project's shared folder beside the checkout.
MICROGRAD_DIRS = [ROOT.parent / "shared" / "anchors" / "micrograd", Path("/work/shared/anchors/micrograd")]
MICROGRAD_ROUNDS = (200, 2000)  # the difference cancels Python's start-up and import time
GRAPH_SIZES = [100, 1000, 10000, 100000, 1000000]


# ---- Google Benchmark -------------------------------------------------------------------------

def run_benchmark(exe, name, reps, min_time):
    """The median over `reps` repetitions of one benchmark, as a dict of its JSON fields."""
    cmd = [str(exe), f"--benchmark_filter=^{name}$", f"--benchmark_repetitions={reps}",
           "--benchmark_report_aggregates_only=true", "--benchmark_format=json",
           f"--benchmark_min_time={min_time}"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    runs = json.loads(out)["benchmarks"]
    for run in runs:
        if run.get("error_occurred"):
            sys.exit(f"{name}: {run.get('error_message')}")
    median = [r for r in runs if r.get("aggregate_name") == "median"] or runs
    return median[0]


def seconds(run, field="cpu_time"):
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[run["time_unit"]]
    return run[field] * scale


# ---- Whole processes --------------------------------------------------------------------------

def time_process(cmd, runs, env=None):
    """Median wall time, median CPU time (user + sys, children included) and peak RSS (bytes)."""
    walls, cpus, rss = [], [], 0
    for _ in range(runs):
        with tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=ROOT)
            _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - start)
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode not in (0, 3):  # 3: `check` found wrong answers, not a failure
                err.seek(0)
                sys.exit(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{err.read().decode()}")
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss = max(rss, usage.ru_maxrss * 1024)
    return statistics.median(walls), statistics.median(cpus), rss


def course_build(nntrace, runs, without_tools):
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        if without_tools:
            empty = Path(tmp) / "empty-path"
            empty.mkdir()
            env["PATH"] = str(empty)  # no dot, no gnuplot: the sources are written, not drawn
        result = []
        for k in range(runs):  # a fresh folder every time
            out = Path(tmp) / f"course-{k}"
            result.append(time_process([nntrace, "build", "--out", out], 1, env))
        return (statistics.median(r[0] for r in result), statistics.median(r[1] for r in result),
                max(r[2] for r in result))


def find_micrograd(explicit):
    candidates = [Path(explicit)] if explicit else []
    if os.environ.get("NNTRACE_MICROGRAD"):
        candidates.append(Path(os.environ["NNTRACE_MICROGRAD"]))
    candidates += MICROGRAD_DIRS
    for d in candidates:
        if (d / "net222.py").is_file() and (d / "engine.py").is_file():
            return d
    return None


def micrograd_round(directory, runs):
    """µs of CPU time per round of micrograd's 2-2-2 training script: the median CPU time (user +
    sys) of a long and a short run, their difference divided by the rounds between them."""
    few, many = MICROGRAD_ROUNDS
    _, cpu_few, _ = time_process([sys.executable, directory / "net222.py", str(few)], runs)
    _, cpu_many, _ = time_process([sys.executable, directory / "net222.py", str(many)], runs)
    return (cpu_many - cpu_few) / (many - few) * 1e6


# A fixed pattern of right and wrong answers to examples/exercise-7.toml.
RIGHT = {"yhat": "0.384", "dL/dw7": "-0.410", "dL/dw8": "-0.301"}
WRONG = {"yhat": ["0.385", "0.400", "0.147", "-0.384"],
         "dL/dw7": ["0.410", "-0.411", "-0.205", "-0.420"],
         "dL/dw8": ["0.301", "-0.300", "-0.150", ""]}


# A carried error: dL/dw7 worked on correctly from the wrong yhat = 0.385 (follow-on marking).
CARRIED = {"yhat": "0.385", "dL/dw7": "-0.409", "dL/dw8": "-0.301"}


def grade_sheet(path, rows):
    """In each 7 rows: 2 all right, one wrong answer each in yhat, dL/dw7, dL/dw8 (4 wrong values
    in turn, one of them blank), a carried error, and a wrong dL/dw8 that no other row repeats (so
    the mistake finder searches afresh instead of reusing an earlier row's judgement)."""
    names = list(RIGHT)
    lines = ["student," + ",".join(names)]
    for i in range(rows):
        kind = i % 7
        if kind == 5:
            cells = [CARRIED[n] for n in names]
        elif kind == 6:
            cells = [RIGHT["yhat"], RIGHT["dL/dw7"], f"-{1 + i / 1e4:.4f}"]
        else:
            wrong_one = kind - 2  # kinds 0, 1 all right; then one wrong answer each
            cells = [WRONG[n][(i // 7) % 4] if j == wrong_one else RIGHT[n] for j, n in enumerate(names)]
        lines.append(f"s{i + 1:05d}," + ",".join(cells))
    path.write_text("\n".join(lines) + "\n")


def grading(nntrace, runs, rows):
    with tempfile.TemporaryDirectory() as tmp:
        sheet = Path(tmp) / f"sheet-{rows}.csv"
        grade_sheet(sheet, rows)
        return time_process([nntrace, "grade", "examples/exercise-7.toml", sheet, "--out",
                             Path(tmp) / "grades.txt"], runs)


# ---- Report -----------------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.rows = []  # (figure, value, reference, ratio, goal, verdict)
        self.tables = []  # (title, header, rows)

    def figure(self, figure, value, reference, ratio, goal, met):
        verdict = "—" if met is None else ("met" if met else "**not met**")
        self.rows.append((figure, value, reference, ratio, goal, verdict))
        print(f"{figure:<56} {value:>9}  ref {reference:<30} {ratio:>22}  goal {goal:<14} {verdict}")

    def table(self, title, header, rows):
        self.tables.append((title, header, rows))
        print(f"\n{title}")
        print("  " + " | ".join(header))
        for row in rows:
            print("  " + " | ".join(row))

    def markdown(self, context):
        out = ["# Latest benchmark figures", "", context, "",
               "| figure | value | reference | ratio | goal | |", "|---|---:|---|---:|---|---|"]
        out += ["| " + " | ".join(r) + " |" for r in self.rows]
        for title, header, rows in self.tables:
            out += ["", f"## {title}", "", "| " + " | ".join(header) + " |",
                    "|" + "|".join("---:" if k else "---" for k in range(len(header))) + "|"]
            out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out) + "\n"


def mb(b):
    return f"{b / 2**20:.1f} MB"


def machine():
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT).stdout.strip() or "?"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                           text=True, cwd=ROOT).stdout.strip()
    return f"{model}, {os.cpu_count()} cores (shared); commit {commit}{' with local changes' if dirty else ''}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default="build-bench")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a rough look)")
    parser.add_argument("--micrograd", help="folder holding micrograd's engine.py and net222.py")
    parser.add_argument("--grading-only", action="store_true",
                        help="only `nntrace grade` on 10,000 rows (needs just the nntrace binary)")
    args = parser.parse_args()
    build = ROOT / args.build
    exe, nntrace = build / "bench" / "nntrace_bench", build / "tracer" / "cli" / "nntrace"
    reps, min_time, runs = (1, 0.1, 3) if args.quick else (5, 0.5, 7)
    if args.grading_only:
        one_wall, _, _ = grading(nntrace, runs, 1)
        wall, cpu, rss = grading(nntrace, runs, 10000)
        print(f"nntrace grade, 10,000 rows: {wall * 1e3:.0f} ms wall, {cpu * 1e3:.0f} ms CPU, {mb(rss)}; "
              f"1 row {one_wall * 1e3:.0f} ms; goal < 1 s: {'met' if wall < 1.0 else 'NOT met'}")
        return
    report = Report()
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    print(f"nntrace benchmarks, {when}: {machine()}\n"
          f"in-process: median of {reps} repetitions, CPU time; processes: median of {runs} runs, wall time\n")

    bench = lambda name: run_benchmark(exe, name, reps, min_time)

    # Tracing overhead: 10,000 rounds of the 2-2-2 network.
    train = {v: bench(f"Train222/{v}") for v in ("plain", "tape", "record", "problem", "every-round-written")}
    plain = seconds(train["plain"])
    for v, what in (("problem", "run_problem, whole record"), ("record", "train() + training_sections()"),
                    ("tape", "train() only: every number kept, no sections"),
                    ("every-round-written", "every round written out as sections")):
        ratio = seconds(train[v]) / plain
        report.figure(f"2-2-2 × 10,000 rounds: {what}", f"{seconds(train[v]) * 1e3:.1f} ms",
                      f"plain loop {plain * 1e3:.3f} ms", f"{ratio:,.0f}×", "≤ 10×",
                      ratio <= 10 if v == "problem" else None)
    us = train["problem"]["us_per_round"]
    micrograd_dir = find_micrograd(args.micrograd)
    if micrograd_dir is None:
        print("micrograd not found (--micrograd DIR or NNTRACE_MICROGRAD, a folder with engine.py and "
              "net222.py): the comparison with micrograd is skipped")
        micrograd_note = "micrograd was not found: no comparison with it."
    else:
        micrograd_us = micrograd_round(micrograd_dir, runs)
        micrograd_note = (f"micrograd: {micrograd_dir}/net222.py, {MICROGRAD_ROUNDS[1]:,} minus {MICROGRAD_ROUNDS[0]:,} "
                          f"rounds, median of {runs} runs each, CPU time, measured in this run.")
        report.figure("2-2-2 traced round (run_problem)", f"{us:.2f} µs", f"micrograd {micrograd_us:.0f} µs",
                      f"{micrograd_us / us:,.1f}× faster", "> 200× faster", micrograd_us / us > 200)
        report.figure("2-2-2 plain round (no tracing)", f"{train['plain']['us_per_round'] * 1e3:.1f} ns",
                      f"micrograd {micrograd_us:.0f} µs",
                      f"{micrograd_us / train['plain']['us_per_round']:,.0f}× faster", "—", None)
    report.table("2-2-2, 10,000 rounds", ["variant", "CPU time", "µs per round", "× plain", "peak heap", "max RSS"],
                 [[v, f"{seconds(r) * 1e3:.2f} ms", f"{r['us_per_round']:.3f}", f"{seconds(r) / plain:,.0f}",
                   mb(r["peak_heap_MB"] * 2**20), mb(r["maxrss_MB"] * 2**20)] for v, r in train.items()])

    # Scale: the MLP and graphs from 10² to 10⁶ nodes.
    mlp = {v: bench(f"MLP/784-64-10/{v}") for v in ("tape", "record")}
    graph_rows, flat = [], {}
    for shape in ("chain", "layered", "layered-record"):
        per = [bench(f"Graph/{shape}/{n}") for n in GRAPH_SIZES]
        ns = [r["ns_per_node"] for r in per]
        by = [r["heap_bytes_per_node"] for r in per]
        flat[shape] = (max(ns) / min(ns), max(by) / min(by))
        for n, r in zip(GRAPH_SIZES, per):
            graph_rows.append([shape, f"{int(r['nodes']):,}", f"{r['ns_per_node']:.0f}",
                               f"{r['heap_bytes_per_node']:.0f}", mb(r["maxrss_MB"] * 2**20)])
    ref_ns = min(r for r in [float(row[2]) for row in graph_rows if row[0] == "layered"])
    for v, what in (("tape", "tape + backward"), ("record", "+ chain-rule lines")):
        r = mlp[v]
        report.figure(f"784-64-10 MLP step: {what}", f"{seconds(r) * 1e3:.0f} ms",
                      f"layered graph {ref_ns:.0f} ns/node", f"{r['ns_per_node'] / ref_ns:.2f}× per node",
                      "—", None)
    for shape, (t, b) in flat.items():
        report.figure(f"graph {shape}, 10²…10⁶ nodes: time/node", "", "fastest size", f"{t:.2f}× max/min",
                      "≤ 2×", t <= 2)
        report.figure(f"graph {shape}, 10²…10⁶ nodes: bytes/node", "", "smallest size", f"{b:.2f}× max/min",
                      "≤ 2×", b <= 2)
    report.table("MLP 784-64-10, one traced step",
                 ["variant", "nodes", "CPU time", "ns per node", "heap bytes per node", "peak heap", "max RSS"],
                 [[v, f"{int(r['nodes']):,}", f"{seconds(r) * 1e3:.1f} ms", f"{r['ns_per_node']:.0f}",
                   f"{r['heap_bytes_per_node']:.0f}", mb(r["peak_heap_MB"] * 2**20), mb(r["maxrss_MB"] * 2**20)]
                  for v, r in mlp.items()])
    report.table("Graphs, per node", ["shape", "nodes", "ns per node", "heap bytes per node", "max RSS"], graph_rows)

    # Problem files at scale: the text read, checked and run (forward + backward), no rendering.
    file_rows = []
    for name in ("network/101000", "network/1010000", "chain/10000", "chain/100000"):
        r = bench(f"ProblemFile/{name}")
        file_rows.append([name, f"{int(r['units']):,}", f"{r['file_MB']:.1f} MB", f"{seconds(r):.2f} s",
                          f"{r['ns_per_unit']:,.0f}", mb(r["peak_heap_MB"] * 2**20), mb(r["maxrss_MB"] * 2**20)])
        if name == "network/1010000":
            report.figure("10⁶ weights: read, check, forward + backward", f"{seconds(r):.2f} s",
                          mb(r["maxrss_MB"] * 2**20), "—", "≤ 5 s, ≤ 1 GB",
                          seconds(r) <= 5 and r["maxrss_MB"] <= 1024)
    report.table("Problem files (read, checked, run)",
                 ["file", "weights or nodes", "size", "CPU time", "ns per weight/node", "peak heap", "max RSS"],
                 file_rows)

    # A class's pages: grade --format html|md of 10⁴ and 10⁵ rows, in process.
    page_rows = []
    for fmt in ("html", "md"):
        small, large = bench(f"GradePages/{fmt}/10000"), bench(f"GradePages/{fmt}/100000")
        report.figure(f"grade pages ({fmt}), 100,000 rows", f"{seconds(large):.2f} s", "goal 2 s",
                      f"{seconds(large) / 2:.2f}×", "≤ 2 s", seconds(large) <= 2)
        report.figure(f"  per row, 10⁵ rows against 10⁴ ({fmt})", f"{large['us_per_row']:.1f} µs",
                      f"10⁴ rows: {small['us_per_row']:.1f} µs", f"{large['us_per_row'] / small['us_per_row']:.2f}×",
                      "linear (≈ 1×)", None)
        for rows, r in ((10000, small), (100000, large)):
            page_rows.append([fmt, f"{rows:,}", f"{seconds(r) * 1e3:.0f} ms", f"{r['us_per_row']:.1f}",
                              f"{r['page_MB']:.1f} MB", mb(r["peak_heap_MB"] * 2**20), mb(r["maxrss_MB"] * 2**20)])
    report.table("Grade pages (exercise 7)", ["format", "rows", "CPU time", "µs per row", "page", "peak heap", "max RSS"],
                 page_rows)

    # Whole processes.
    start_wall, _, start_rss = time_process([nntrace, "list"], runs)
    proc_rows = [["nntrace list (start-up)", f"{start_wall * 1e3:.0f} ms", "—", mb(start_rss)]]
    for without, what in ((False, "with dot and gnuplot"), (True, "without dot/gnuplot on PATH")):
        wall, cpu, rss = course_build(nntrace, runs, without)
        report.figure(f"nntrace build, whole course, {what}", f"{wall * 1e3:.0f} ms", "goal 1 s",
                      f"{wall:.2f}×", "< 1 s", wall < 1.0)
        proc_rows.append([f"nntrace build ({what})", f"{wall * 1e3:.0f} ms", f"{cpu * 1e3:.0f} ms", mb(rss)])
    one_wall, _, _ = grading(nntrace, runs, 1)
    wall, cpu, rss = grading(nntrace, runs, 10000)
    report.figure("nntrace grade, 10,000 rows (exercise 7)", f"{wall * 1e3:.0f} ms", "goal 1 s", f"{wall:.2f}×",
                  "< 1 s", wall < 1.0)
    report.figure("  per row beyond the first", f"{(wall - one_wall) / 9999 * 1e6:.1f} µs",
                  f"1 row {one_wall * 1e3:.0f} ms", f"{wall / one_wall:.1f}× the 1-row run", "—", None)
    proc_rows.append(["nntrace grade, 1 row", f"{one_wall * 1e3:.0f} ms", "—", "—"])
    proc_rows.append(["nntrace grade, 10,000 rows", f"{wall * 1e3:.0f} ms", f"{cpu * 1e3:.0f} ms", mb(rss)])
    report.table("Whole processes (median wall time; CPU = user + sys incl. children; peak RSS)",
                 ["command", "wall", "CPU", "peak RSS"], proc_rows)

    context = (f"{when}, {machine()}. Produced by `scripts/bench`. In-process figures: median of {reps} "
               f"repetitions, CPU time, each benchmark in its own process; whole processes: median of {runs} "
               "runs, wall time. Ratios are against a reference measured in the same run; absolute times "
               "are only indicative (the machine is shared). " + micrograd_note)
    latest = ROOT / "bench" / "latest.md"
    # Sections measured by other means are kept: the browser module's (bench/web_bench.js, Node.js,
    # after scripts/build-web) and the README commands' build times (a fresh machine, by hand:
    # bench/build-time.md says how).
    old = latest.read_text() if latest.exists() else ""
    kept = ""
    for name in ("build-time", "web-bench"):
        start, end = old.find(f"<!-- {name}:"), old.find(f"<!-- /{name} -->")
        if 0 <= start < end:
            kept += "\n" + old[start:end] + f"<!-- /{name} -->\n"
    latest.write_text(report.markdown(context) + kept)
    print("\nwritten: bench/latest.md")


if __name__ == "__main__":
    main()
