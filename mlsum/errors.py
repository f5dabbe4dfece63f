"""User-facing errors.

Anything a user can cause (a bad path, an unsupported language, a model that is not available offline)
raises a subclass of :class:`MlsumError`. The CLI prints its message as one line on stderr and exits
non-zero; everything else is a bug and keeps its traceback.
"""


class MlsumError(Exception):
    """An error caused by the input or the environment, reported to the user in one line."""


class InputError(MlsumError):
    """The input cannot be read: missing path, empty or binary file, malformed JSONL line, HTTP error."""


class LanguageError(MlsumError):
    """The text is in a language mlsum does not handle."""


class ModelNotAvailable(MlsumError):
    """A model is neither a local directory, nor in the cache, nor reachable on the hub, or its
    directory is not a usable checkpoint."""


class UsageError(MlsumError):
    """The command line asks for something this machine or these options cannot give (exit code 2)."""


class DeviceError(UsageError):
    """The requested device (e.g. CUDA) does not exist on this machine."""


class OutputError(UsageError):
    """`--output` cannot be used: not writable, another command's results, or busy with another run."""
