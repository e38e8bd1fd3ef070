"""The one error every sheet reader raises: a sheet that cannot be imported, and why."""

from __future__ import annotations


class SheetError(ValueError):
    """A sheet that cannot be imported. `problems` lists every row/column at fault."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more if problems else "the sheet is empty")
