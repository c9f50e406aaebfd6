"""Run a file-writing job in a forked process while Pelican renders the pages.

The open-data files (XLSX above all) take about as long as rendering every profile;
on two cores they overlap. The child writes its files straight into the output
folder, each by parts as they are made (`FileParts`), and sends back only (name, size,
sha256) triples; an error in it fails the build with its traceback. Without `fork` (not
Linux) the job simply runs in this process.
What the job learned that this process keeps (`keep`) comes back the same way. Laid over
a published site (`published.py`), the child writes only the files whose bytes differ, and
the job may say of a file that the site holds it (`Placed`) without making its bytes.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cmosc.site.written import WrittenFiles


@dataclass(frozen=True)
class FileParts:
    """A file to write by parts, made as they are written (an open-data file is never held whole)."""

    save_as: str
    parts: Iterable[bytes]
    # The parts' sha256, once they are all taken, where their maker hashes them anyway (the
    # open data's files, for datapackage.json): they are not hashed twice.
    digest: Callable[[], bytes] | None = None


@dataclass(frozen=True)
class Placed:
    """A file the published site already holds, these bytes: recorded, not written again."""

    save_as: str
    size: int
    digest: bytes


def write_each(specs: Iterable[FileParts | Placed], files: WrittenFiles) -> list[tuple[str, int, bytes]]:
    """Write the files through `files`; (save_as, bytes, sha256) of each, also of those `Placed`."""
    written = []
    for spec in specs:
        if isinstance(spec, Placed):
            written.append((spec.save_as, spec.size, spec.digest))
            continue
        size = files.write_parts(spec.save_as, spec.parts, spec.digest)
        written.append((spec.save_as, size, files.digests[spec.save_as]))
    return written


# What a job learned, read once it has run, and how this process keeps it (with what was written).
Keep = tuple[Callable[[], Any], Callable[[Any, list[tuple[str, int, bytes]]], None]]


class Background:
    def __init__(
        self,
        job: Callable[[], Iterable[FileParts | Placed]],
        output: Path,
        keep: Keep | None = None,
        published=None,
        stale_before: int | None = None,
    ):
        """`published`, `stale_before`: as `WrittenFiles` takes them."""
        self._job, self._output, self._keep, self._published = job, output, keep, published
        self._stale_before = stale_before
        self._process = None
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context(
                "fork"
            )  # the child shares the site model, nothing is pickled
            self._reader, writer = context.Pipe(duplex=False)
            self._process = context.Process(target=self._child, args=(writer,), daemon=True)
            self._process.start()
            writer.close()

    def _write_all(self) -> list[tuple[str, int, bytes]]:
        return write_each(
            self._job(), WrittenFiles(self._output, self._published, stale_before=self._stale_before)
        )

    def _child(self, connection) -> None:
        try:
            written = self._write_all()
            connection.send(("ok", (written, self._keep[0]() if self._keep else None)))
        except BaseException:
            connection.send(("error", traceback.format_exc()))
        finally:
            connection.close()

    def result(self) -> list[tuple[str, int, bytes]]:
        """(save_as, bytes, sha256) of every file written; raises if the job failed."""
        if self._process is None:
            written = self._write_all()
            learned = self._keep[0]() if self._keep else None
        else:
            try:
                status, value = self._reader.recv()
            except EOFError:
                status, value = "error", "el proceso terminó sin responder"
            self._process.join()
            if status != "ok":
                raise RuntimeError(f"No se pudieron escribir los datos abiertos:\n{value}")
            written, learned = value
        if self._keep:
            self._keep[1](learned, written)
        return written


def stop_unfinished() -> None:
    """Stop the jobs of a build that failed before reading them: its staging folder is about to
    be removed, and a job still writing there would leave part of it behind."""
    for child in multiprocessing.active_children():
        child.terminate()
        child.join()
