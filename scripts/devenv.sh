#!/usr/bin/env bash
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
#
# The one script behind the Makefile: prepares the Python venv, PostgreSQL and the
# Odoo configuration, then starts the demo shop, runs the tests or the benchmark.
#
#   scripts/devenv.sh setup   venv + PostgreSQL + odoo.conf, nothing else
#   scripts/devenv.sh run     set-up, demo database, Odoo on http://localhost:8069
#   scripts/devenv.sh test    set-up, fresh test database, every test (lint included)
#   scripts/devenv.sh lint    the linters alone (pre-commit, local hooks)
#   scripts/devenv.sh bench   pos_lot_serial against Odoo core, as ratios
#   scripts/devenv.sh odoo …  run odoo-bin with the project's configuration
#
# Environment: ODOO_SRC (Odoo 19.0 source tree, default /opt/odoo19),
# POS_LOT_SERIAL_CACHE (venv, private PostgreSQL cluster, filestore; default
# /var/cache/pos_lot_serial), HTTP_PORT (default 8069), PG* (an existing server).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo19}
CACHE=${POS_LOT_SERIAL_CACHE:-/var/cache/pos_lot_serial}
HTTP_PORT=${HTTP_PORT:-8069}
DEMO_DB=${DEMO_DB:-pos_lot_serial_demo}
PYTHON=${PYTHON:-python3.11}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
RUN_DIR=$REPO/.run
ODOO_UPSTREAM=https://github.com/odoo/odoo.git

log() { printf '\033[1m[pos_lot_serial]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[pos_lot_serial] %s\033[0m\n' "$*" >&2; exit 1; }

