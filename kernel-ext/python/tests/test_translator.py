import shutil
import subprocess

import pytest
from papermill.translators import papermill_translators

from qspace_papermill import JavaTranslator, java_declaration, java_string


def test_entry_point_registers_for_kernel_name_and_language():
    import papermill.engines  # noqa: F401  (imports the entry points, as the papermill CLI does)

    assert papermill_translators.find_translator("qsar-java", "java") is JavaTranslator
    assert papermill_translators.find_translator("some-other-java-kernel", "java") is JavaTranslator


def test_codify_starts_with_comment_and_declares_each_parameter():
    code = JavaTranslator.codify({"name": "x", "folds": 5, "fast": True})
    assert code == '// Parameters\nString name = "x";\nint folds = 5;\nboolean fast = true;\n'


@pytest.mark.parametrize(
    "value, literal",
    [
        ('O\'Brien "q"', '"O\'Brien \\"q\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("line\nnext\r\ttab", '"line\\nnext\\r\\ttab"'),
        ("\x00\x01\x1f\x7f", '"\\000\\001\\037\\177"'),
        ("é", '"\\u00e9"'),
        ("\u2028", '"\\u2028"'),
        ("😀", '"\\ud83d\\ude00"'),
        # a literal backslash-u must not turn into a unicode escape for javac
        ("\\u0041", '"\\\\u0041"'),
        ("", '""'),
    ],
)
def test_strings_are_ascii_java_literals(value, literal):
    assert java_string(value) == literal
    assert java_string(value).isascii()


@pytest.mark.parametrize(
    "value, declaration",
    [
        (0, "int p = 0;"),
        (-5, "int p = -5;"),
        (2**31 - 1, "int p = 2147483647;"),
        (-(2**31), "int p = -2147483648;"),
        (2**31, "long p = 2147483648L;"),
        (-(2**63), "long p = -9223372036854775808L;"),
        (2**63, 'java.math.BigInteger p = new java.math.BigInteger("9223372036854775808");'),
        (0.8, "double p = 0.8;"),
        (-1e-05, "double p = -1e-05;"),
        (1e16, "double p = 1e+16;"),
        (float("nan"), "double p = Double.NaN;"),
        (float("inf"), "double p = Double.POSITIVE_INFINITY;"),
        (float("-inf"), "double p = Double.NEGATIVE_INFINITY;"),
        (True, "boolean p = true;"),
        (False, "boolean p = false;"),
        (None, "p = null;"),
        ([1, 2, 3], "List<Integer> p = List.of(1, 2, 3);"),
        ([1, 2**40], "List<Long> p = List.of(1L, 1099511627776L);"),
        ([1, 2.5], "List<Double> p = List.of(1.0, 2.5);"),
        (["a", "é"], 'List<String> p = List.of("a", "\\u00e9");'),
        ([True, False], "List<Boolean> p = List.of(true, false);"),
        ([], "List<Object> p = List.of();"),
        (["a", None], 'List<String> p = java.util.Arrays.asList("a", null);'),
        ([1, "a"], 'List<Object> p = List.of(1, "a");'),
        ([[1], [2, 3]], "List<Object> p = List.of(List.of(1), List.of(2, 3));"),
        ({"a": 1, "b": 2}, 'Map<String, Integer> p = Map.ofEntries(Map.entry("a", 1), Map.entry("b", 2));'),
    ],
)
def test_declarations(value, declaration):
    assert java_declaration("p", value) == declaration


@pytest.mark.parametrize("text, declaration", [("true", "boolean p = true;"), ("false", "boolean p = false;"),
                                                ("null", "p = null;"), ("True", 'String p = "True";')])
def test_java_spellings_from_the_command_line(text, declaration):
    assert java_declaration("p", text) == declaration


@pytest.mark.parametrize("name", ["class", "int", "new", "null", "_", "my-param", "1st", ""])
def test_names_java_cannot_declare_are_refused(name):
    with pytest.raises(ValueError, match="parameter name"):
        java_declaration(name, 1)


def test_contextual_keywords_and_dollar_are_fine():
    assert java_declaration("var", 1) == "int var = 1;"
    assert java_declaration("record", "r") == 'String record = "r";'
    assert java_declaration("a$b", 1) == "int a$b = 1;"


def test_null_dict_values_are_refused():
    with pytest.raises(ValueError):
        java_declaration("p", {"a": None})


AWKWARD = {
    "name": "O'Brien \"q\" \\ é\n\t\x01 \\u0022 😀 \u2028",
    "folds": 5,
    "neg": -7,
    "big": 2**40,
    "ratio": 0.8,
    "tiny": -1e-05,
    "fast": True,
    "ids": [1, 2, 3],
    "mixed": [1, 2.5],
    "words": ["a", "ü"],
    "none_yet": [],
    "opts": {"k": "v"},
}


@pytest.mark.skipif(shutil.which("java") is None, reason="needs a JDK to compile the output")
def test_javac_reads_back_the_same_values(tmp_path):
    """Compile and run the generated declarations: the real check that the escaping means what it says."""
    body = "\n".join(java_declaration(k, v) for k, v in AWKWARD.items())
    prints = "\n".join(f'out("{k}", {k});' for k in AWKWARD)
    source = f"""
import java.util.*;
public class P {{
  static void out(String k, Object v) {{
    String s;
    if (v instanceof String str) s = "S" + str.codePoints().boxed().toList();
    else if (v instanceof Double d) s = "D" + Double.toHexString(d);
    else s = v.getClass().getSimpleName() + v;
    System.out.println(k + "=" + s);
  }}
  public static void main(String[] a) {{
{body}
{prints}
  }}
}}
"""
    src = tmp_path / "P.java"
    # Latin-1 on purpose: the literals are pure ASCII, so the source encoding must not matter.
    src.write_bytes(source.encode("ascii"))
    result = subprocess.run(
        ["java", "-Dfile.encoding=ISO-8859-1", str(src)], capture_output=True, encoding="iso-8859-1", timeout=120
    )
    assert result.returncode == 0, result.stderr
    got = dict(line.split("=", 1) for line in result.stdout.splitlines())
    # code points, so the emoji must come back as one U+1F600, not two stray surrogates
    assert got["name"] == "S" + str([ord(c) for c in AWKWARD["name"]])
    assert got["folds"] == "Integer5"
    assert got["neg"] == "Integer-7"
    assert got["big"] == "Long1099511627776"
    assert got["ratio"] == "D" + (0.8).hex()
    assert got["tiny"] == "D" + (-1e-05).hex()
    assert got["fast"] == "Booleantrue"
    assert got["ids"].endswith("[1, 2, 3]")
    assert got["mixed"].endswith("[1.0, 2.5]")
    assert got["words"].endswith("[a, ü]")
    assert got["none_yet"].endswith("[]")
    assert got["opts"].endswith("{k=v}")
