# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run every test of pos_lot_serial and print one closing line of counts.

Called by ``scripts/devenv.sh test`` (``make test``) once the venv, PostgreSQL
and the Odoo configuration are ready. The linters count one test per hook; each
pytest suite writes a JUnit report; all counts are summed. A skipped test
counts as a failure: Odoo skips browser tours silently when it cannot drive
Chromium, and a tour that did not run proves nothing.
"""

import argparse
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEST_DB = os.environ.get("TEST_DB", "pos_lot_serial_test")


def run(cmd, **kwargs):
    print("+", " ".join(str(part) for part in cmd), flush=True)
    return subprocess.run(cmd, check=False, **kwargs).returncode


def odoo(args, *extra):
    return [args.python, f"{args.odoo_src}/odoo-bin", "-c", args.odoo_rc, *extra]


def drop_db(name):
    run(["dropdb", "--if-exists", "--force", name])


def prepare_test_db(args):
    """Install the module with demo data in a new, empty database.

    ``product_expiry`` goes in first, as in the demo shop, so that the demo lots
    have expiry dates; the lifecycle suite covers a database without it. The
    module is installed with ``--dev=xml``; any warning it logs counts as a
    failed check. Returns ``(passed, failed, problems)`` for that check.
    """
    drop_db(TEST_DB)
    for modules, extra in (("product_expiry", []), ("pos_lot_serial", ["--dev=xml"])):
        command = odoo(
            args,
            "-d",
            TEST_DB,
            "-i",
            modules,
            "--with-demo",
            "--stop-after-init",
            "--log-level=warn",
            *extra,
        )
        print("+", " ".join(command), flush=True)
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        print(result.stdout, result.stderr, sep="\n", flush=True)
        if result.returncode:
            sys.exit(f"Installing {modules} in {TEST_DB} failed ({result.returncode}).")
    warnings = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if re.search(r" (WARNING|ERROR|CRITICAL) ", line)
        and "pos_lot_serial" in line
        and "addons path is not a directory" not in line
    ]
    if warnings:
        return 0, 1, ["install with --dev=xml logged: " + warnings[0][:300]]
    return 1, 0, []


def pytest_command(args, name, targets, *options):
    report = REPO / ".run" / f"junit-{name}.xml"
    report.unlink(missing_ok=True)
    command = [
        args.python,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        f"--junitxml={report}",
        "-o",
        f"junit_suite_name={name}",
        "-rfEs",
        *options,
        *targets,
    ]
    return command, report


def pytest(args, name, targets, *options):
    command, report = pytest_command(args, name, targets, *options)
    run(command, cwd=REPO)
    return report


def start_pytest(args, name, targets, *options):
    """Start a suite in the background, its output kept in ``.run/<name>.log``."""
    command, report = pytest_command(args, name, targets, *options)
    log = open(REPO / ".run" / f"{name}.log", "w")  # noqa: SIM115 (closed in finish)
    print("+ (background)", " ".join(command), flush=True)
    process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    return process, log, report


def finish_pytest(started):
    process, log, report = started
    process.wait()
    log.close()
    print(Path(log.name).read_text(), flush=True)
    return report


def run_lint():
    """Run ``make lint``'s hooks; return ``(passed, failed, problems)``."""
    print("+ scripts/devenv.sh lint", flush=True)
    result = subprocess.run(
        ["bash", str(REPO / "scripts" / "devenv.sh"), "lint"],
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout, result.stderr, sep="\n", flush=True)
    hooks = re.findall(r"^(.+?)\.{3,}(Passed|Failed|Skipped)$", result.stdout, re.M)
    failed = [name for name, outcome in hooks if outcome != "Passed"]
    if not hooks:
        return 0, 1, [f"lint: no hook ran (exit {result.returncode})"]
    if result.returncode and not failed:
        failed = [f"pre-commit exited {result.returncode}"]
    return len(hooks) - len(failed), len(failed), [f"lint: {name}" for name in failed]


def read_counts(report, name):
    """Return ``(passed, failed, problems)`` read from a JUnit report."""
    if not report.exists():
        return 0, 1, [f"{name}: the test runner crashed (no report)"]
    passed = failed = 0
    problems = []
    for case in ET.parse(report).iter("testcase"):
        label = f"{case.get('classname')}.{case.get('name')}"
        outcome = next(
            (
                child.tag
                for child in case
                if child.tag in ("failure", "error", "skipped")
            ),
            None,
        )
        if outcome is None:
            passed += 1
        else:
            failed += 1
            problems.append(f"{outcome}: {label}")
    if not passed and not failed:
        return 0, 1, [f"{name}: no test ran"]
    return passed, failed, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--odoo-src", required=True)
    parser.add_argument("--odoo-rc", required=True)
    parser.add_argument("--python", required=True)
    args = parser.parse_args()
    os.environ["ODOO_RC"] = args.odoo_rc
    os.environ["ODOO_SRC"] = args.odoo_src
    os.environ["POS_LOT_SERIAL_PYTHON"] = args.python
    started = time.monotonic()

    (REPO / ".run").mkdir(exist_ok=True)
    lint_counts = run_lint()
    # The install/uninstall suite works on a database of its own: run it beside.
    lifecycle = start_pytest(args, "lifecycle", ["tests_lifecycle"], "-p", "no:odoo")
    try:
        install_counts = prepare_test_db(args)
    except SystemExit:
        lifecycle[0].terminate()
        raise
    reports = [
        (
            "module",
            pytest(
                args,
                "module",
                ["pos_lot_serial/tests"],
                f"--odoo-database={TEST_DB}",
                "--odoo-http",
                "--odoo-log-level=warn",
            ),
        ),
        ("lifecycle", finish_pytest(lifecycle)),
    ]

    passed = lint_counts[0] + install_counts[0]
    failed = lint_counts[1] + install_counts[1]
    problems = lint_counts[2] + install_counts[2]
    for name, report in reports:
        suite_passed, suite_failed, suite_problems = read_counts(report, name)
        passed += suite_passed
        failed += suite_failed
        problems += suite_problems
    minutes, seconds = divmod(int(time.monotonic() - started), 60)
    print(f"\n== pos_lot_serial: every suite ran in {minutes} min {seconds} s ==")
    for problem in problems:
        print(f"  {problem}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