# --- Odoo source --------------------------------------------------------------------
ensure_odoo_src() {
    if [ -f "$ODOO_SRC/odoo-bin" ] && [ -d "$ODOO_SRC/addons/point_of_sale" ]; then
        return
    fi
    if [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
        die "ODOO_SRC=$ODOO_SRC exists but is not an Odoo 19.0 source tree
(odoo-bin and addons/point_of_sale are missing)."
    fi
    log "No Odoo tree in $ODOO_SRC: trying a shallow clone of the 19.0 branch"
    if git clone --quiet --depth 1 --branch 19.0 "$ODOO_UPSTREAM" "$ODOO_SRC" \
        2>"$CACHE_TMP/clone.log"; then
        return
    fi
    rm -rf "$ODOO_SRC"
    die "Cannot find or download Odoo 19.0 Community.
Provide its source tree (the folder holding odoo-bin, odoo/ and addons/) and
either put it at /opt/odoo19 or point ODOO_SRC at it, e.g.:
    make test ODOO_SRC=/path/to/odoo-19.0
The clone of $ODOO_UPSTREAM failed with: $(tail -n 1 "$CACHE_TMP/clone.log")"
}

# --- Python -------------------------------------------------------------------------
# Bump when the way the venv is built changes: a new key builds a new venv.
VENV_RECIPE=1

venv_key() {
    { cat "$ODOO_SRC/requirements.txt" "$REPO/requirements-dev.txt"
      echo "$VENV_RECIPE"; } | sha1sum | cut -c1-12
}

ensure_venv() {
    VENV=$CACHE/venv-$(venv_key)
    if [ -f "$VENV/.complete" ]; then
        return
    fi
    command -v "$PYTHON" >/dev/null || die "$PYTHON is required (Odoo 19 on Python 3.11)."
    log "Creating the Python venv in $VENV (first run only, a few minutes)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --upgrade "pip>=25.3"
    # cbor2 5.4.2 (pinned by Odoo) only builds with an older setuptools.
    echo "setuptools<81" >"$VENV/build-constraints.txt"
    # python-ldap needs system headers and is only used by auth_ldap.
    grep -v -i '^python-ldap' "$ODOO_SRC/requirements.txt" >"$VENV/odoo-requirements.txt"
    "$VENV/bin/pip" install --quiet --build-constraint "$VENV/build-constraints.txt" \
        -r "$VENV/odoo-requirements.txt" -r "$REPO/requirements-dev.txt"
    "$VENV/bin/pip" install --quiet --no-deps -e "$ODOO_SRC"
    touch "$VENV/.complete"
}

# --- Lint tools ---------------------------------------------------------------------
ensure_lint_tools() {
    local key
    key=$(cat "$REPO/requirements-lint.txt" | sha1sum | cut -c1-12)
    LINT_VENV=$CACHE/lint-venv-$key
    if [ ! -f "$LINT_VENV/.complete" ]; then
        log "Installing the Python linters in $LINT_VENV"
        rm -rf "$LINT_VENV"
        "$PYTHON" -m venv "$LINT_VENV"
        "$LINT_VENV/bin/pip" install --quiet -r "$REPO/requirements-lint.txt"
        touch "$LINT_VENV/.complete"
    fi
    command -v npm >/dev/null || die "npm (Node.js) is required for prettier and eslint."
    local stamp=$REPO/node_modules/.package-lock.sha1
    if [ "$(cat "$stamp" 2>/dev/null)" != "$(sha1sum <"$REPO/package-lock.json")" ]; then
        log "Installing prettier and eslint (npm ci)"
        (cd "$REPO" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
        sha1sum <"$REPO/package-lock.json" >"$stamp"
    fi
    export LINT_VENV NODE_TOOLS=$REPO
}

cmd_lint() {
    mkdir -p "$CACHE"
    ensure_lint_tools
    cd "$REPO"
    PRE_COMMIT_HOME=$CACHE/pre-commit "$LINT_VENV/bin/pre-commit" run --all-files \
        --color=never
}

# --- System packages ----------------------------------------------------------------
ensure_system_packages() {
    local missing=()
    [ -x "$PG_BIN/postgres" ] || missing+=(postgresql)
    command -v chromium >/dev/null || missing+=(chromium)
    [ ${#missing[@]} -eq 0 ] && return
    if [ "$(id -u)" != 0 ]; then
        die "Missing Debian packages: ${missing[*]} (install them: apt-get install ${missing[*]})"
    fi
    log "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- PostgreSQL ---------------------------------------------------------------------
as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

ensure_postgres() {
    if [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ] && psql -d postgres -Atqc 'select 1' \
        >/dev/null 2>&1; then
        DB_HOST=${PGHOST:-}
        DB_PORT=${PGPORT:-}
        DB_USER=${PGUSER:-$(id -un)}
        DB_PASSWORD=${PGPASSWORD:-}
        log "Using the PostgreSQL server of the PG* variables"
        return
    fi
    local pgdata=$CACHE/pg/data sock=$CACHE/pg/run
    DB_HOST=$sock
    DB_PORT=5432
    DB_USER=odoo
    DB_PASSWORD=
    export PGHOST=$sock PGPORT=5432 PGUSER=odoo
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || die "The postgres system user is missing."
        chown postgres "$CACHE/pg"
    fi
    if [ ! -f "$pgdata/PG_VERSION" ]; then
        log "Initialising a private PostgreSQL cluster in $pgdata"
        as_postgres "$PG_BIN/initdb" -D "$pgdata" -E UTF8 --locale=C.UTF-8 \
            --auth=trust -U postgres >/dev/null
    fi
    as_postgres mkdir -p "$sock"
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
        log "Starting PostgreSQL (Unix socket in $sock)"
        as_postgres "$PG_BIN/pg_ctl" -D "$pgdata" -l "$CACHE/pg/server.log" -w start \
            -o "-c listen_addresses='' -c unix_socket_directories='$sock' -p 5432" \
            >/dev/null
    fi
    if ! psql -U postgres -d postgres -Atqc "select 1 from pg_roles where rolname='odoo'" \
        | grep -q 1; then
        psql -U postgres -d postgres -qc "create role odoo login superuser" >/dev/null
    fi
}

# --- Odoo configuration -------------------------------------------------------------
write_config() {
    mkdir -p "$RUN_DIR"
    ODOO_RC=$RUN_DIR/odoo.conf
    cat >"$ODOO_RC" <<CONF
[options]
addons_path = $ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$REPO
data_dir = $CACHE/data
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = $DB_PASSWORD
admin_passwd = admin
http_interface = 127.0.0.1
http_port = $HTTP_PORT
gevent_port = $((HTTP_PORT + 3))
list_db = True
log_level = info
CONF
    export ODOO_RC
}

setup() {
    mkdir -p "$CACHE/pg"
    chmod 755 "$CACHE"
    CACHE_TMP=$(mktemp -d)
    ensure_odoo_src
    ensure_system_packages
    ensure_venv
    ensure_postgres
    write_config
}

odoo() {
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_RC" "$@"
}

db_exists() {
    psql -d postgres -Atqc "select 1 from pg_database where datname='$1'" | grep -q 1
}

module_hash() {
    (cd "$REPO" && find pos_lot_serial -type f ! -name '*.pyc' -print0 | sort -z \
        | xargs -0 sha1sum) | sha1sum | cut -c1-12
}

# --- Commands -----------------------------------------------------------------------
cmd_run() {
    setup
    local stamp=$CACHE/$DEMO_DB.module-hash hash
    hash=$(module_hash)
    if ! db_exists "$DEMO_DB"; then
        log "Creating $DEMO_DB with demo data (first run only, about two minutes)"
        # product_expiry first, so that the demo lots get their expiry dates.
        odoo -d "$DEMO_DB" -i product_expiry --with-demo --stop-after-init \
            --log-level=warn
        odoo -d "$DEMO_DB" -i pos_lot_serial --stop-after-init --log-level=warn
        echo "$hash" >"$stamp"
    elif [ "$(cat "$stamp" 2>/dev/null)" != "$hash" ]; then
        log "The module changed since the last run: updating it in $DEMO_DB"
        odoo -d "$DEMO_DB" -u pos_lot_serial --stop-after-init --log-level=warn
        echo "$hash" >"$stamp"
    fi
    log "Demo shop: http://localhost:$HTTP_PORT/odoo/point-of-sale (admin / admin)"
    log "Point of Sale: http://localhost:$HTTP_PORT/pos/ui?config_id=$(demo_config_id)"
    exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_RC" -d "$DEMO_DB" \
        --db-filter="^$DEMO_DB\$"
}

demo_config_id() {
    psql -d "$DEMO_DB" -Atqc "select res_id from ir_model_data
        where module='pos_lot_serial' and name='pos_config_demo_shop'" 2>/dev/null \
        || echo ""
}

cmd_test() {
    setup
    exec "$VENV/bin/python" "$REPO/scripts/run_tests.py" \
        --odoo-src "$ODOO_SRC" --odoo-rc "$ODOO_RC" --python "$VENV/bin/python"
}

case "${1:-}" in
    setup) setup; log "Ready: venv $VENV, config $ODOO_RC" ;;
    run) cmd_run ;;
    test) cmd_test ;;
    lint) cmd_lint ;;
    bench) setup; exec "$VENV/bin/python" "$REPO/bench/run_bench.py" \
        --odoo-src "$ODOO_SRC" --odoo-rc "$ODOO_RC" --python "$VENV/bin/python" ;;
    odoo) shift; setup; odoo "$@" ;;
    env) setup; echo "VENV=$VENV"; echo "ODOO_RC=$ODOO_RC"; echo "ODOO_SRC=$ODOO_SRC"
         echo "PGHOST=${PGHOST:-}"; echo "PGPORT=${PGPORT:-}"; echo "PGUSER=${PGUSER:-}" ;;
    *) die "usage: $0 setup|run|test|lint|bench|odoo ARGS|env" ;;
esac
