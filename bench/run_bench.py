# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``make bench``: pos_lot_serial against Odoo core on the same data, as ratios.

Two databases are built from the same modules and demo data, one with Odoo core
only (point_of_sale, pos_sale), one with pos_lot_serial as well; ``probe.py``
generates the same data in each and measures. Every figure is a ratio
module/core taken in the same run; nothing here is a test.
"""

import argparse
import hashlib
import json
import os
import platform
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROBE = (Path(__file__).parent / "probe.py").read_text()
CORE_MODULES = "point_of_sale,pos_sale"

# name: (core figure, module figure, goal operator, goal value, unit)
GOALS = {
    "lookup_time_50000": ("<=", 0.05, "s"),
    "lookup_bytes_50000": ("<=", 0.01, "B"),
    "sync_time_200": ("<=", 1.0, "s"),
    "sync_queries_200": ("<=", 1.0, "q"),
    "startup_time": ("<=", 1.05, "s"),
    "popup_time": ("<=", 0.1, "s"),
}
POPUP = Path(__file__).parent / "popup_timing.py"


def run(cmd, **kwargs):
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kwargs)


def module_hash():
    digest = hashlib.sha1()
    for path in sorted((REPO / "pos_lot_serial").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def db_exists(name):
    out = subprocess.run(
        [
            "psql",
            "-d",
            "postgres",
            "-Atqc",
            f"select 1 from pg_database where datname='{name}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.strip() == "1"


def odoo(args, database, *extra, command=(), **kwargs):
    return run(
        [
            args.python,
            f"{args.odoo_src}/odoo-bin",
            *command,
            "-c",
            args.odoo_rc,
            "-d",
            database,
            *extra,
        ],
        **kwargs,
    )


def bench_databases():
    """Names of the databases this benchmark made (templates and work copies)."""
    out = subprocess.run(
        [
            "psql",
            "-d",
            "postgres",
            "-Atqc",
            "select datname from pg_database "
            "where datname like 'pos_lot_serial_bench_%'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.split()


def template(args, name, modules, key, base=None):
    """A database with ``modules`` and demo data, kept while ``key`` is the same.

    Templates of an older ``key`` are dropped. With ``base``, the database starts
    as a copy of that template and only ``modules`` are installed on it.
    """
    db = f"pos_lot_serial_bench_{name}_{key}"
    for stale in bench_databases():
        if stale.startswith(f"pos_lot_serial_bench_{name}_") and stale != db:
            subprocess.run(["dropdb", "--if-exists", "--force", stale], check=True)
    if not db_exists(db):
        # Built under another name: a failed install leaves no template behind.
        building = f"{db}_building"
        subprocess.run(["dropdb", "--if-exists", "--force", building], check=True)
        if base:
            run(["createdb", "-T", base, building])
        odoo(
            args,
            building,
            "-i",
            modules,
            "--with-demo",
            "--stop-after-init",
            "--log-level=warn",
        )
        rename = f'ALTER DATABASE "{building}" RENAME TO "{db}"'
        run(["psql", "-d", "postgres", "-c", rename])
    return db


def probe(args, template_db, label):
    work = f"pos_lot_serial_bench_{label}_run"
    subprocess.run(["dropdb", "--if-exists", "--force", work], check=True)
    run(["createdb", "-T", template_db, work])
    try:
        out = odoo(
            args,
            work,
            "--no-http",
            "--log-level=warn",
            command=("shell",),
            input=PROBE,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        subprocess.run(["dropdb", "--if-exists", "--force", work], check=True)
    line = next(line for line in out.splitlines() if line.startswith("BENCHJSON "))
    return json.loads(line[len("BENCHJSON ") :])


def popup(args, template_db, label):
    """Time the lot pop-up in headless Chromium on a copy of ``template_db``."""
    work = f"pos_lot_serial_bench_{label}_run"
    out = Path(f"/tmp/pos_lot_serial_bench_popup_{label}.json")
    subprocess.run(["dropdb", "--if-exists", "--force", work], check=True)
    run(["createdb", "-T", template_db, work])
    try:
        run(
            [
                args.python,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                f"--odoo-database={work}",
                "--odoo-log-level=warn",
                "--odoo-http",
                str(POPUP),
            ],
            env={**os.environ, "BENCH_POPUP_OUT": str(out)},
            cwd=REPO,
        )
        return json.loads(out.read_text())
    finally:
        subprocess.run(["dropdb", "--if-exists", "--force", work], check=True)
        out.unlink(missing_ok=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--odoo-src", required=True)
    parser.add_argument("--odoo-rc", required=True)
    parser.add_argument("--python", required=True)
    args = parser.parse_args()
    os.environ["ODOO_RC"] = args.odoo_rc
    started = time.monotonic()

    core_db = template(args, "core", CORE_MODULES, "19")
    module_db = template(args, "module", "pos_lot_serial", module_hash(), base=core_db)
    core = probe(args, core_db, "core")
    module = probe(args, module_db, "module")
    assert not core.pop("module") and module.pop("module"), "wrong databases"
    if os.environ.get("BENCH_POPUP", "1") != "0":
        core["popup_time"] = popup(args, core_db, "core")["popup_time"]
        module["popup_time"] = popup(args, module_db, "module")["popup_time"]

    print(
        f"\n== make bench, {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"{os.cpu_count()} cores, {int(time.monotonic() - started)} s =="
    )
    print(f"{'figure':<22}{'core':>14}{'module':>14}{'module/core':>14}")
    for name in core:
        ratio = module[name] / core[name] if core[name] else float("inf")
        print(f"{name:<22}{core[name]:>14.4g}{module[name]:>14.4g}{ratio:>14.4f}")
    print()
    failed = 0
    for name, (op, goal, _unit) in GOALS.items():
        if name not in core:
            print(f"(no {name}: this run measured other sizes)")
            continue
        ratio = module[name] / core[name] if core[name] else float("inf")
        ok = ratio <= goal
        failed += not ok
        print(
            f"BENCH {name} core={core[name]:.6g} module={module[name]:.6g} "
            f"ratio={ratio:.4f} goal={op}{goal} {'pass' if ok else 'fail'}"
        )
    measured = sum(1 for name in GOALS if name in core)
    print(f"{measured - failed} of {measured} goals pass (a report, not a test)")


if __name__ == "__main__":
    main()
