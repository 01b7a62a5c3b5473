"""Errors for input we cannot turn into a report.

Every message names the reason in words an analyst can act on (Chinese first, the
English gist after), because it is printed per file by `perfdash load` and stored
in the load log. The file name is added by the caller.
"""


class InputError(Exception):
    """A file that cannot be loaded as an evaluation report. `str(err)` is the reason."""


class EmptyFileError(InputError):
    pass


class BinaryFileError(InputError):
    pass


class TruncatedFileError(InputError):
    pass


class NotAReportError(InputError):
    pass


class UnsupportedFormatError(InputError):
    pass


class NeedsOcrError(InputError):
    pass
