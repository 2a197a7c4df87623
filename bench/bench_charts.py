"""Chart libraries for the dashboard, compared: install size, import time, 10k-point render.

    # a scratch venv with every candidate (never the project's own venv):
    python3 -m venv /tmp/chartvenv
    /tmp/chartvenv/bin/pip install pyside6-essentials==6.11.3 pyside6-addons==6.11.3 \\
        pyqtgraph matplotlib numpy
    /tmp/chartvenv/bin/pip download -d /tmp/chartdl pyside6-essentials==6.11.3 \\
        pyside6-addons==6.11.3 pyqtgraph matplotlib numpy              # for the wheel sizes
    QT_QPA_PLATFORM=offscreen PYTHONPATH=. /tmp/chartvenv/bin/python bench/bench_charts.py \\
        --wheels /tmp/chartdl

Candidates (each measured when importable): QtCharts (PySide6-Addons, same version as the
Essentials we ship), pyqtgraph, matplotlib's QtAgg canvas, and our own QPainter bar chart
(app/ui/widgets/charts.py). For each:

- **size**: the wheels it adds to what we ship (pip download sizes, with ``--wheels``) and what
  they unpack to in site-packages (from each distribution's RECORD);
- **import**: a fresh interpreter that has already imported PySide6's QtCore/QtGui/QtWidgets
  and defined a QWidget subclass (as the app has before any page opens) imports the
  candidate (median of ``--runs`` processes): the start-up cost it adds;
- **render**: build a chart of 10,000 points in a 900x400 widget and ``grab()`` it offscreen
  (median of ``--runs``): a line of 10k points, and 10k bars (what the dashboard draws).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata as md
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

N = 10_000
W, H = 900, 400

# candidate -> (module to import, distributions it adds beyond PySide6-Essentials/shiboken6)
CANDIDATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "QtCharts (PySide6-Addons)": ("PySide6.QtCharts", ("PySide6_Addons",)),
    "pyqtgraph": ("pyqtgraph", ("pyqtgraph", "numpy")),
    "matplotlib QtAgg": ("matplotlib.backends.backend_qtagg",
                         ("matplotlib", "numpy", "contourpy", "cycler", "fonttools",
                          "kiwisolver", "pillow", "pyparsing", "python-dateutil", "six",
                          "packaging")),
    "QPainter (app/ui/widgets/charts.py)": ("app.ui.widgets.charts", ()),
}


def available(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def installed_size(dists: tuple[str, ...]) -> int | None:
    total = 0
    for name in dists:
        try:
            d = md.distribution(name)
        except md.PackageNotFoundError:
            if name in ("six", "packaging"):
                continue  # optional: often already there
            return None
        for f in d.files or ():
            with contextlib.suppress(OSError):
                total += (f.size or 0) or os.path.getsize(f.locate())
    return total


def wheel_size(folder: Path | None, dists: tuple[str, ...]) -> int | None:
    if folder is None:
        return None
    total = 0
    for name in dists:
        key = name.lower().replace("-", "_")
        hits = [w for w in folder.glob("*.whl") if w.name.lower().startswith(key + "-")]
        if not hits:
            if name in ("six", "packaging"):
                continue
            return None
        total += hits[0].stat().st_size
    return total


def import_time(module: str, runs: int) -> float:
    # The app has always imported QtWidgets and defined QWidget subclasses with signals by
    # the time a page loads (that first subclass pulls in shiboken's signature loader, ~40
    # ms); only what the candidate adds to that counts.
    code = ("import time\nfrom PySide6 import QtCore, QtGui, QtWidgets\n"
            "class _W(QtWidgets.QWidget):\n    s = QtCore.Signal(int)\n"
            "t = time.perf_counter()\n"
            f"import {module}\nprint(time.perf_counter() - t)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env=env, check=True)
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def data() -> tuple[list[float], list[float]]:
    import math

    xs = [float(i) for i in range(N)]
    ys = [50 + 40 * math.sin(i / 300) + (i * 7919 % 13) for i in range(N)]
    return xs, ys


# -- one builder per candidate and shape: returns the widget to grab ------------------------


def qtcharts(kind: str):
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QChartView,
        QLineSeries,
    )
    from PySide6.QtCore import QPointF

    xs, ys = data()
    chart = QChart()
    if kind == "line":
        s = QLineSeries()
        s.replace([QPointF(x, y) for x, y in zip(xs, ys, strict=True)])
        chart.addSeries(s)
        chart.createDefaultAxes()
    else:
        bar = QBarSet("values")
        bar.append(ys)
        s = QBarSeries()
        s.append(bar)
        chart.addSeries(s)
        axis = QBarCategoryAxis()
        axis.append([str(i) for i in range(N)])
        chart.addAxis(axis, __import__("PySide6.QtCore").QtCore.Qt.AlignmentFlag.AlignBottom)
        s.attachAxis(axis)
    chart.legend().hide()
    view = QChartView(chart)
    return view


def pyqtgraph_(kind: str):
    import numpy as np
    import pyqtgraph as pg

    xs, ys = data()
    w = pg.PlotWidget(background="w")
    if kind == "line":
        w.plot(np.array(xs), np.array(ys), pen="b")
    else:
        w.addItem(pg.BarGraphItem(x=np.array(xs), height=np.array(ys), width=0.7, brush="b"))
    return w


def matplotlib_(kind: str):
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    xs, ys = data()
    fig = Figure(figsize=(W / 100, H / 100), dpi=100)
    ax = fig.add_subplot()
    if kind == "line":
        ax.plot(xs, ys)
    else:
        ax.bar(xs, ys, width=0.7)
    return FigureCanvasQTAgg(fig)


def qpainter(kind: str):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPainter, QPolygonF
    from PySide6.QtWidgets import QWidget

    from app.ui.widgets.charts import BarChart, BarSeries

    xs, ys = data()
    if kind == "bars":
        chart = BarChart("10k bars")
        chart.set_data([str(i) for i in range(N)], [BarSeries("values", ys)])
        return chart

    class Line(QWidget):  # the same primitives a line chart of ours would use
        def paintEvent(self, _e: object) -> None:  # noqa: N802
            p = QPainter(self)
            p.fillRect(self.rect(), __import__("PySide6.QtGui").QtGui.QColor("white"))
            lo, hi = min(ys), max(ys)
            poly = QPolygonF([QPointF(x / N * self.width(),
                                      self.height() - (y - lo) / (hi - lo) * self.height())
                              for x, y in zip(xs, ys, strict=True)])
            p.drawPolyline(poly)
            p.end()

    return Line()


BUILDERS: dict[str, Callable[[str], object]] = {
    "QtCharts (PySide6-Addons)": qtcharts,
    "pyqtgraph": pyqtgraph_,
    "matplotlib QtAgg": matplotlib_,
    "QPainter (app/ui/widgets/charts.py)": qpainter,
}


def render_time(name: str, kind: str, runs: int) -> float:
    """Median seconds from building the chart to its first offscreen grab."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        w = BUILDERS[name](kind)
        w.resize(W, H)
        img = w.grab()
        times.append(time.perf_counter() - t)
        assert not img.isNull()
        w.deleteLater()
        app.processEvents()
    return statistics.median(times)


def mb(n: int | None) -> str:
    return "n/a" if n is None else f"{n / 1024 ** 2:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheels", type=Path, help="folder of pip-downloaded wheels (sizes)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rows = []
    for name, (module, dists) in CANDIDATES.items():
        if not available(module):
            print(f"{name}: not importable here, skipped")
            continue
        row = {"candidate": name, "wheels": wheel_size(args.wheels, dists),
               "installed": installed_size(dists), "import_s": import_time(module, args.runs),
               "line_s": render_time(name, "line", args.runs),
               "bars_s": render_time(name, "bars", max(1, args.runs // 2)
                                     if name == "matplotlib QtAgg" else args.runs)}
        rows.append(row)
        print(f"  measured {name}", flush=True)
    print()
    print(f"{'candidate':<38}{'wheels':>10}{'installed':>11}{'import':>10}"
          f"{'10k line':>10}{'10k bars':>10}")
    for r in rows:
        print(f"{r['candidate']:<38}{mb(r['wheels']):>10}{mb(r['installed']):>11}"
              f"{r['import_s'] * 1000:>8.0f}ms{r['line_s'] * 1000:>8.0f}ms"
              f"{r['bars_s'] * 1000:>8.0f}ms")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
