"""Write output files atomically: a reader sees the old file or the complete new one, never half.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "map.html"
>>> write_atomic(target, b"<!doctype html>") == target, target.read_bytes()
(True, b'<!doctype html>')
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import threading
import zipfile
from pathlib import Path

from .errors import OutputError

__all__ = ["fixed_zip", "write_atomic"]

_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    """The process's umask (reading it means setting it, so briefly and under a lock)."""
    with _UMASK_LOCK:
        current = os.umask(0o077)
        os.umask(current)
    return current


def _mode_for(path: Path, new: int) -> int:
    """An existing file keeps its permissions; a new one gets ``new`` less the umask, as ``open`` would."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return new & ~_umask()


def write_atomic(path: str | os.PathLike[str], content: bytes, *, mode: int = 0o666) -> Path:
    """Write ``content`` to a temporary file beside ``path``, then rename it into place.

    A file replaced keeps its permissions; a new one gets ``mode`` less the
    umask (0o666: like any file the user's programs write; 0o600: private).
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
        os.chmod(temporary, _mode_for(path, mode))
        os.replace(temporary, path)
    except BaseException as err:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(err, OSError):
            msg = f"{path}: cannot write this file ({err.strerror}): check the path and its permissions"
            raise OutputError(msg) from err
        raise
    return path


def fixed_zip(data: bytes) -> bytes:
    """The same zip archive (an .xlsx, a .pptx) with every entry's timestamp fixed: equal content, equal bytes.

    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as archive:
    ...     archive.writestr("a.txt", "a")
    >>> zipfile.ZipFile(io.BytesIO(fixed_zip(buffer.getvalue()))).infolist()[0].date_time
    (1980, 1, 1, 0, 0, 0)
    """
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()
