"""`mlsum figures` and `mlsum evaluate`: the figures of articles, and scores of summaries against
references and sources, with intervals, for one system or several side by side."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..document import Document
from ..errors import InputError
from .common import AllowAnyPath, Inputs, LangOpt, Quiet, run_command, user_errors

AsJsonFigures = Annotated[bool, typer.Option("--json", help="One JSON object per input: id and figures.")]
Predictions = Annotated[list[str], typer.Option(
    "--predictions", "-p", metavar="[NAME=]PATH",
    help="JSON lines with id, summary and the source (`source`, or `text` as `mlsum summarize --json` "
         "prints it). Repeat to compare systems on the same documents, against the first; a system is "
         "named NAME, else by its records' `model`, else by its file.")]
References = Annotated[Optional[Path], typer.Option(
    "--references", "-r", help="JSON lines with id and reference (unless predictions carry them).")]
Sources = Annotated[Optional[Path], typer.Option(
    "--sources", "-s", help="Directory of source articles, <id>.txt, for predictions without one.")]
AsJsonReport = Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")]
Report = Annotated[Optional[list[Path]], typer.Option(
    "--report", metavar="PATH", help="Also write the report to this file: HTML for .html/.htm (summaries beside their "
                     "sources, figures linked to their evidence), else Markdown. Repeatable.")]
Samples = Annotated[int, typer.Option("--bootstrap", min=1, metavar="N", help="Bootstrap resamples for the 95 % "
                                                                  "intervals and the paired bootstrap test.")]
Trials = Annotated[int, typer.Option("--trials", min=1, metavar="N", help="Approximate randomization trials.")]
Seed = Annotated[int, typer.Option("--seed", min=1, metavar="N", help="Seed of every resampling (sacreBLEU's default).")]


def figures(inputs: Inputs, as_json: AsJsonFigures = False, lang: LangOpt = None,
            allow_any_path: AllowAnyPath = False, quiet: Quiet = False) -> None:
    """List the figures (numbers, amounts, dates, distances...) of each cleaned article."""
    from ..api import Pipeline
    from ..figures import extract_figures

    def found(doc: Document) -> list[dict[str, Any]]:
        return [f.to_dict() for f in extract_figures(doc.text, doc.language, implied=True)]

    def render(doc: Document) -> str:
        rows = [f"{f['text']}\t{f['kind']}\t{_shown_value(f)}\t{f['unit'] or ''}\t{f['noun'] or ''}"
                for f in found(doc)]
        return "\n".join(rows) or "(no figures)"

    def record(doc: Document) -> dict[str, Any]:
        return {"id": doc.id, "path": doc.path, "language": doc.language, "figures": found(doc)}

    with user_errors():
        pipe = Pipeline(lang=lang.value if lang else None)
        run_command(inputs, lambda docs: [pipe.prepare(d) for d in docs], as_json=as_json, quiet=quiet,
                    render=render, record=record, allow_any_path=allow_any_path)


def _shown_value(figure: dict[str, Any]) -> str:
    """The value column of `mlsum figures`: the number, or the ISO form of a date or time."""
    value = figure["value"]
    if value is None:
        return figure.get("iso") or ""
    return str(int(value)) if value.is_integer() else f"{value:.10g}"


def evaluate(predictions: Predictions, references: References = None, sources: Sources = None,
             as_json: AsJsonReport = False, report: Report = None, bootstrap: Samples = 1000,
             trials: Trials = 10000, seed: Seed = 12345) -> None:
    """Score summaries: ROUGE, BLEU, chrF against references; figure precision and recall; every corpus
    score with a 95 % bootstrap interval, and each system after the first compared with it."""
    from ..evaluate import Resampling, compare_systems, evaluate as evaluate_records, load_systems, to_markdown

    with user_errors():
        resampling = Resampling(bootstrap, trials, seed)
        systems = load_systems(predictions, references, sources,
                               note=lambda message: typer.echo(f"mlsum: {message}", err=True))
        if len(systems) == 1:
            result = evaluate_records(systems[0].records, resampling)
        else:
            result = compare_systems(systems, resampling)
        markdown = to_markdown(result)
        for path in report or []:
            _write(path, _html(result, systems) if path.suffix.lower() in (".html", ".htm") else markdown)
        typer.echo(json.dumps(result, ensure_ascii=False) if as_json else markdown.rstrip("\n"))


def _html(result: dict[str, Any], systems) -> str:
    from ..evaluate.html import to_html

    return to_html(result, systems)


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"--report {path}: cannot write ({exc.strerror})") from None


def register(app: typer.Typer) -> None:
    app.command("figures")(figures)
    app.command("evaluate")(evaluate)
