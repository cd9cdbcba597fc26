"""The ``eightk`` command: a thin shell over the public API.

Each command family lives in its own module with a ``register(subparsers)`` function; this module only
builds the parser, dispatches, and maps errors to exit codes (0 ok, 1 some inputs failed, 2 usage).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from eightk.errors import EightkError, UsageError

EXIT_OK = 0
EXIT_INPUT_ERRORS = 1
EXIT_USAGE = 2

# Command families, in the order their commands appear in --help.
COMMAND_MODULES = ("eightk.cli.parse_cmd", "eightk.cli.store_cmd", "eightk.cli.serve_cmd")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="eightk", description="Read SEC Form 8-K filings of every era into structured records.")
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
    except UsageError as exc:
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
