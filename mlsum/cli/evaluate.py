"""`mlsum figures` and `mlsum evaluate`: the figures of articles, and scores of summaries against
references and sources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..document import Document
from ..errors import InputError
from .common import AllowAnyPath, Inputs, LangOpt, Quiet, run_command, user_errors

AsJsonFigures = Annotated[bool, typer.Option("--json", help="One JSON object per input: id and figures.")]
Predictions = Annotated[Path, typer.Option(
    "--predictions", "-p", help="JSON lines with id, summary and the source (`source`, or `text` as "
                                "`mlsum summarize --json` prints it).")]
References = Annotated[Optional[Path], typer.Option(
    "--references", "-r", help="JSON lines with id and reference (unless predictions carry them).")]
Sources = Annotated[Optional[Path], typer.Option(
    "--sources", "-s", help="Directory of source articles, <id>.txt, for predictions without one.")]
AsJsonReport = Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")]
Report = Annotated[Optional[Path], typer.Option("--report", help="Also write the report as Markdown.")]


def figures(inputs: Inputs, as_json: AsJsonFigures = False, lang: LangOpt = None,
            allow_any_path: AllowAnyPath = False, quiet: Quiet = False) -> None:
    """List the figures (numbers, amounts, dates, distances...) of each cleaned article."""
    from ..api import Pipeline
    from ..figures import extract_figures

    def found(doc: Document) -> list[dict[str, Any]]:
        return [f.to_dict() for f in extract_figures(doc.text, doc.language)]

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
             as_json: AsJsonReport = False, report: Report = None) -> None:
    """Score summaries: ROUGE, BLEU, chrF against references; figure precision and recall."""
    from ..evaluate import evaluate as evaluate_records, load_records, to_markdown

    with user_errors():
        records = load_records(predictions, references, sources,
                               note=lambda message: typer.echo(f"mlsum: {message}", err=True))
        result = evaluate_records(records)
        markdown = to_markdown(result)
        if report is not None:
            try:
                report.write_text(markdown, encoding="utf-8")
            except OSError as exc:
                raise InputError(f"--report {report}: cannot write ({exc.strerror})") from None
        typer.echo(json.dumps(result, ensure_ascii=False) if as_json else markdown.rstrip("\n"))


def register(app: typer.Typer) -> None:
    app.command("figures")(figures)
    app.command("evaluate")(evaluate)
