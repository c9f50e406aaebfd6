"""Replace a directory by a freshly built one without ever leaving a half site.

The replaced site is kept beside it as a spare (`.output-anterior`), which the next build
takes as its staging folder and writes over (`claim_spare`, `written.py`). On ext4 without a
journal (as on the machines this runs on) a new inode skips those freed in the last minute,
five while their inode table is not yet written back, reading each to tell
(`recently_deleted`: a crash must not find them reused); so a build that made 5,400 new
files and folders while the old site was being deleted paid for every earlier deletion: its
system time grew from 0.25 to 1.8 s over a few consecutive builds at N=2000. Writing over the spare makes no new inodes and deletes
only what the new site no longer has; plain Pelican, which writes over its output in place,
never paid that. The cost is one more copy of the site on disk. A second spare (two builds
at once) is deleted by a separate `rm -rf` that the build does not wait for.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with renameat2(RENAME_EXCHANGE) where Linux offers it."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def remove_later(folder: Path) -> None:
    """Delete `folder` in a detached process (in this one where there is no `rm`)."""
    rm = shutil.which("rm")
    if rm is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    subprocess.Popen(
        [rm, "-rf", "--", str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # not stopped by a Ctrl+C meant for `cmosc servir`
    )


def spare_of(target: Path) -> Path:
    return target.with_name(f".{target.name}-anterior")


def claim_spare(staging: Path, target: Path) -> bool:
    """Move the site set aside by the last swap into `staging` (an empty folder), for this
    build to write over; whether there was one. A rename: two builds never get the same."""
    try:
        os.rename(spare_of(target), staging)
    except OSError:
        return False
    return True


def set_aside(folder: Path, target: Path) -> None:
    """Keep `folder` as the next build's spare, or delete it if a spare is there already."""
    try:
        os.rename(folder, spare_of(target))  # onto an empty folder or none: a full one refuses
    except OSError:
        remove_later(folder)


def swap_directory(new: Path, target: Path) -> None:
    if target.exists() and _exchange(new, target):
        set_aside(new, target)  # `new` now holds the old site
        return
    old = target.with_name(f".{target.name}-viejo-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        set_aside(old, target)
