"""``corefact batch --engine ray``: the same job on Ray Data (``pip install 'corefact[ray]'``).

JSONL inputs are read with ``ray.data.read_text`` (one row per line), folders with
``read_binary_files``; ``map_batches`` hands batches to :class:`Explain`, a callable class whose
actors (an ``ActorPoolStrategy`` of ``workers`` actors) each hold the spaCy pipeline; every record's error is caught there
and becomes an error record. The output is a folder: JSONL files holding exactly the records of the
local engine (written verbatim by :class:`JsonlLines`), or Parquet files (``write_parquet``) with the
local engine's Parquet columns. Ray is imported only here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

from ..batch import OUTPUT_FORMATS, parse_select
from ..batch.inputs import FILE_SUFFIXES, Item, check_inputs, line_item
from ..errors import BadInputError
from ..options import Options

BATCH = 8


class Explain:
    """The actor's callable: rows ``{id, origin, line, data}`` in, output columns out."""

    def __init__(self, options_json: str, select: Optional[tuple[str, ...]]):
        from ..batch.work import init_worker

        init_worker()
        self.options = Options.model_validate_json(options_json)
        self.select = select

    def __call__(self, batch: dict) -> dict:
        from ..batch.work import explain_chunk, to_record

        items = []
        for id, origin, line, data in zip(batch["id"], batch["origin"], batch["line"], batch["data"]):
            if line is not None:
                item = line_item(line, f"{origin}:{id}")  # id here is the line's hash: see _line_rows
            else:
                item = Item(id=str(id), kind="bytes", payload=(str(origin), bytes(data)))
            items.append(item)
        out = {"id": [], "line": [], "explainer": [], "error_type": [], "error_message": []}
        for id, ex, error in explain_chunk(items, self.options):
            rec = to_record(id, ex, error, self.select)
            out["id"].append(id)
            out["line"].append(json.dumps(rec, ensure_ascii=False) + "\n")
            out["explainer"].append(json.dumps(rec["explainer"], ensure_ascii=False) if "explainer" in rec else None)
            out["error_type"].append(error[0] if error else None)
            out["error_message"].append(error[1] if error else None)
        return out


def _line_rows(batch: dict) -> dict:
    from ..ingest import article_id

    n = len(batch["text"])
    return {"id": [f"line-{article_id(t)}" for t in batch["text"]], "origin": list(batch["path"]),
            "line": list(batch["text"]), "data": [None] * n}


def _file_rows(root: str):
    def rows(batch: dict) -> dict:
        n = len(batch["path"])
        return {"id": [Path(p).relative_to(root).as_posix() for p in batch["path"]], "origin": list(batch["path"]),
                "line": [None] * n, "data": list(batch["bytes"])}
    return rows


def _datasink():
    from ray.data.datasource import BlockBasedFileDatasink

    class JsonlLines(BlockBasedFileDatasink):
        """Writes each row's ``line`` as it is: the local engine's JSONL records, byte for byte."""

        def __init__(self, path: str):
            super().__init__(path, file_format="jsonl")

        def write_block_to_file(self, block, file) -> None:
            for line in block.to_arrow().column("line").to_pylist():
                file.write(line.encode("utf-8"))

    return JsonlLines


def _count(out: Path, fmt: str) -> tuple[int, int]:
    done = errors = 0
    if fmt == "parquet":
        import pyarrow.parquet as pq

        for f in sorted(out.glob("*.parquet")):
            col = pq.read_table(f, columns=["error_type"]).column("error_type").to_pylist()
            done, errors = done + len(col), errors + sum(x is not None for x in col)
        return done, errors
    for f in sorted(out.glob("*.jsonl")):
        with f.open("rb") as fh:
            for line in fh:
                done += 1
                errors += b'"error": {' in line[:200] and json.loads(line).get("error") is not None
    return done, errors


def run_ray(inputs: list[str], out: Optional[Path], *, fmt: str = "jsonl", select: Optional[str] = None,
            workers: Optional[int] = None, quiet: bool = False, options: Optional[Options] = None,
            address: Optional[str] = None) -> int:
    """Run a batch on Ray Data; return the exit code (0 all explained, 1 some error records).

    ``out`` is a folder (Ray writes one file per block). ``address``: a running cluster's (``auto``
    after ``ray start --head``); without it a local Ray starts with ``workers`` CPUs.
    """
    import time

    options = options or Options()
    keys = parse_select(select)
    if fmt not in OUTPUT_FORMATS:
        raise BadInputError(f"--format must be one of {', '.join(OUTPUT_FORMATS)}, got {fmt!r}")
    if out is None or "-" in inputs:
        raise BadInputError("--engine ray reads files and writes a folder: give input files and -o OUT_DIR (no '-')")
    check_inputs(inputs)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BadInputError(f"{out} already exists; --engine ray writes a new folder of files")
    try:
        import ray
        import ray.data
    except ImportError:
        raise BadInputError("--engine ray needs Ray: pip install 'corefact[ray]'") from None
    workers = workers or os.cpu_count() or 1
    # a local Ray gets one CPU more than the actors hold: the read and write tasks need one, else
    # the actors take every CPU and the read waits for ever
    start = time.monotonic()
    if not ray.is_initialized():
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=not quiet)
        else:
            ray.init(num_cpus=workers + 1, include_dashboard=False, log_to_driver=not quiet, configure_logging=not quiet)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = not quiet
    parts = []
    for p in inputs:
        path = Path(p).resolve()
        if path.is_dir():
            ds = ray.data.read_binary_files(str(path), include_paths=True, file_extensions=[s.lstrip(".") for s in FILE_SUFFIXES])
            parts.append(ds.map_batches(_file_rows(str(path)), batch_format="numpy"))
        else:
            ds = ray.data.read_text(str(path), include_paths=True)
            parts.append(ds.map_batches(_line_rows, batch_format="numpy"))
    ds = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    ds = ds.map_batches(Explain, fn_constructor_args=(options.model_dump_json(), keys), batch_size=BATCH,
                        batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1)
    if fmt == "parquet":
        ds.drop_columns(["line"]).write_parquet(str(out))
    else:
        ds.select_columns(["line"]).write_datasink(_datasink()(str(out)))
    done, errors = _count(Path(out), fmt)
    if not quiet:
        elapsed = time.monotonic() - start
        print(f"corefact batch (ray): {done} processed, {errors} errors, {elapsed:.1f} s, {done / max(elapsed, 1e-9):.2f} articles/s",
              file=__import__("sys").stderr, flush=True)
    return 1 if errors else 0
