"""`controlroom export plan|product-template FILE`: a show's plan, or the product-sheet template, to Excel/CSV."""

from __future__ import annotations

import argparse

from controlroom.cli.common import add_db, reader, say, show_id
from controlroom.sheets.plan_io import write_plan
from controlroom.sheets.product_template import write_product_template

NAME = "export"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="write a show's plan, or the product-sheet template, to .xlsx or .csv")
    p.add_argument("what", choices=["plan", "product-template"])
    p.add_argument("file")
    add_db(p)
    p.add_argument("--show", type=int, help="for plan: the show (default: the most recent)")


def run(args: argparse.Namespace) -> int:
    if args.what == "product-template":
        say(f"product template written to {write_product_template(args.file)}")
        return 0
    repo = reader(args)
    try:
        sid = show_id(repo, args.show)
        plan = repo.load_show(sid).plan  # the plan as edited (the log), not as created
    finally:
        repo.engine.dispose()
    say(f"show {sid}: plan of {len(plan.segments)} segments written to {write_plan(args.file, plan)}")
    return 0
