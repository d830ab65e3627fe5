"""Loaded by papermill through the ``papermill.engine`` entry point; importing it registers the translator.

The engine itself is papermill's default nbclient engine under another name (``--engine qspace-java``); it exists
because an entry point has to name something, and the import is what matters.
"""

from papermill.engines import NBClientEngine
from papermill.translators import papermill_translators

from .translator import JavaTranslator

KERNEL_NAME = "qsar-java"

# find_translator tries the kernel name first, then the notebook's language: cover both so a notebook saved on
# the stock JJava kernel ("java") is parameterised the same way.
papermill_translators.register(KERNEL_NAME, JavaTranslator)
papermill_translators.register("java", JavaTranslator)


class QspaceJavaEngine(NBClientEngine):
    pass
