"""Jinja's StrictUndefined for our templates (`JINJA_ENVIRONMENT["undefined"]`, set by `cli/build.py`).

A misspelt variable, or attribute of a view-model object (`org.nombr`), fails the build with
the template's file and line. The one exception is a key missing from a published YAML
mapping (an activity's `horario`, a contact's `web`): those keys are optional by schema, so
there a missing key is simply empty, as with Jinja's default.
"""

from __future__ import annotations

import jinja2
from jinja2.utils import missing


class StrictUndefined(jinja2.StrictUndefined):
    __slots__ = ()

    def __new__(cls, hint=None, obj=missing, name=None, exc=jinja2.UndefinedError):
        if isinstance(obj, dict):
            return jinja2.Undefined(hint, obj, name, exc)
        return super().__new__(cls)
