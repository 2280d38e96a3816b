#!/usr/bin/env python3
"""Fault scenarios against a private PostgreSQL and real service processes (docs/RELIABILITY.md).

Starts its own PostgreSQL cluster (initdb in a temp dir, loopback, its own port), one API process and two worker
processes from the Release build, then runs bounded scenarios and prints, per scenario, the uploads accepted (202),
lost (a 202 job that never ended), duplicated (more than one job or result per upload), ghost (a job exists for an
upload whose client got an error) and 5xx counts (500 and 503, and 503s with Retry-After).

  bash scripts/faults.sh [kill9] [orphan] [pg-restart] [sigterm] [exhaust] [exhaust-budget] [oversize]     (default: all)

Environment: FAULTS_PG_PORT (5499), FAULTS_API_PORT (8106), FAULTS_SCALE (1.0: multiplies the upload counts).
Only stdlib; only loopback; every process it starts is stopped by pid at the end.
"""
import glob, http.client, json, os, shutil, signal, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DLL = os.path.join(ROOT, "src/ParseJobs.Api/bin/Release/net10.0/ParseJobs.Api.dll")
PG_PORT = int(os.environ.get("FAULTS_PG_PORT", "5499"))
API_PORT = int(os.environ.get("FAULTS_API_PORT", "8106"))
SCALE = float(os.environ.get("FAULTS_SCALE", "1.0"))
API = f"http://127.0.0.1:{API_PORT}"
IS_ROOT = os.geteuid() == 0
SAMPLE_PDF = open(os.path.join(ROOT, "samples/cv.pdf"), "rb").read()


def log(msg):
    print(f"[faults {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---------------------------------------------------------------- PostgreSQL of our own
class Postgres:
    def __init__(self):
        bindirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]))
        self.bin = bindirs[-1] if bindirs else os.path.dirname(shutil.which("initdb") or "/usr/bin/initdb")
        self.dir = tempfile.mkdtemp(prefix="pj-faults-pg-")  # not "parsejobs-*": nodes clean their own temp leftovers
        os.chmod(self.dir, 0o777)
        self.data = os.path.join(self.dir, "data")
        self.logfile = os.path.join(self.dir, "postgres.log")

    def _as_pg(self, args, **kw):
        cmd = (["runuser", "-u", "postgres", "--"] if IS_ROOT else []) + args
        return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)

    def ctl(self, *args):
        opts = f"-p {PG_PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.dir} -c max_connections={self.max_connections}"
        return self._as_pg([f"{self.bin}/pg_ctl", "-D", self.data, "-o", opts, "-l", self.logfile, "-w", "-t", "60", *args])

    def start(self, max_connections=100):
        self.max_connections = max_connections
        if not os.path.exists(self.data):
            self._as_pg([f"{self.bin}/initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8"])
        self.ctl("start")

    def restart(self, mode="fast", max_connections=None):
        if max_connections:
            self.max_connections = max_connections
        self.ctl("restart", "-m", mode)

    def stop(self):
        try:
            self.ctl("stop", "-m", "fast")
        except subprocess.CalledProcessError:
            try:  # never leave the private server running
                with open(os.path.join(self.data, "postmaster.pid")) as f:
                    os.kill(int(f.readline()), signal.SIGQUIT)
            except (OSError, ValueError):
                pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def sql(self, sql, db="postgres"):
        for attempt in range(30):  # the scenarios restart the server: wait for it
            out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", db, "-XtAq", "-v", "ON_ERROR_STOP=1", "-c", sql],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if out.returncode == 0:
                return out.stdout.strip()
            if out.returncode != 2:
                raise RuntimeError(f"psql: {out.stderr.strip()}")
            time.sleep(1)
        raise RuntimeError(f"psql: {out.stderr.strip()}")


def cs(db):
    # A non-superuser role, as a deployment would use: PostgreSQL reserves slots for superusers.
    return f"Host=127.0.0.1;Port={PG_PORT};Database={db};Username=chaos;Password=chaos"


