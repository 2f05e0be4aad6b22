"""Coverage-guided fuzz target for the newspage reader (atheris / libFuzzer).

Every input must either raise convertkit's own error (a one-line message for the user) or
give a document that the TEI and text writers turn into output. Anything else is a crash:
libFuzzer saves it under fuzz/crashes/, and tests/test_reliability.py replays every file
there. Run it with ``fuzz/run.sh [SECONDS]``.
"""
import sys

import atheris

with atheris.instrument_imports():
    import convertkit
    from convertkit.errors import ConvertkitError
    import convertkit_newspage.reader  # noqa: F401  (instrumented)
    import convertkit_tei.writer  # noqa: F401
    import convertkit_text.writer  # noqa: F401


def test_one_input(data: bytes) -> None:
    try:
        doc = convertkit.read(data, "newspage")
    except ConvertkitError:
        return
    convertkit.write(doc, "tei")
    convertkit.write(doc, "txt")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
