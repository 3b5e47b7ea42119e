"""Sample photos and the multipart body that uploads them, shared by demo.py and the chaos package."""
import struct
import uuid
import zlib


def photo(seed, width=96, height=128):
    """A small PNG: a colour gradient, different for each seed."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(((x * 2 + seed * 70) % 256, (y * 2) % 256, (seed * 90) % 256)) for x in range(width))
        for y in range(height))

    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def multipart(files):
    """A multipart/form-data body with every (name, bytes) as a part named 'files'."""
    boundary = uuid.uuid4().hex
    body = b""
    for name, content in files:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
                 f"Content-Type: image/png\r\n\r\n").encode() + content + b"\r\n"
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"