# ---------------------------------------------------------------- service processes
class Node:
    def __init__(self, db, role, port, name, extra=None):
        env = dict(os.environ, ConnectionStrings__Postgres=cs(db), Hosting__Role=role, ASPNETCORE_URLS=f"http://127.0.0.1:{port}",
                   ASPNETCORE_ENVIRONMENT="Production", Database__MigrateOnStartup="false", Worker__InvisibilityTimeoutSeconds="30",
                   Serilog__MinimumLevel__Default="Warning", **(extra or {}))
        self.name = name
        self.logpath = os.path.join(tempfile.gettempdir(), f"pj-faults-{name}-{os.getpid()}.log")
        self.proc = subprocess.Popen(["dotnet", DLL], env=env, cwd=ROOT, stdout=open(self.logpath, "w"), stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)

    def peak_rss_mib(self):
        """The process's high-water mark of resident memory (VmHWM), in MiB; None once it has exited."""
        try:
            with open(f"/proc/{self.proc.pid}/status", encoding="ascii") as f:
                return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) / 1024
        except (OSError, StopIteration):
            return None

    def signal(self, sig):
        if self.proc.poll() is None:
            os.kill(self.proc.pid, sig)

    def stop(self, timeout=60):
        self.signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.proc.wait()


def wait_ready(url, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/health/ready", timeout=5) as r:
                if r.status == 200:
                    return
        except Exception:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} not ready after {timeout} s")


# ---------------------------------------------------------------- HTTP client
def multipart(fields, filename, content):
    boundary = uuid.uuid4().hex
    parts = []
    for k, v in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                 f'Content-Type: application/octet-stream\r\n\r\n'.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def upload(key, data_id, filename, content, timeout=120):
    body, ctype = multipart({"data_id": data_id}, filename, content)
    rec = {"data_id": data_id, "status": None, "retry_after": None, "job_id": None, "error": None}
    conn = http.client.HTTPConnection("127.0.0.1", API_PORT, timeout=timeout)
    try:
        conn.putrequest("POST", "/v1/parse")
        conn.putheader("Authorization", f"Bearer {key}")
        conn.putheader("Content-Type", ctype)
        conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        try:
            for i in range(0, len(body), 1 << 20):
                conn.send(body[i:i + (1 << 20)])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered early (413) and closed: read that answer
        r = conn.getresponse()
        data = r.read()
        rec["status"] = r.status
        rec["retry_after"] = r.getheader("Retry-After")
        if r.status == 202:
            rec["job_id"] = json.loads(data)["job_id"]
    except Exception as e:  # refused, reset, timeout
        rec["error"] = type(e).__name__
    finally:
        conn.close()
    return rec


def cv_text(i):
    return (f"Candidate {i}\nSoftware engineer\ncandidate{i}@example.com\n\nExperience\n"
            f"Backend developer, Firma {i} GmbH, Berlin, 01/2019 - present\nC#, PostgreSQL, Docker\n").encode()


def document(i):
    return ("cv.pdf", SAMPLE_PDF) if i % 3 == 0 else ("cv.txt", cv_text(i))


class Load:
    """Uploads from threads; every answer recorded."""
    def __init__(self, key, prefix):
        self.key, self.prefix, self.records, self.lock = key, prefix, [], threading.Lock()

    def run(self, count, threads, pause=0.0, barrier=False, until=None):
        todo = list(range(count))
        gate = threading.Barrier(threads) if barrier else None

        def worker():
            if gate:
                gate.wait()
            while True:
                with self.lock:
                    if not todo or (until and until()):
                        return
                    i = todo.pop(0)
                name, content = document(i)
                rec = upload(self.key, f"{self.prefix}-{i}", name, content)
                with self.lock:
                    self.records.append(rec)
                if pause:
                    time.sleep(pause)

        ts = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
        for t in ts:
            t.start()
        return ts


# ---------------------------------------------------------------- counting
def jobs_of(pg, db, prefix):
    rows = pg.sql(f"select j.data_id, j.id, j.status, (select count(*) from parsejobs.job_results r where r.job_id = j.id) "
                  f"from parsejobs.jobs j where j.data_id like '{prefix}-%'", db)
    return [line.split("|") for line in rows.splitlines() if line]


