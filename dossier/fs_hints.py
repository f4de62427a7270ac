"""Hints to the filesystem about where a build's new files should go.

A build writes thousands of files into a fresh staging folder right after the previous
site (or, in a benchmark, a whole output/) was deleted.  ext4 without a journal does not
reuse an inode freed in the last minute or so, and it finds that out by looking at every
recently freed inode of the block group, for every new file: writing a site into the group
the old one was just deleted from then costs several times the work (at 1,000 articles,
~2 CPU-seconds of the build's ~30 went to this, at 10,000 far more).  A folder carrying the
"top of directory hierarchy" flag (``chattr +T``) makes ext4 place each new subfolder the
way it places folders at the root of the filesystem: in a lightly used block group, the
search starting from a hash of the subfolder's name.  The staging folder gets a random name
inside such a folder, so it lands away from what was just deleted, and everything under it
follows it.  Elsewhere (a journalled ext4, another filesystem, another OS) the flag is
refused or ignored and nothing changes.
"""

from __future__ import annotations

import contextlib
import os
import struct
from pathlib import Path

# linux/fs.h: FS_IOC_GETFLAGS / FS_IOC_SETFLAGS (as chattr calls them; the kernel reads and
# writes an int) and FS_TOPDIR_FL.
_GET_FLAGS = 0x80086601
_SET_FLAGS = 0x40086602
_TOPDIR = 0x00020000


def place_subfolders_apart(folder: Path) -> bool:
    """Ask the filesystem to place ``folder``'s subfolders as top-level folders (best effort).

    True when the flag is set; False where the platform or filesystem has no such flag.
    """
    try:
        import fcntl
    except ImportError:  # not a POSIX system
        return False
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            flags = struct.unpack("i", fcntl.ioctl(descriptor, _GET_FLAGS, struct.pack("i", 0)))[0]
            fcntl.ioctl(descriptor, _SET_FLAGS, struct.pack("i", flags | _TOPDIR))
            return True
        finally:
            os.close(descriptor)
    return False
