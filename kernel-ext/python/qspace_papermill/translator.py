"""Python parameter values as typed Java (JShell) declarations.

Each parameter becomes one declaration with a concrete type (``int folds = 5;``) so later cells get the
same static types they would from a hand-written parameters cell.
"""

import math

from papermill.translators import Translator

JAVA_RESERVED = frozenset(
    """abstract assert boolean break byte case catch char class const continue default do double else enum
    extends final finally float for goto if implements import instanceof int interface long native new package
    private protected public return short static strictfp super switch synchronized this throw throws transient
    try void volatile while true false null _""".split()
)

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1

_NAMED_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def java_string(value):
    """A Java string literal made of ASCII only, so it survives any source encoding.

    javac turns \\uXXXX escapes into characters *before* lexing, so a \\u000a or \\u0022 would end the line or the
    literal: control characters use named or octal escapes instead, and \\uXXXX is used only from U+0080 up
    (astral characters as their UTF-16 surrogate pair).
    """
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[ch])
        elif code < 0x20 or code == 0x7F:
            out.append("\\%03o" % code)
        elif code < 0x80:
            out.append(ch)
        elif code <= 0xFFFF:
            out.append("\\u%04x" % code)
        else:
            code -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
    out.append('"')
    return "".join(out)


def _double(value):
    if math.isnan(value):
        return "Double.NaN"
    if math.isinf(value):
        return "Double.POSITIVE_INFINITY" if value > 0 else "Double.NEGATIVE_INFINITY"
    return repr(float(value))  # shortest round-trip form, always with '.' or an exponent: a Java double literal


class _Typed:
    """A Java expression with its static type (the boxed type is what a List/Map element needs)."""

    def __init__(self, type_, boxed, expr):
        self.type, self.boxed, self.expr = type_, boxed, expr


def _scalar_kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        if INT_MIN <= value <= INT_MAX:
            return "int"
        if LONG_MIN <= value <= LONG_MAX:
            return "long"
        return "big"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "String"
    return "other"


def _typed(value):
    kind = _scalar_kind(value)
    if kind == "boolean":
        return _Typed("boolean", "Boolean", "true" if value else "false")
    if kind == "int":
        return _Typed("int", "Integer", str(value))
    if kind == "long":
        return _Typed("long", "Long", f"{value}L")
    if kind == "big":
        return _Typed("java.math.BigInteger", "java.math.BigInteger", f'new java.math.BigInteger("{value}")')
    if kind == "double":
        return _Typed("double", "Double", _double(value))
    if kind == "String":
        return _Typed("String", "String", java_string(value))
    if isinstance(value, (list, tuple)):
        return _list(value)
    if isinstance(value, dict):
        return _map(value)
    if kind == "null":
        return _Typed("Object", "Object", "null")
    return _Typed("String", "String", java_string(str(value)))


def _element_type(values):
    """The boxed element type all values share, widening int -> long -> double as Java would."""
    kinds = {_scalar_kind(v) for v in values}
    kinds.discard("null")
    if not kinds:
        return "Object"
    if kinds <= {"int"}:
        return "Integer"
    if kinds <= {"int", "long"}:
        return "Long"
    if kinds <= {"int", "long", "double"}:
        return "Double"
    if kinds == {"boolean"}:
        return "Boolean"
    if kinds == {"String"}:
        return "String"
    return "Object"


def _element(value, element_type):
    if value is None:
        return "null"
    if element_type == "Long":
        return f"{value}L"
    if element_type == "Double" and not isinstance(value, float):
        return _double(float(value))
    return _typed(value).expr


def _list(values):
    element_type = _element_type(values)
    items = ", ".join(_element(v, element_type) for v in values)
    # List.of rejects null elements; Arrays.asList keeps them (and is still a fixed-size list).
    factory = "java.util.Arrays.asList" if any(v is None for v in values) else "List.of"
    type_ = f"List<{element_type}>"
    return _Typed(type_, type_, f"{factory}({items})")


def _map(mapping):
    if any(v is None for v in mapping.values()) or None in mapping:
        raise ValueError("null keys or values in a dict parameter have no Java Map.of form")
    key_type = _element_type(list(mapping))
    value_type = _element_type(list(mapping.values()))
    entries = ", ".join(
        f"Map.entry({_element(k, key_type)}, {_element(v, value_type)})" for k, v in mapping.items()
    )
    type_ = f"Map<{key_type}, {value_type}>"
    return _Typed(type_, type_, f"Map.ofEntries({entries})")


def check_name(name):
    """Java keywords and non-identifiers are refused, not renamed: a silently renamed parameter would leave the
    notebook running on its default value."""
    if not isinstance(name, str) or not name.replace("$", "_").isidentifier():
        raise ValueError(f"parameter name {name!r} is not a Java identifier")
    if name in JAVA_RESERVED:
        raise ValueError(f"parameter name {name!r} is a reserved word in Java; rename it in the notebook")
    return name


# papermill's CLI turns "True"/"False"/"None" into Python values; Java users type the Java spelling
# (`-p fast true`), so the translator reads those spellings the same way. The price: a String parameter cannot
# be given the exact text "true", "false" or "null" from the command line.
_JAVA_SPELLINGS = {"true": True, "false": False, "null": None}


def _from_java_spelling(value):
    return _JAVA_SPELLINGS.get(value, value) if isinstance(value, str) else value


def java_declaration(name, value):
    """One JShell statement setting the parameter.

    None becomes a plain assignment (``name = null;``): null has no type of its own, and assigning keeps the type
    the notebook's parameters cell declared (a declaration as Object would break every later use of it).
    """
    check_name(name)
    value = _from_java_spelling(value)
    if value is None:
        return f"{name} = null;"
    typed = _typed(value)
    return f"{typed.type} {name} = {typed.expr};"


class JavaTranslator(Translator):
    @classmethod
    def translate_raw_str(cls, val):
        return _typed(val).expr

    @classmethod
    def translate_escaped_str(cls, str_val):
        return java_string(str(str_val))

    @classmethod
    def translate_none(cls, val):
        return "null"

    @classmethod
    def translate_int(cls, val):
        return _typed(val).expr

    @classmethod
    def translate_float(cls, val):
        return _double(val)

    @classmethod
    def translate_list(cls, val):
        return _list(val).expr

    @classmethod
    def translate_dict(cls, val):
        return _map(val).expr

    @classmethod
    def comment(cls, cmt_str):
        return f"// {cmt_str}".strip()

    @classmethod
    def codify(cls, parameters, comment="Parameters"):
        lines = [cls.comment(comment)]
        lines.extend(java_declaration(name, value) for name, value in parameters.items())
        return "\n".join(lines) + "\n"
