"""Published logos: each organization's logo resized to `organizaciones/<slug>/logo.<ext>`."""

from __future__ import annotations

from cmosc.profiles.logos import optimize
from cmosc.site.context import FileSpec, Site


def logos(site: Site, context: dict):
    for org in site.organizations:
        if org.logo_img:
            yield FileSpec(org.logo_img.save_as(org.slug), optimize(org.logo_img))
