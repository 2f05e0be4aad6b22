"""convertkit's own exceptions: each carries a one-line message and an exit code."""
from __future__ import annotations


class ConvertkitError(Exception):
    """Base of every error convertkit reports to a user (exit code 1)."""

    exit_code = 1


class ConversionError(ConvertkitError):
    """The input could not be read or the output could not be written."""


class DecodeError(ConversionError):
    """The input bytes are not text in any encoding convertkit tries."""


class UsageError(ConvertkitError):
    """The request itself is wrong: unknown format, bad option (exit code 2)."""

    exit_code = 2


class PluginError(ConvertkitError):
    """A plugin that provides what was asked for failed to load or to run."""
