"""Compiles the scorer modules with Cython: `python setup.py build_ext --inplace` (make
does it on install). Not a distribution: Newsdesk is deployed as a source tree.

The scorers stay plain Python, and that source is the reference: Cython compiles the
same files, unchanged, into extension modules beside them (about 15 % faster scoring).
``analysis/scoring/compiled.py`` loads a compiled module only while its source is the
one it was built from, so an edit takes effect at once, interpreted, until the next
build; ``NEWSDESK_INTERPRETED_SCORERS=1`` loads none.
"""

import importlib.util
import os
from pathlib import Path

from Cython.Build import cythonize
from setuptools import setup
from setuptools.command.build_ext import build_ext

SCORING = Path("analysis/scoring")
# The loader, by path: importing the package would load (and warn about) stale builds.
_spec = importlib.util.spec_from_file_location("compiled", SCORING / "compiled.py")
loader = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(loader)
MODULES = loader.scorer_sources(SCORING)


class BuildScorers(build_ext):
    def initialize_options(self) -> None:
        super().initialize_options()
        self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        super().run()
        # The loader compares these hashes with the sources it finds at import.
        loader.write_manifest(MODULES)


setup(
    name="newsdesk-scorers",
    packages=[],
    py_modules=[],
    ext_modules=cythonize(
        [str(p) for p in MODULES],
        build_dir="build/cython",
        language_level=3,
        quiet=True,
        nthreads=os.cpu_count() or 1,
        # Plain Python semantics: annotations are not enforced as C types, so the
        # compiled modules give exactly the interpreted ones' results.
        compiler_directives={"binding": True, "annotation_typing": False},
    ),
    cmdclass={"build_ext": BuildScorers},
)
