#!/usr/bin/python3
"""Load generator of bench/two-instances.sh (standard library only: Debian's /usr/bin/python3).

  two-instances-load.py throughput URL SECONDS CLIENTS
      GetMap and GetFeature only, for SECONDS with CLIENTS threads; prints one JSON line.
  two-instances-load.py failover URL SECONDS CLIENTS PGPORT PIDS LOGIN PASSWORD
      the same plus web map sessions and logged-in scenario runs; once SECONDS/2 have passed and a
      run is being computed, kill -9 the instance computing it (PIDS: name=pid,name=pid; the owner is
      read from carence_run_queue with psql). Waits for every accepted run to end, checks the
      sessions and the finished runs again, prints one JSON line.
"""
import http.cookiejar
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

# Occitanie in Lambert-93 (EPSG:2154): the committed sample's extent.
XMIN, YMIN, XMAX, YMAX = 430000, 6170000, 850000, 6440000
LOCK = threading.Lock()
RECORDS = []  # (start, end, kind, ok)


def record(start, kind, ok):
    with LOCK:
        RECORDS.append((start, time.time(), kind, ok))


def get(url, opener=None, timeout=60):
    req = urllib.request.Request(url)
    o = opener or urllib.request.build_opener()
    with o.open(req, timeout=timeout) as r:
        body = r.read()
        return r.status, body


def square(rnd, smallest, largest):
    """A random square of Occitanie: BBOX corners x1,y1,x2,y2."""
    w = rnd.uniform(smallest, largest)
    x = rnd.uniform(XMIN, XMAX - w)
    y = rnd.uniform(YMIN, YMAX - w)
    return f"{x:.0f},{y:.0f},{x + w:.0f},{y + w:.0f}"


def getmap(base, rnd):
    return (f"{base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=indicateurs_communes&STYLES="
            f"&CRS=EPSG:2154&BBOX={square(rnd, 20000, 200000)}&WIDTH=256&HEIGHT=256&FORMAT=image/png")


def getfeature(base, rnd):
    return (f"{base}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=communes&COUNT=200"
            f"&OUTPUTFORMAT=application/json&BBOX={square(rnd, 20000, 80000)},urn:ogc:def:crs:EPSG::2154")


def reader(base, end, seed):
    rnd = random.Random(seed)
    while time.time() < end:
        kind = "GetMap" if rnd.random() < 0.6 else "GetFeature"
        url = getmap(base, rnd) if kind == "GetMap" else getfeature(base, rnd)
        start = time.time()
        try:
            status, _ = get(url)
            record(start, kind, status == 200)
        except Exception:
            record(start, kind, False)