def wait_terminal(pg, db, prefix, accepted_ids, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        rows = {r[1]: r for r in jobs_of(pg, db, prefix)}
        if all(rows.get(j, [None, None, "missing"])[2] in ("Completed", "Failed", "completed", "failed") for j in accepted_ids):
            return
        time.sleep(2)


def count(pg, db, prefix, records):
    rows = jobs_of(pg, db, prefix)
    by_data = {}
    for data_id, job_id, status, results in rows:
        by_data.setdefault(data_id, []).append((job_id, status.lower(), int(results)))
    accepted = [r for r in records if r["status"] == 202]
    refused = [r for r in records if r["status"] != 202]
    lost = sum(1 for r in accepted if not any(j == r["job_id"] and s in ("completed", "failed") for j, s, _ in by_data.get(r["data_id"], [])))
    duplicated = sum(1 for jobs in by_data.values() if len(jobs) > 1 or any(n > 1 for _, _, n in jobs))
    ghosts = [r for r in refused if r["data_id"] in by_data]
    ghost_pending = sum(1 for r in ghosts if any(s in ("pending", "running") for _, s, _ in by_data[r["data_id"]]))
    codes = {}
    for r in records:
        k = str(r["status"] or r["error"])
        codes[k] = codes.get(k, 0) + 1
    return {
        "uploads": len(records), "accepted": len(accepted), "lost": lost, "duplicated": duplicated,
        "ghost": len(ghosts), "ghost_never_run": ghost_pending,
        "500": sum(1 for r in records if r["status"] == 500),
        "503": sum(1 for r in records if r["status"] == 503),
        "503_retry_after": sum(1 for r in records if r["status"] == 503 and r["retry_after"]),
        "other_5xx": sum(1 for r in records if r["status"] and r["status"] >= 500 and r["status"] not in (500, 503)),
        "no_answer": sum(1 for r in records if r["status"] is None),
        "codes": codes,
    }


# ---------------------------------------------------------------- scenarios
STACKS = []


class Stack:
    """A fresh database, an API node and two worker nodes."""
    def __init__(self, pg, name, node_env=None, api_env=None, worker_env=None):
        STACKS.append(self)
        self.api, self.workers = None, []
        self.pg, self.db = pg, f"faults_{name.replace('-', '_')}"
        pg.sql(f"drop database if exists {self.db} with (force)")
        pg.sql(f"create database {self.db} owner chaos")
        env = dict(os.environ, ConnectionStrings__Postgres=cs(self.db), Serilog__MinimumLevel__Default="Warning")
        subprocess.run(["dotnet", DLL, "migrate"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run(["dotnet", DLL, "keys", "create", "--org", "chaos", "--scopes", "jobs:read,jobs:write"], env=env, cwd=ROOT,
                             check=True, stdout=subprocess.PIPE, text=True).stdout
        self.key = out.strip().splitlines()[-1]
        self.env = node_env or {}
        self.worker_env = {**self.env, **(worker_env or {})}
        self.api = Node(self.db, "Api", API_PORT, f"{name}-api", {**self.env, **(api_env or {})})
        self.workers = [Node(self.db, "Worker", 0, f"{name}-w{i}", self.worker_env) for i in (1, 2)]
        wait_ready(API)
        time.sleep(3)  # workers announce themselves

    def add_worker(self, name):
        self.workers.append(Node(self.db, "Worker", 0, name, self.worker_env))

    def stop(self):
        for n in [self.api, *self.workers]:
            if n is not None:
                n.stop()
        self.api, self.workers = None, []


def scenario_kill9(pg):
    s = Stack(pg, "kill9")
    load = Load(s.key, "k9")
    ts = load.run(int(120 * SCALE), threads=8)
    wait_for(lambda: sum(1 for r in jobs_of(pg, s.db, "k9") if r[2].lower() in ("completed", "failed")) >= 15, 120)
    s.workers[0].signal(signal.SIGKILL)
    log("killed worker 1 (kill -9)")
    s.add_worker("kill9-w3")
    join(ts)
    return finish(s, load, "k9", 240)


def scenario_pg_restart(pg):
    s = Stack(pg, "pg-restart")
    load = Load(s.key, "pr")
    ts = load.run(int(120 * SCALE), threads=6, pause=0.3)
    time.sleep(4)
    started = time.time()
    pg.restart("fast")
    log(f"PostgreSQL restarted (fast) in {time.time() - started:.1f} s")
    time.sleep(3)
    pg.restart("immediate")
    log("PostgreSQL restarted (immediate)")
    join(ts)
    return finish(s, load, "pr", 240)


def scenario_sigterm(pg):
    s = Stack(pg, "sigterm")
    load = Load(s.key, "st")
    ts = load.run(int(80 * SCALE), threads=6)
    wait_for(lambda: sum(1 for r in jobs_of(pg, s.db, "st") if r[2].lower() in ("completed", "failed")) >= 10, 120)
    s.workers[0].signal(signal.SIGTERM)
    log("SIGTERM to worker 1")
    join(ts)
    return finish(s, load, "st", 240)


def scenario_orphan(pg):
    # A dead worker's jobs under a backlog: 300 uploads queued at once, a steady feed on top, kill -9 of worker 1 while
    # it runs jobs. Its jobs stay "running" until the invisibility timeout (30 s here) has passed and the sweeper
    # (every 15 s) has put their queue entries first; measured: kill -9 until each orphan's next attempt started,
    # and the backlog (pending jobs) at that moment.
    s = Stack(pg, "orphan")
    load = Load(s.key, "or")
    join(load.run(int(300 * SCALE), threads=8))
    wait_for(lambda: sum(1 for r in jobs_of(pg, s.db, "or") if r[2].lower() in ("completed", "failed")) >= 15, 120)
    killed_at = time.time()
    s.workers[0].signal(signal.SIGKILL)
    running = pg.sql("select id from parsejobs.jobs where status = 'Running'", s.db).split()
    pending_at_kill = int(pg.sql("select count(*) from parsejobs.jobs where status = 'Pending'", s.db))
    log(f"killed worker 1 (kill -9) with {len(running)} jobs running, {pending_at_kill} pending")
    done = {}
    feed = Load(s.key, "or-feed")
    ids = ",".join(f"'{j}'" for j in running) or "null"
    measured = threading.Event()
    ts = feed.run(100000, threads=1, pause=0.2, until=lambda: measured.is_set() or time.time() > killed_at + 240)
    deadline = killed_at + 240
    while time.time() < deadline:
        rows = pg.sql(f"select id, attempt_count, extract(epoch from started_at), (select count(*) from parsejobs.jobs where status = 'Pending') "
                      f"from parsejobs.jobs where id in ({ids}) and attempt_count > 1", s.db)
        for line in rows.splitlines():
            job, attempts, started, pending = line.split("|")
            done.setdefault(job, (round(float(started) - killed_at, 1), int(pending)))
        if done and all(pg.sql(f"select status from parsejobs.jobs where id = '{j}'", s.db) in ("Completed", "Failed") for j in done) \
                and time.time() > killed_at + 60:
            break
        time.sleep(0.5)
    measured.set()
    join(ts)
    result = finish(s, load, "or", 300)
    feed_result = count(pg, s.db, "or-feed", feed.records)
    result["orphans"] = len(done)
    result["pending_at_kill"] = pending_at_kill
    result["pickup_seconds"] = sorted(v[0] for v in done.values())
    result["pending_at_pickup"] = [v[1] for v in sorted(done.values())]
    result["feed_accepted"] = feed_result["accepted"]
    result["feed_lost"] = feed_result["lost"]
    return result


def scenario_exhaust(pg, name="exhaust", node_env=None, api_env=None, worker_env=None):
    pg.restart("fast", max_connections=40)
    try:
        s = Stack(pg, name, node_env, api_env, worker_env)
        log(f"{name}: connections after start-up: {pg.sql('select count(*) from pg_stat_activity where usename = ' + chr(39) + 'chaos' + chr(39))}")
        load = Load(s.key, "ex")
        join(load.run(200, threads=200, barrier=True))
        after = Load(s.key, "recovery")
        join(after.run(20, threads=1))
        result = finish(s, load, "ex", 240)
        result["recovery_202_of_20"] = sum(1 for r in after.records if r["status"] == 202)
        return result
    finally:
        pg.restart("fast", max_connections=100)


def scenario_exhaust_budget(pg):
    # The same burst with the three nodes sized by Hosting/ConnectionBudget to share max_connections=40 (37 for
    # non-superusers): the API node EF 7 + Hangfire 4 (API-only default) + health 2 + listener 1 = 14; each worker node
    # EF 3 + Hangfire 5 (2 workers, 1 item worker, 2 for both servers' background work) + health 2 + listener 1 = 11;
    # 14 + 2 x 11 = 36.
    return scenario_exhaust(pg, "exhaust-budget", api_env={"Database__MaxPoolSize": "7"},
                            worker_env={"Database__MaxPoolSize": "3", "Worker__WorkerCount": "2", "Worker__ItemWorkerCount": "1",
                                        "Worker__HangfirePoolSize": "5"})


def scenario_oversize(pg):
    s = Stack(pg, "oversize")
    load = Load(s.key, "os")
    line = b"Jane Doe, engineer. " * 50 + b"\n"
    mib = 1024 * 1024
    sizes = {"21MiB": 21 * mib, "20MiB+1": 20 * mib + 1, "20MiB": 20 * mib, "19MiB": 19 * mib}
    peaks = {"api_before": s.api.peak_rss_mib(), "workers_before": [w.peak_rss_mib() for w in s.workers]}
    for label, size in sizes.items():
        content = (line * (size // len(line) + 1))[:size]
        rec = upload(s.key, f"os-{label}", "cv.txt", content)
        load.records.append(rec)
        log(f"upload {label}: {rec['status'] or rec['error']}")
    accepted = [r["job_id"] for r in load.records if r["status"] == 202]
    wait_terminal(s.pg, s.db, "os", accepted, 240)
    # What an accepted upload costs a node: the high-water mark of the API and of the workers that parsed them.
    peaks.update(api_after=s.api.peak_rss_mib(), workers_after=[w.peak_rss_mib() for w in s.workers])
    log(f"peak RSS MiB: {peaks}")
    result = finish(s, load, "os", 240)
    result["answers"] = {r["data_id"]: r["status"] for r in load.records}
    result["peak_rss_mib"] = peaks
    return result


def wait_for(cond, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline and not cond():
        time.sleep(0.5)


def join(threads):
    for t in threads:
        t.join()


def finish(stack, load, prefix, timeout):
    accepted = [r["job_id"] for r in load.records if r["status"] == 202]
    wait_terminal(stack.pg, stack.db, prefix, accepted, timeout)
    time.sleep(2)
    result = count(stack.pg, stack.db, prefix, load.records)
    stack.stop()
    return result


SCENARIOS = {"kill9": scenario_kill9, "orphan": scenario_orphan, "pg-restart": scenario_pg_restart, "sigterm": scenario_sigterm,
             "exhaust": scenario_exhaust, "exhaust-budget": scenario_exhaust_budget, "oversize": scenario_oversize}


def main():
    names = sys.argv[1:] or list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        sys.exit(f"unknown scenario(s) {unknown}; choose from {list(SCENARIOS)}")
    if not os.path.exists(DLL):
        sys.exit(f"{DLL} missing: build first (scripts/faults.sh does)")
    pg = Postgres()
    results = {}
    try:
        pg.start()
        pg.sql("create role chaos login password 'chaos'")
        log(f"PostgreSQL {pg.bin} on 127.0.0.1:{PG_PORT}, data in {pg.dir}")
        for name in names:
            log(f"scenario {name}")
            started = time.time()
            try:
                results[name] = SCENARIOS[name](pg)
            except Exception as e:  # a scenario that breaks is reported, the others still run
                results[name] = {"error": f"{type(e).__name__}: {e}"}
            finally:
                for stack in STACKS:
                    stack.stop()
            results[name]["seconds"] = round(time.time() - started)
            log(f"{name}: {json.dumps(results[name])}")
    finally:
        pg.stop()
    print()
    cols = ["uploads", "accepted", "lost", "duplicated", "ghost", "ghost_never_run", "500", "503", "503_retry_after", "other_5xx", "no_answer", "seconds"]
    print("| scenario | " + " | ".join(cols) + " |")
    print("| --- " * (len(cols) + 1) + "|")
    for name, r in results.items():
        print(f"| {name} | " + " | ".join(str(r.get(c, "-")) for c in cols) + " |")
    print()
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
