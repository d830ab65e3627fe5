"""papermill support for Java notebooks on the qspace (JJava) kernel."""

from .translator import JavaTranslator, java_declaration, java_string

__all__ = ["JavaTranslator", "java_declaration", "java_string"]
