"""`serve --source NAME [--source-option key=value …]`: sources started beside the API.

`--source-option key=value` applies to the `--source` before it (`name.key=value` names
one explicitly). Their health lines go into the API's /api/v1/state (`sources`) and into
`<db>.sources.json` for `controlroom status`; a source that fails is said and shown as
failed, and the API serves on.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from controlroom.cli.common import CliError, say, warn
from controlroom.feeds.source_health import HealthFile, health_path
from controlroom.feeds.sources import REGISTRY, SourceContext, SourceSet, parse_options
from controlroom.services.intake import Intake


class _SourceAction(argparse.Action):
    """Keeps --source and --source-option in the order given: [[name, ["k=v", …]], …]."""

    def __call__(self, parser: Any, namespace: argparse.Namespace, value: Any, option: str | None = None) -> None:
        plan = getattr(namespace, "source_plan", None) or []
        if self.dest == "source":
            plan.append([value, []])
        else:
            name, dot, rest = value.partition(".")
            target = next((p for p in reversed(plan) if p[0] == name), None) if dot and "=" in rest else None
            if target is not None:
                target[1].append(rest)
            elif plan:
                plan[-1][1].append(value)
            else:
                parser.error("--source-option comes after the --source it is for")
        namespace.source_plan = plan


def add_source_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("sources", "Live data sources started beside the API (docs/architecture.md, Sources).")
    g.add_argument("--source", action=_SourceAction, metavar="NAME",
                   help=f"start a source (repeatable): {', '.join(REGISTRY)}")
    g.add_argument("--source-option", action=_SourceAction, metavar="KEY=VALUE",
                   help="an option of the --source before it, e.g. unique_id=@name, url=ws://…, path=FILE; "
                        "every source takes stall_s (default 60)")
    p.set_defaults(source_plan=[])


@contextmanager
def serve_sources(args: argparse.Namespace, intake: Intake, server: Any) -> Iterator[SourceSet]:
    service = intake.service
    ctx = SourceContext(service, intake, service.clock, lambda text: warn(f"controlroom: {text}"))
    sources = SourceSet(ctx)
    plans = []
    for name, pairs in args.source_plan:
        try:
            plans.append((name, parse_options(pairs)))
        except ValueError as exc:
            raise CliError(str(exc)) from None
    lines = lambda: [h.as_dict() for h in sources.health()]  # noqa: E731 - read on the server's loop
    server.handlers.state_extra = lambda: {"sources": lines()}
    health_file = HealthFile(health_path(service.repo.engine), service.show_id, lines)
    try:
        for name, options in plans:
            h = sources.start(name, options).health(service.now())
            say(f"source {name}: {h.state}{': ' + h.detail if h.detail else ''}")
        health_file.start()
        yield sources
    finally:
        sources.stop_all()
        health_file.stop()
