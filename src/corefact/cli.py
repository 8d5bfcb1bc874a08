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
    path: str = typer.Argument(..., help="Article file (text or HTML), an http(s) URL, or '-' for stdin."),
    format: str = typer.Option("text", "--format", "-f", help="text, markdown, json or jsonld (schema.org FAQPage)."),
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
    from .service.fetch import is_url

    if not is_url(path):
        data, origin = read_source(path, max_bytes)
    try:
        options = Options(sentences=sentences, questions=questions, date=_date(date), max_bytes=max_bytes)
        from .ingest import load_article

        if is_url(path):  # the user's own machine: any address, the scheme still http(s) only
            from .service.fetch import load_url

            article = load_url(path, max_bytes=max_bytes, date=options.date, allow_private=True)
        else:
            article = load_article(data, date=options.date, origin=origin, max_bytes=max_bytes)
        result = run(article, options)
    except CorefactError as exc:
        _fail(str(exc))
    typer.echo(render(result, format, facts=facts), nl=False)


@app.command()
def ask(
    path: str = typer.Argument(..., help="Article file, an http(s) URL, or '-' for stdin."),
    question: str = typer.Argument(..., help="The question."),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Answer a question from the article, or say it is not answered there."""
    from .api import ask as run
    from .service.fetch import is_url

    data = None if is_url(path) else read_source(path, DEFAULT_MAX_BYTES)[0]
    try:
        if data is None:
            from .service.fetch import load_url

            data = load_url(path, allow_private=True)
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
def verify(
    original: str = typer.Argument(..., help="The original article (text or HTML), or '-' for stdin."),
    rewrite: str = typer.Argument(..., help="The rewrite to check (text, HTML, or corefact's text layout), or '-'."),
    format: str = typer.Option("text", "--format", "-f", help="text, markdown or json."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date of the original YYYY-MM-DD."),
    strict: bool = typer.Option(False, "--strict", help="Also require each sentence to keep close to the original's wording."),
) -> None:
    """Check every sentence of a rewrite against its original. Exit 0 when all are supported, 1
    when any is not, 2 for bad input."""
    from .render.verify import render_verify
    from .verification import verify as run

    if format not in ("text", "markdown", "json"):
        _fail(f"--format must be one of text, markdown, json, got {format!r}")
    if original == "-" and rewrite == "-":
        _fail("only one of ORIGINAL and REWRITE can be '-'")
    orig_data, _ = read_source(original, DEFAULT_MAX_BYTES)
    rw_data, _ = read_source(rewrite, DEFAULT_MAX_BYTES)
    try:
        report = run(orig_data, rw_data, date=_date(date), strict=strict)
    except CorefactError as exc:
        _fail(str(exc))
    typer.echo(render_verify(report, format), nl=False)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes (each loads the pipeline once)."),
    threads: int = typer.Option(2, "--threads", min=1, max=64, help="Requests worked on at once per worker; more wait in a queue."),
    queue: int = typer.Option(64, "--queue", min=0, help="Requests allowed to wait per worker; beyond, 503 at once."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds a request may take (queueing included) before a 503."),
    max_body: int = typer.Option(DEFAULT_MAX_BYTES, "--max-body", min=1, help="Largest request body, in bytes (over: 413)."),
    allow_fetch: bool = typer.Option(False, "--allow-fetch", help="Accept 'url' input; the fetcher refuses non-public addresses."),
) -> None:
    """Serve the HTTP API and the web page (uvicorn)."""
    import os

    try:
        import uvicorn
    except ImportError:
        _fail("corefact serve needs the 'serve' extra: pip install 'corefact[serve]'")
    os.environ.update(
        COREFACT_ALLOW_FETCH="1" if allow_fetch else "0", COREFACT_MAX_BODY=str(max_body), COREFACT_TIMEOUT=str(timeout),
        COREFACT_THREADS=str(threads), COREFACT_QUEUE=str(queue),
    )
    uvicorn.run("corefact.service.app:app_from_env", factory=True, host=host, port=port, workers=workers, log_level="warning")


@app.command()
def batch(
    inputs: list[str] = typer.Argument(..., help="JSONL files (.jsonl, .jsonl.gz), folders of .txt/.html files, or '-' for JSONL on stdin."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default: JSONL on stdout)."),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl or parquet."),
    select: Optional[str] = typer.Option(None, "--select", help="Keep only these explainer fields, e.g. brief,faq."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Worker processes (default: the machine's cores)."),
    resume: bool = typer.Option(False, "--resume", help="Skip ids already in OUT and append; repairs a partial last line."),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) or ray (Ray Data; pip install 'corefact\\[ray]')."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Ray cluster to join (e.g. auto); default: a local Ray."),
    quiet: bool = typer.Option(False, "--quiet", help="No progress and no summary."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD for every record (overrides theirs)."),
    questions: int = typer.Option(6, "--questions", "-q", min=1, max=30),
    sentences: int = typer.Option(4, "--sentences", "-s", min=1, max=20),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Largest article accepted; larger ones are error records."),
) -> None:
    """Explain a corpus: one output record per input record, in order. Exit 0 when all were
    explained, 1 when some are error records, 2 when the run could not start."""
    from .options import Options

    try:
        options = Options(sentences=sentences, questions=questions, date=_date(date), max_bytes=max_bytes)
        if engine == "ray":
            from .engines.ray import run_ray

            code = run_ray(inputs, out, fmt=format, select=select, workers=workers, quiet=quiet, options=options, address=ray_address)
        elif engine == "local":
            from .batch import run_batch

            code = run_batch(inputs, out, fmt=format, select=select, workers=workers, resume=resume, quiet=quiet, options=options)
        else:
            _fail(f"--engine must be local or ray, got {engine!r}")
    except CorefactError as exc:
        _fail(str(exc))
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the explainer."""
    from .model import explainer_schema

    typer.echo(json.dumps(explainer_schema(), indent=2))


eval_app = typer.Typer(help="Quality measurements on evaluation data (../shared/data layout).")
app.add_typer(eval_app, name="eval")
DATA_DIR = Path("../shared/data")


def _emit(result: dict, json_out: Optional[Path]) -> None:
    if json_out:
        json_out.write_text(json.dumps(result, indent=2))


def _print_json(result: dict, json_out: Optional[Path]) -> None:
    typer.echo(json.dumps(result, indent=2))
    _emit(result, json_out)


def _print_summarize(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"ROUGE F1 on {Path(result['data']).name}, {result.get('split', 'all')} split ({result['articles']} articles)")
    for col in ("system", "R-1", "R-2", "R-L"):
        t.add_column(col, justify="right" if col != "system" else "left")
    for name, m in sorted(result["rouge"].items(), key=lambda kv: (kv[0].split("k=")[-1].split("-")[-1], -kv[1]["rouge1"])):
        t.add_row(name, f"{m['rouge1']:.2f}", f"{m['rouge2']:.2f}", f"{m['rougeL']:.2f}")
    Console().print(t)
    for name, d in result.get("rouge1_vs_lead", {}).items():
        typer.echo(f"ROUGE-1 {name}: {d['mean']:+.2f} (95% paired bootstrap interval {d['low']:+.2f} to {d['high']:+.2f})")
    speed = ", ".join(f"{k} {v:.1f}" for k, v in result["articles_per_second"].items())
    typer.echo(f"articles/s: {speed}")


@eval_app.command("summarize")
def eval_summarize(
    data: Path = typer.Option(DATA_DIR / "summ_cnndm_summeval.jsonl", "--data", help="A summ_*.jsonl file."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Use the first N articles."),
    k: str = typer.Option("1,3", "--k", help="Summary lengths, comma-separated."),
    peers: bool = typer.Option(True, "--peers/--no-peers", help="Include sumy and newspaper4k."),
    split: str = typer.Option("eval", "--split", help="eval (held out from training), train, or all."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the results as JSON."),
) -> None:
    """ROUGE of the core fact and the brief beside Lead-k, LexRank, TextRank, newspaper4k, random and oracle."""
    from .eval.summarize import evaluate

    result = evaluate(data, limit, tuple(int(x) for x in k.split(",")), peers, split=split)
    _print_summarize(result)
    _emit(result, json_out)


@eval_app.command("ask")
def eval_ask(
    data: Path = typer.Option(DATA_DIR / "qa_squad_v1.1_dev.jsonl", "--data"),
    limit: Optional[int] = typer.Option(2000, "--limit"),
    json_out: Optional[Path] = typer.Option(None, "--json"),
) -> None:
    """`ask` on SQuAD: sentence accuracy, span EM/F1, beside plain BM25."""
    from .eval import qa

    _print_json(qa.evaluate(data, limit), json_out)


@eval_app.command("faq")
def eval_faq(
    data: Path = typer.Option(DATA_DIR / "faq_quail_dev.jsonl", "--data"),
    limit: Optional[int] = typer.Option(None, "--limit"),
    json_out: Optional[Path] = typer.Option(None, "--json"),
    answers_data: Path = typer.Option(DATA_DIR / "summ_bbc_dev.jsonl", "--answers-data", help="Articles for the answer measures."),
    answers_limit: int = typer.Option(200, "--answers-limit"),
) -> None:
    """FAQ coverage of human questions at N=6 and N=12, and the round-trip share; on corpus
    articles, the share of answers that are complete sentences and `ask`'s agreement with the FAQ."""
    from .eval import faq

    result = faq.evaluate(data, limit)
    answers = faq.answers(answers_data, answers_limit)
    answers.pop("misses")
    result["answers"] = answers
    _print_json(result, json_out)


@eval_app.command("facts")
def eval_facts(
    gold: Optional[Path] = typer.Option(None, "--gold", help="Annotated articles (default: evaluation/facts_gold.json)."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Also run over a summ_*.jsonl corpus: counts and time."),
    limit: Optional[int] = typer.Option(None, "--limit"),
    json_out: Optional[Path] = typer.Option(None, "--json"),
) -> None:
    """Key-facts precision/recall per type on the project's annotated articles."""
    from .eval import facts

    result = facts.evaluate(gold) if gold else facts.evaluate()
    if corpus:
        result["corpus"] = facts.corpus_run(corpus, limit)
    _print_json(result, json_out)


@eval_app.command("verify")
def eval_verify(
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir"),
    limit: Optional[int] = typer.Option(100, "--limit", help="Articles per set for the perturbations."),
    seed: int = typer.Option(7, "--seed"),
    summeval: bool = typer.Option(True, "--summeval/--no-summeval", help="Also score the SummEval consistency set."),
    cv_articles: int = typer.Option(150, "--cv-articles", help="BBC articles whose perturbation pairs join each fold of the learned scorer's cross-validation (0: no cross-validation)."),
    json_out: Optional[Path] = typer.Option(None, "--json"),
) -> None:
    """Detection and false-alarm rates on perturbations; on SummEval, the shipped verdicts, the rules
    alone, the lexical floor and the learned score in 5-fold cross-validation by article."""
    from .eval import verify as ev

    result = {}
    for strict in (False, True):
        mode = "strict" if strict else "default"
        result[mode] = {"perturbations": ev.evaluate_perturbations(data_dir, limit, seed, strict)}
        if summeval:
            result[mode]["summeval"] = ev.evaluate_summeval(data_dir / "faith_summeval_dev.jsonl", strict=strict,
                                                            cv_perturb_articles=None if strict else cv_articles)
    _print_json(result, json_out)


@eval_app.command("all")
def eval_all(
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir"),
    limit: Optional[int] = typer.Option(None, "--limit", help="Cap every set at N items."),
    json_out: Optional[Path] = typer.Option(None, "--json"),
) -> None:
    """The whole quality dashboard: summaries, ask, FAQ, facts and verify."""
    from .eval import facts, faq, qa, summarize
    from .eval import verify as ev

    results = {}
    for name in ("summ_cnndm_summeval.jsonl", "summ_bbc_dev.jsonl"):
        results[name] = summarize.evaluate(data_dir / name, limit)
        _print_summarize(results[name])
    results["ask"] = qa.evaluate(data_dir / "qa_squad_v1.1_dev.jsonl", limit or 2000)
    results["faq"] = faq.evaluate(data_dir / "faq_quail_dev.jsonl", limit)
    results["facts"] = facts.evaluate()
    results["verify"] = {
        "perturbations": ev.evaluate_perturbations(data_dir, limit or 100),
        "summeval": ev.evaluate_summeval(data_dir / "faith_summeval_dev.jsonl", limit),
        "summeval_strict": ev.evaluate_summeval(data_dir / "faith_summeval_dev.jsonl", limit, strict=True),
    }
    typer.echo(json.dumps({k: results[k] for k in ("ask", "faq", "facts", "verify")}, indent=2, default=str))
    _emit(results, json_out)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
