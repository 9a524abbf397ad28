"""Which content encoding a request gets: decided by django-compression-middleware's own rule, so a cached
copy is kept per encoding exactly as that middleware would have produced it."""

from compression_middleware.middleware import compressor

IDENTITY = "identity"


def content_encoding(accept_encoding: str) -> str:
    encoding, _bulk, _stream = compressor(accept_encoding)
    return encoding or IDENTITY
