"""Write output files atomically: a reader sees the old file or the complete new one, never half.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "map.html"
>>> write_atomic(target, b"<!doctype html>") == target, target.read_bytes()
(True, b'<!doctype html>')
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], content: bytes) -> Path:
    """Write ``content`` to a temporary file beside ``path``, then rename it into place.

    On any failure (including Ctrl-C) the temporary file is removed and an
    existing file at ``path`` is left as it was.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        msg = f"{path}: the folder {folder} does not exist: create it first or choose another output path"
        raise OutputError(msg)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        msg = f"{path}: cannot write in {folder} ({err.strerror}): choose another output path"
        raise OutputError(msg) from err
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as err:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(err, OSError):
            msg = f"{path}: cannot write this file ({err.strerror}): check the path and its permissions"
            raise OutputError(msg) from err
        raise
    return path
