"""Errors flashpoint raises. Each message says what happened, to which input, and what to do."""


class FlashpointError(Exception):
    """Base class: the CLI prints the message on one line and exits non-zero."""


class InputError(FlashpointError):
    """An input file or record cannot be read (empty, binary, too large, malformed)."""


class ModelNotFoundError(FlashpointError):
    """No spaCy model could be loaded."""


class DataFileError(FlashpointError):
    """A bundled or user data file (lexicon, actor dictionary) is invalid."""


class StageError(FlashpointError):
    """A pipeline stage broke its contract."""


class StoreError(FlashpointError):
    """The event store cannot be opened or written."""
