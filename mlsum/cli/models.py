"""`mlsum models` (the registry) and `mlsum models pull NAME` (download for offline use)."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import Group, user_errors

models_app = typer.Typer(help="List known checkpoints; pull one into the Hugging Face cache.",
                         invoke_without_command=True, cls=Group)


@models_app.callback()
def list_models(ctx: typer.Context) -> None:
    """List the registry: name, task, hub id, input limit."""
    if ctx.invoked_subcommand is not None:
        return
    from ..models import DEFAULT_SUMMARIZER, DEFAULT_TRANSLATOR, REGISTRY

    defaults = {DEFAULT_SUMMARIZER, DEFAULT_TRANSLATOR}
    for spec in REGISTRY.values():
        mark = "*" if spec.name in defaults else " "
        limit = f"{spec.max_input_tokens:>5} tok" if spec.kind == "seq2seq" else "  any    "
        typer.echo(f"{mark} {spec.name:<22} {spec.task:<14} {spec.hub_id or '(built in)':<32} "
                   f"{limit}  {spec.about}")
    typer.echo("(* default; --model also takes any hub id or a local directory)")


@models_app.command("pull")
def pull(names: Annotated[list[str], typer.Argument(metavar="NAME", help="Registry names or hub ids.")]) -> None:
    """Download checkpoints (safetensors, tokenizer, config) into the HF cache ($HF_HOME)."""
    from ..models import pull as pull_model

    with user_errors():
        for name in names:
            typer.echo(f"{name}: {pull_model(name)}")


def register(app: typer.Typer) -> None:
    app.add_typer(models_app, name="models")
