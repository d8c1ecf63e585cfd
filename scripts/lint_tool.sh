#!/usr/bin/env bash
# Run one linter from the tool folders prepared by scripts/devenv.sh
# (LINT_VENV for the Python tools, NODE_TOOLS for the npm ones).
set -euo pipefail
tool=$1
shift
for dir in "${LINT_VENV:-}/bin" "${NODE_TOOLS:-}/node_modules/.bin"; do
    if [ -x "$dir/$tool" ]; then
        exec "$dir/$tool" "$@"
    fi
done
echo "lint_tool.sh: $tool is not installed; run 'make lint'." >&2
exit 127
