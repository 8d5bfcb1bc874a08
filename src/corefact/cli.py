"""The ``corefact`` command line. Every flag maps one to one onto :class:`~corefact.options.Options`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import CorefactError
from .options import DEFAULT_MAX_BYTES

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True, help="Grounded explainers of news articles.")


def _fail(message: str) -> None:
    typer.echo(f"corefact: error: {message}", err=True)
    raise typer.Exit(2)


def read_source(path: str, max_bytes: int) -> tuple[bytes, str]:
    """Bytes of a file or of stdin ('-'), read no further than the size limit allows."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return data, "stdin"
    p = Path(path)
    if not p.exists():
        _fail(f"no such file: {path}")
    if p.is_dir():
        _fail(f"{path} is a directory, not an article file")
    with p.open("rb") as fh:
        return fh.read(max_bytes + 1), str(p)


def _date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--date must be YYYY-MM-DD, got {value!r}")


@app.command()
def explain(
    path: str = typer.Argument(..., help="Article file (text or HTML), or '-' for stdin."),
    format: str = typer.Option("text", "--format", "-f", help="text, markdown or json."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD (overrides the input's)."),
    questions: int = typer.Option(6, "--questions", "-q", min=1, max=30, help="Questions in the FAQ, core-fact question included."),
    sentences: int = typer.Option(4, "--sentences", "-s", min=1, max=20, help="Sentences in the brief."),
    facts: bool = typer.Option(False, "--facts", help="Show the key-facts block (text and markdown)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Largest input accepted."),
) -> None:
    """Explain one article: date, brief, key facts and FAQ."""
    from .options import Options
    from .pipeline import explain as run
    from .render import FORMATS, render

    if format not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, got {format!r}")
    data, origin = read_source(path, max_bytes)
    try:
        options = Options(sentences=sentences, questions=questions, date=_date(date), max_bytes=max_bytes)
        from .ingest import load_article

        article = load_article(data, date=options.date, origin=origin, max_bytes=max_bytes)
        result = run(article, options)
    except CorefactError as exc:
        _fail(str(exc))
    typer.echo(render(result, format, facts=facts), nl=False)


@app.command()
def ask(
    path: str = typer.Argument(..., help="Article file, or '-' for stdin."),
    question: str = typer.Argument(..., help="The question."),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Answer a question from the article, or say it is not answered there."""
    from .api import ask as run

    data, origin = read_source(path, DEFAULT_MAX_BYTES)
    try:
        result = run(data, question)
    except CorefactError as exc:
        _fail(str(exc))
    if format == "json":
        typer.echo(json.dumps(result, indent=2))
    elif result["answered"]:
        typer.echo(f"{result['answer']}\n\nEvidence: {result['evidence']['text']}")
    else:
        typer.echo("Not answered in the article.")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the explainer."""
    from .model import explainer_schema

    typer.echo(json.dumps(explainer_schema(), indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