class Planner:
    """A web map user: session cookie, CSRF token, scenario runs."""

    def __init__(self, base, login, password):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.login, self.password = login, password

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), None)

    def send(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        token = self.cookie("XSRF-TOKEN")
        if token:
            req.add_header("X-XSRF-TOKEN", token)
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def open_session(self):
        self.send("GET", "/api/session")  # XSRF-TOKEN cookie
        status, _ = self.send("POST", "/api/session", {"login": self.login, "motDePasse": self.password})
        return status == 200 and self.logged_in()

    def logged_in(self):
        try:
            status, body = self.send("GET", "/api/session")
            return status == 200 and json.loads(body).get("login") == self.login
        except Exception:
            return False


def statut(planner, run):
    try:
        status, body = planner.send("GET", "/api/scenarios/" + run)
        return json.loads(body).get("statut") if status == 200 else None
    except Exception:
        return None


def runner(planner, index, end, runs, stop_submitting):
    n = 0
    while time.time() < end and not stop_submitting.is_set():
        n += 1
        run = f"bench-{os.getpid()}-{index}-{n}"  # one id per planner and run: no self-inflicted 409
        start = time.time()
        try:
            status, body = planner.send("POST", "/api/scenarios", {"id": run, "nom": "banc deux instances " + str(n)})
        except Exception:
            status, body = None, b""
        record(start, "scenario", status == 202)
        if status != 202:
            time.sleep(1)
            continue
        with LOCK:
            runs[run] = "en_attente"
        while time.time() < end + 300:
            s = statut(planner, run)
            if s:
                with LOCK:
                    runs[run] = s
            if s in ("termine", "echec"):
                break
            time.sleep(1)


def owner_computing(pgport):
    out = subprocess.run(["psql", "-At", "-h", "127.0.0.1", "-p", str(pgport), "-U", "postgres", "-d", "gis", "-c",
                          "SELECT instance || '|' || scenario_id || '|' || progression FROM carence_run_queue "
                          "WHERE statut = 'en_cours' AND progression > 0 ORDER BY started_at LIMIT 1"],
                         capture_output=True, text=True).stdout.strip()
    return out.split("|") if out else None


def summary(records, seconds):
    ok = sum(1 for r in records if r[3])
    return {"requests": len(records), "ok": ok, "errors": len(records) - ok,
            "per_second": round(len(records) / seconds, 1)}


def main():
    mode, base, seconds, clients = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    t0 = time.time()
    end = t0 + seconds
    threads = [threading.Thread(target=reader, args=(base, end, i), daemon=True) for i in range(clients)]
    if mode == "throughput":
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(json.dumps(summary(RECORDS, seconds)))
        return
    pgport, pids, login, password = sys.argv[5], dict(p.split("=") for p in sys.argv[6].split(",")), sys.argv[7], sys.argv[8]
    sessions = [Planner(base, login, password) for _ in range(6)]
    opened = sum(1 for s in sessions if s.open_session())
    runs = {}
    stop = threading.Event()
    planners = [Planner(base, login, password) for _ in range(2)]
    for p in planners:
        p.open_session()
    threads += [threading.Thread(target=runner, args=(p, i, end, runs, stop), daemon=True)
                for i, p in enumerate(planners)]
    for t in threads:
        t.start()
    killed = None
    while time.time() < end and killed is None:
        time.sleep(0.2)
        if time.time() - t0 < seconds / 2:
            continue
        owner = owner_computing(pgport)
        if owner and owner[0] in pids:
            os.kill(int(pids[owner[0]]), signal.SIGKILL)
            killed = {"instance": owner[0], "run": owner[1], "progression": float(owner[2]), "t": time.time() - t0,
                      "at": time.time()}
    for t in threads:
        t.join(timeout=max(1, end - time.time()) + 330)
    stop.set()
    load_end = time.time()
    # Every run accepted must end (taken over by the survivor); give it the lease and a run's time.
    deadline = time.time() + 300
    checker = planners[0] if planners[0].logged_in() else sessions[0]
    while time.time() < deadline and any(s not in ("termine", "echec") for s in runs.values()):
        for run in list(runs):
            s = statut(checker, run)
            if s:
                runs[run] = s
        time.sleep(2)
    finished = {r: s for r, s in runs.items() if s in ("termine", "echec")}
    # Committed writes: every run seen finished is still there, with the same status.
    lost_committed = sum(1 for r, s in finished.items() if statut(checker, r) != s)
    valid = sum(1 for s in sessions if s.logged_in())
    reads = [r for r in RECORDS]
    in_flight = [r for r in reads if killed and not r[3] and r[0] <= killed["at"] <= r[1] + 0.5]
    other_errors = [r for r in reads if not r[3] and r not in in_flight]
    lost_runs = len(runs) - len(finished)
    lost_sessions = opened - valid
    print(json.dumps({
        "seconds": round(load_end - t0, 1), **summary(reads, load_end - t0),
        "errors_in_flight_at_kill": len(in_flight), "errors_other": len(other_errors),
        "killed": {k: v for k, v in (killed or {}).items() if k != "at"},
        "runs_started": len(runs), "runs_finished": len(finished),
        "runs_termine": sum(1 for s in finished.values() if s == "termine"),
        "runs_echec": sum(1 for s in finished.values() if s == "echec"),
        "sessions_opened": opened, "sessions_valid": valid,
        "lost_runs": lost_runs, "lost_sessions": lost_sessions, "lost_committed": lost_committed,
        "lost": lost_runs + lost_sessions + lost_committed}))


if __name__ == "__main__":
    main()
