"""SHA-256 and SHA-1 for source and document digests and name-based UUIDs.

``hashlib`` loads OpenSSL, about 4 ms of a 100 ms cold start; CPython's own SHA-256 module
gives the same digests and costs nothing to import. Use hashlib where the built-in module
is missing (some distributions build without it)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid

try:
    from _sha2 import sha256  # CPython 3.12+
except ImportError:  # pragma: no cover - depends on the interpreter
    try:
        from _sha256 import sha256  # CPython 3.11
    except ImportError:
        from hashlib import sha256
try:
    from _sha1 import sha1
except ImportError:  # pragma: no cover - depends on the interpreter
    from hashlib import sha1

__all__ = ["sha1", "sha256", "uuid5"]


def uuid5(namespace: uuid.UUID, name: str) -> uuid.UUID:
    """:func:`uuid.uuid5` (RFC 4122 name-based, SHA-1), without the hashlib it imports."""
    import uuid

    return uuid.UUID(bytes=sha1(namespace.bytes + name.encode("utf-8")).digest()[:16], version=5)
