"""`cmosc servir` wakes on a save in a watched folder, not on files beside them."""

from __future__ import annotations

import sys

import pytest

from cmosc.cli.file_events import FileEvents
from cmosc.cli.serve import SETTINGS_FILES, WATCHED_FOLDERS


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")
def test_wakes_on_watched_files_only(tmp_path):
    for name in WATCHED_FOLDERS:
        (tmp_path / name).mkdir()
    events = FileEvents(tmp_path, WATCHED_FOLDERS, SETTINGS_FILES)
    try:
        assert events.active
        assert not events.wait(0.05)
        (tmp_path / "servir.log").write_text("Sitio construido\n")  # the server's own log
        (tmp_path / "organizaciones" / ".perfil.yml.swp").write_text("x")  # an editor's
        (tmp_path / ".cache").mkdir()
        assert not events.wait(0.2)
        (tmp_path / "organizaciones" / "perfil.yml").write_text("nombre: A\n")
        assert events.wait(2)
        events.quiet(0.05)
        assert not events.wait(0.05)  # drained
        (tmp_path / "pelicanconf.py").write_text("SITENAME = 'x'\n")
        assert events.wait(2)
        (tmp_path / "theme" / "nueva").mkdir()
        assert events.wait(2)
        events.rewatch()  # a folder created since: watched from now on
        events.quiet(0.05)
        (tmp_path / "theme" / "nueva" / "estilo.css").write_text("a{}")
        assert events.wait(2)
    finally:
        events.close()
