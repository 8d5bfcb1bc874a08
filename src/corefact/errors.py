"""Error types. The CLI maps every :class:`CorefactError` to a one-line message and exit code 2."""

from __future__ import annotations


class CorefactError(Exception):
    """Base class of every error corefact raises on purpose."""

    code = "error"

    def __str__(self) -> str:  # one line, always
        return " ".join(super().__str__().split())


class BadInputError(CorefactError):
    """The input cannot be read as an article (empty, binary, undecodable, malformed)."""

    code = "bad_input"


class EmptyInputError(BadInputError):
    code = "empty"


class BinaryInputError(BadInputError):
    code = "binary"


class DecodingError(BadInputError):
    code = "encoding"


class TooShortError(BadInputError):
    code = "too_short"


class TooLargeError(CorefactError):
    code = "too_large"


class UnsupportedLanguageError(CorefactError):
    code = "language"


class FetchError(BadInputError):
    """A URL could not be fetched as an HTML page (network error, bad status, not HTML, too many redirects)."""

    code = "fetch"


class ForbiddenURLError(FetchError):
    """A URL, or a hop it redirects to, is refused: a scheme other than http(s), or an address that
    is not a public one (loopback, private, link-local, multicast, reserved...)."""

    code = "forbidden_url"
