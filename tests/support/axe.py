"""axe-core (vendored) run in a Playwright page, and its violations in words."""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).parents[1] / "vendor" / "axe-core" / "axe.min.js"


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} → {targets}")
    return "\n".join(lines)


def axe_violations(page, within: str | None = None) -> list[dict]:
    """Run the vendored axe-core on the loaded page (or on the elements `within` selects):
    WCAG 2.1 A/AA plus best practices."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """within => axe.run(within ? {include: [[within]]} : document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
        resultTypes: ['violations']}).then(r => r.violations)""",
        within,
    )
