# Sourced by the other scripts: make sure .venv exists with Python >= 3.11 and set $VENV.
VENV="${VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
    PYTHON="${PYTHON:-python3}"
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "stakeholders needs Python 3.11 or newer; set PYTHON=/path/to/python3.11" >&2
        exit 1
    fi
    "$PYTHON" -m venv "$VENV"
fi
