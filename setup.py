"""The optional C extension; everything else is in pyproject.toml.

``eightk.parse._fasthtml`` speeds up HTML -> text. It is optional: where it cannot be compiled (no C
compiler, no Python headers) the build goes on without it and eightk.parse.html uses its Python passes,
which give the same text.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "eightk.parse._fasthtml",
            sources=["src/eightk/parse/_fasthtml.c"],
            optional=True,
        )
    ]
)
