"""A small realistic module."""
from __future__ import annotations

import os
import sys
from typing import Iterable

__all__ = ["main"]

DEBUG = os.environ.get("DEBUG") == "1"


class Config:
    """Configuration."""

    def __init__(self, path: str, *, verbose: bool = False) -> None:
        self.path = path
        self.verbose = verbose

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.path!r}, verbose={self.verbose})"


def read_lines(paths: Iterable[str]) -> list[str]:
    out = []
    for p in paths:
        try:
            with open(p, encoding="utf-8") as fh:
                out.extend(line.rstrip("\n") for line in fh)
        except OSError as exc:
            print(f"skip {p}: {exc}", file=sys.stderr)
            continue
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    match argv:
        case []:
            return 2
        case ["--help" | "-h"]:
            print(__doc__)
            return 0
        case [*files]:
            lines = read_lines(files)
            print(len(lines))
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
