#!/usr/bin/env python3
"""Server memory per open page, measured with real browser tabs, and the students one instance can hold.

Starts the packaged jar (in-memory H2, the given -Xmx), then for each page opens TABS headless Chromium tabs on it,
waits until the server counts them as open Vaadin UIs (convplay_vaadin_uis on /actuator/prometheus), forces a full
GC (jcmd GC.run) and reads the heap in use (jvm_memory_used_bytes{area="heap"}) before and after: the difference
divided by TABS is the memory one open page keeps. The tabs are closed before the next page, whose heap
may still hold the last page's UIs; each page is measured against the heap just before it.

  mvn -B -DskipTests package
  python3 deploy/capacity.py --tabs 10          # about 3 minutes

The heavy case is the images page with a 1 MP colour picture and 8 filters, saved as an experiment through
POST /api/experiments and opened at /e/<id>. Needs chromium and jcmd (a JDK); Python's standard library only.
"""
import argparse
import base64
import glob
import hashlib
import json
import os
import random
import re
import shutil
import struct
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib

PAGES = ["", "pipeline", "images", "animation", "exercises", "benchmark", "IMAGES_1MP"]


def http(url, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"} if data else {})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read().decode()


def metric(base, name, labels=""):
    total = 0.0
    found = False
    for line in http(base + "/actuator/prometheus").splitlines():
        if line.startswith(name) and labels in line and not line.startswith("#"):
            total += float(line.rsplit(" ", 1)[1])
            found = True
    if not found:
        raise SystemExit(f"no {name}{{{labels}}} on /actuator/prometheus")
    return total


def heap_after_gc(base, pid):
    for _ in range(2):
        subprocess.run(["jcmd", str(pid), "GC.run"], check=True, stdout=subprocess.DEVNULL)
        time.sleep(1)
    return metric(base, "jvm_memory_used_bytes", 'area="heap"')


def one_megapixel_experiment(base):
    """An images experiment: a 1024 x 1024 RGB PNG of noise (it barely compresses: the largest file) and 8 filters."""
    side = 1024
    pixels = random.Random(15).randbytes(side * side * 3)
    rows = b"".join(b"\0" + pixels[y * side * 3:(y + 1) * side * 3] for y in range(side))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))
    sha = hashlib.sha256(png).hexdigest()
    kernels = [[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
               [[1 / 16, 2 / 16, 1 / 16], [2 / 16, 4 / 16, 2 / 16], [1 / 16, 2 / 16, 1 / 16]],
               [[0, -1, 0], [-1, 5, -1], [0, -1, 0]], [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
               [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]], [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]],
               [[1 / 9] * 3] * 3]
    request = {"image": {"sha256": sha, "fileName": "noise-1mp.png"}, "scale": "unit", "gray": False,
               "padding": "same", "border": "zero", "stride": 1,
               "filters": [{"preset": None, "target": -1, "kernels": [k, k, k]} for k in kernels]}
    body = {"title": "capacity", "kind": "images", "request": request,
            "images": {sha: base64.b64encode(png).decode()}}
    saved = json.loads(http(base + "/api/experiments", body))
    return "e/" + saved["id"], len(png)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def open_tabs(url, tabs, work):
    """One headless Chromium with `tabs` tabs on url: headless takes one URL on its command line, the others are
    opened through its DevTools HTTP endpoint (PUT /json/new)."""
    port = free_port()
    profile = tempfile.mkdtemp(prefix="chromium-", dir=work)
    browser = subprocess.Popen(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                "--no-first-run", "--user-data-dir=" + profile, f"--remote-debugging-port={port}", url],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(60):
        try:
            http(f"http://127.0.0.1:{port}/json/version")
            break
        except OSError:
            time.sleep(1)
    for _ in range(tabs - 1):
        urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/json/new?{url}", method="PUT"), timeout=30)
    return browser


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", default=(glob.glob("target/convolution-playground-*.jar") or [None])[0])
    ap.add_argument("--tabs", type=int, default=10)
    ap.add_argument("--port", type=int, default=18500)
    ap.add_argument("--xmx", default="3g")
    ap.add_argument("--settle", type=int, default=180, help="at most this many seconds for the heap to settle")
    ap.add_argument("--pages", default=",".join(PAGES), help="routes, comma-separated; IMAGES_1MP for the heavy case")
    args = ap.parse_args()
    if not args.jar:
        raise SystemExit("no target/convolution-playground-*.jar: run mvn -B -DskipTests package first")
    base = f"http://localhost:{args.port}"
    work = tempfile.mkdtemp(prefix="capacity-")
    server = subprocess.Popen(["java", "--add-modules", "jdk.incubator.vector", f"-Xmx{args.xmx}", "-jar",
                               os.path.abspath(args.jar), f"--server.port={args.port}",
                               "--spring.datasource.url=jdbc:h2:mem:capacity;DB_CLOSE_DELAY=-1"],
                              cwd=work, stdout=open(os.path.join(work, "server.log"), "w"), stderr=subprocess.STDOUT)
    browsers = []
    try:
        for _ in range(300):
            try:
                if '"UP"' in http(base + "/actuator/health/readiness"):
                    break
            except OSError:
                pass
            if server.poll() is not None:
                raise SystemExit("the server exited; see " + work + "/server.log")
            time.sleep(1)
        started = heap_after_gc(base, server.pid)
        print(f"server heap after start-up and GC: {started / 2**20:.0f} MB (-Xmx{args.xmx}), {args.tabs} tabs per page")
        rows = []
        for page in args.pages.split(","):
            label = page or "(home)"
            if page == "IMAGES_1MP":
                page, size = one_megapixel_experiment(base)
                label = f"images, 1 MP RGB PNG ({size // 1024} KB), 8 bands"
            before = heap_after_gc(base, server.pid)
            uis = metric(base, "convplay_vaadin_uis")
            browser = open_tabs(f"{base}/{page}", args.tabs, work)
            browsers.append(browser)
            deadline = time.time() + 180
            while metric(base, "convplay_vaadin_uis") - uis < args.tabs and time.time() < deadline:
                time.sleep(2)
            opened = int(metric(base, "convplay_vaadin_uis") - uis)
            # the pages' own work (bands, the browser fetching them) takes seconds, longer on a busy machine:
            # measure until two readings 10 s apart agree
            after = heap_after_gc(base, server.pid)
            settle_until = time.time() + args.settle
            while time.time() < settle_until:
                time.sleep(10)
                again = heap_after_gc(base, server.pid)
                settled = abs(again - after) < 0.02 * max(after - before, 0) + 2**20
                after = again
                if settled:
                    break
            per = (after - before) / max(opened, 1)
            rows.append((label, opened, per))
            # closing the tabs lets the server close their UIs; the next page is measured from its own start
            os.killpg(browser.pid, signal.SIGKILL)
            browser.wait()
            print(f"{label:45s} {opened:3d} UIs open  {per / 2**20:7.2f} MB per UI", flush=True)
        heaviest = max(per for _, _, per in rows)
        typical = max([per for label, _, per in rows if not label.startswith("images")] or [heaviest])
        budget = (int(re.sub(r"\D", "", args.xmx)) * 2**30 * (1 if args.xmx.endswith("g") else 2**-10)) * 0.75 - started
        print(f"heap left for pages (75% of -Xmx{args.xmx}, less start-up): {budget / 2**20:.0f} MB")
        print(f"students with one open page each: {int(budget // typical)} on the lighter pages"
              f" ({typical / 2**20:.2f} MB each), {int(budget // heaviest)} if every one has the heaviest"
              f" ({heaviest / 2**20:.2f} MB)")
    finally:
        for b in browsers:
            if b.poll() is None:
                os.killpg(b.pid, signal.SIGKILL)
        server.kill()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
