"""The ``eightk`` command: a thin shell over the public API.

Each command family lives in its own module with a ``register(subparsers)`` function; this module only
builds the parser, dispatches, and maps errors to exit codes (0 ok, 1 some inputs failed, 2 usage).
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Sequence

from eightk import __version__
from eightk.errors import EightkError, SearchError, UsageError

EXIT_OK = 0
EXIT_INPUT_ERRORS = 1
EXIT_USAGE = 2

# Command families, in the order their commands appear in --help.
COMMAND_MODULES = (
    "eightk.cli.parse_cmd",
    "eightk.cli.store_cmd",
    "eightk.cli.fetch_cmd",
    "eightk.cli.watch_cmd",
    "eightk.cli.scale_cmd",
    "eightk.cli.serve_cmd",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="eightk", description="Read SEC Form 8-K filings of every era into structured records.")
    parser.add_argument("--version", action="version", version=f"eightk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for modname in COMMAND_MODULES:
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name == modname:
                continue
            raise
        mod.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (UsageError, SearchError) as exc:  # a query that cannot be read is the caller's to fix
        print(f"eightk: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except EightkError as exc:
        print(f"eightk: error: {exc}", file=sys.stderr)
        return EXIT_INPUT_ERRORS
    except KeyboardInterrupt:
        print("eightk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except sqlite3.Error as exc:  # the last defence: no traceback reaches a user
        print(f"eightk: error: the database: {exc}", file=sys.stderr)
        return EXIT_INPUT_ERRORS
    except OSError as exc:  # e.g. an export to a full disk
        where = f" {exc.filename}" if exc.filename else ""
        print(f"eightk: error:{where} {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT_ERRORS


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
