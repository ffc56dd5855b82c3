# importlib.machinery (Kaa's own, compiled in).

from _frozen_importlib import (ModuleSpec, BuiltinImporter, FrozenImporter, PathFinder,
                               FileFinder, SourceFileLoader, NamespaceLoader)

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = []


def all_suffixes():
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
