"""`controlroom new-show`: a show with the default plan; prints its id last."""

from __future__ import annotations

import argparse
import time

from controlroom.cli.common import add_db, positive, products_or_sample, repository, say, start_time
from controlroom.services.show_service import create_show

NAME = "new-show"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="create a show with the playbook's default plan")
    add_db(p)
    p.add_argument("--title", required=True)
    p.add_argument("--minutes", type=positive, default=120.0)
    p.add_argument("--products", help="product sheet (.xlsx or .csv); default: the sample catalogue")
    p.add_argument("--start", type=start_time, help="planned start, e.g. '2026-11-21 20:00' (local) or ISO 8601")
    p.add_argument("--room", default="", help="the live room (直播间), for comparing shows")
    p.add_argument("--host", default="", help="the host (主播)")
    p.add_argument("--controller", default="", help="the field controller (场控)")


def run(args: argparse.Namespace) -> int:
    products = products_or_sample(args.products)
    repo = repository(args)
    new_id = create_show(repo, args.title, args.minutes, products, time.time(), scheduled_at=args.start,
                         room=args.room, host=args.host, controller=args.controller)
    plan = repo.load_plan(new_id)
    say(f"created show {new_id}: {args.title!r}, {args.minutes:g} min, {len(products)} products, {len(plan.segments)} segments")
    say(str(new_id))
    return 0
