"""`cmosc servir` wakes on a save in a watched folder, not on files beside them, and knows which."""

from __future__ import annotations

import sys

import pytest

from cmosc.cli.file_events import FileEvents
from cmosc.cli.serve import SETTINGS_FILES, WATCHED_FOLDERS, snapshot, updated


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")
def test_wakes_on_and_names_watched_files_only(tmp_path):
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
        profile = tmp_path / "organizaciones" / "perfil.yml"
        profile.write_text("nombre: A\n")
        assert events.wait(2)
        events.quiet(0.05)
        assert not events.wait(0.05)  # drained
        assert events.take_changes() == {str(profile)}  # not the log, the swap file or .cache
        assert events.take_changes() == set()
        (tmp_path / "pelicanconf.py").write_text("SITENAME = 'x'\n")
        assert events.wait(2)
        assert events.take_changes() == {str(tmp_path / "pelicanconf.py")}
        (tmp_path / "theme" / "nueva").mkdir()
        assert events.wait(2)
        assert events.take_changes() is None  # a folder: its files are not known one by one
        events.rewatch()  # a folder created since: watched from now on
        events.quiet(0.05)
        css = tmp_path / "theme" / "nueva" / "estilo.css"
        css.write_text("a{}")
        assert events.wait(2)
        events.quiet(0.05)
        profile.rename(tmp_path / "organizaciones" / "otro.yml")
        assert events.wait(2)
        events.quiet(0.05)
        assert events.take_changes() == {
            str(css),
            str(profile),
            str(tmp_path / "organizaciones" / "otro.yml"),
        }
    finally:
        events.close()


def test_the_named_files_update_the_last_snapshot(tmp_path):
    for name in WATCHED_FOLDERS:
        (tmp_path / name).mkdir()
    kept, edited, gone = (tmp_path / "organizaciones" / f"{n}.yml" for n in ("a", "b", "c"))
    for path in (kept, edited, gone):
        path.write_text("nombre: A\n")
    seen = snapshot(tmp_path)
    edited.write_text("nombre: Otra\n")
    gone.unlink()
    new = tmp_path / "organizaciones" / "d.yml"
    new.write_text("nombre: D\n")
    named = {str(edited), str(gone), str(new)}
    assert updated(seen, named) == snapshot(tmp_path)
    assert str(kept) in seen and str(gone) in seen  # the last snapshot itself is kept as it was
    new.unlink()
    new.mkdir()
    assert updated(seen, {str(new)}) is None  # a folder now: a whole snapshot says what is in it
