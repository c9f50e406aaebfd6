"""Commits with fixed dates and authors, so tests of the git history know what to expect."""

from __future__ import annotations

import os
import subprocess


def commit(repo, day: str, subject: str, author: str = "Ana Pérez <ana.perez@ejemplo.org>"):
    name, email = author[:-1].split(" <")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_AUTHOR_DATE": f"{day}T12:00:00-03:00",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00-03:00",
    }
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", subject], cwd=repo, env=env, check=True)
