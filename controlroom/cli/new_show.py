"""`controlroom new-show`: a show with the default plan; prints its id last."""

from __future__ import annotations

import argparse
import time

from controlroom.cli.common import add_db, positive, products_or_sample, repository, say
from controlroom.services.show_service import create_show

NAME = "new-show"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="create a show with the playbook's default plan")
    add_db(p)
    p.add_argument("--title", required=True)
    p.add_argument("--minutes", type=positive, default=120.0)
    p.add_argument("--products", help="product sheet (.xlsx or .csv); default: the sample catalogue")


def run(args: argparse.Namespace) -> int:
    products = products_or_sample(args.products)
    repo = repository(args)
    new_id = create_show(repo, args.title, args.minutes, products, time.time())
    plan = repo.load_plan(new_id)
    say(f"created show {new_id}: {args.title!r}, {args.minutes:g} min, {len(products)} products, {len(plan.segments)} segments")
    say(str(new_id))
    return 0
