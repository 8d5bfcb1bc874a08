"""Rendering a verification report: text, markdown or JSON."""

from __future__ import annotations

from ..model import VerifyReport

_MARK = {"supported": "ok", "unsupported": "UNSUPPORTED", "contradicted": "CONTRADICTED"}


def render_verify(report: VerifyReport, fmt: str = "text") -> str:
    if fmt == "json":
        return report.model_dump_json(indent=2)
    lines: list[str] = []
    md = fmt == "markdown"
    if md:
        lines += ["# Verification", ""]
    for c in report.claims:
        head = f"[{_MARK[c.verdict]}] {c.text}"
        if c.question:
            head += f"   (answer to: {c.question})"
        lines.append(f"- **{_MARK[c.verdict]}** {c.text}" if md else head)
        for p in c.problems:
            lines.append(f"    - {p.kind}: {p.message}")
        if c.verdict != "supported" and c.evidence:
            lines.append(f"    - evidence: \"{c.evidence[0].text}\"")
    total = len(report.claims)
    lines += ["", f"{report.supported} of {total} supported, {report.unsupported} unsupported, {report.contradicted} contradicted"]
    return "\n".join(lines) + "\n"
