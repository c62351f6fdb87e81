"""The real binary in a pseudo-terminal: read the screen until the prompt, type a line.

Standard input and standard error (where the interview talks) are the terminal; standard
output is a pipe, so `--format json` hands over the report as a document to compare.
"""

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time

SCREEN_TIMEOUT = 30.0  # seconds per screen: the sanitizer build is slow, the machine shared
PROMPT = re.compile(r"(?:^|\n)> $")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")


class ScreenTimeout(Exception):
    pass


class Terminal:
    def __init__(self, argv, columns=250, rows=60, env=None):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        out_read, out_write = os.pipe()
        environment = dict(os.environ if env is None else env)
        environment.update(NO_COLOR="1", PAGER="cat", COLUMNS=str(columns), LINES=str(rows), TERM="xterm")
        self.process = subprocess.Popen(argv, stdin=slave, stdout=out_write, stderr=slave, env=environment,
                                        start_new_session=True, close_fds=True)
        os.close(slave)
        os.close(out_write)
        self.stdout_fd = out_read
        self.stdout = b""
        self.raw = b""  # everything the terminal showed
        self.mark = 0  # where the current screen starts in raw
        self.closed = False

    def _pump(self, timeout):
        readers = [fd for fd in (self.master, self.stdout_fd) if fd is not None]
        if not readers:
            return
        ready, _, _ = select.select(readers, [], [], timeout)
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                data = b""
            if fd == self.master:
                if data:
                    self.raw += data
                else:
                    self.closed = True
                    os.close(self.master)
                    self.master = None
            else:
                if data:
                    self.stdout += data
                else:
                    os.close(self.stdout_fd)
                    self.stdout_fd = None

    def text(self, start=0):
        return ANSI.sub("", self.raw[start:].decode("utf-8", errors="replace"))

    def screen(self):
        """Reads until the prompt waits for input (returns the screen) or the program ends (None)."""
        deadline = time.monotonic() + SCREEN_TIMEOUT
        while True:
            current = self.text(self.mark)
            if PROMPT.search(current):
                return current
            if self.master is None:
                return None
            left = deadline - time.monotonic()
            if left <= 0:
                raise ScreenTimeout(f"no prompt and no exit within {SCREEN_TIMEOUT:.0f} s")
            self._pump(min(left, 1.0))

    def type(self, line):
        self.mark = len(self.raw)
        os.write(self.master, line.encode("utf-8") + b"\r")

    def finish(self):
        """Waits for the exit (30 s at most) and returns the status."""
        deadline = time.monotonic() + SCREEN_TIMEOUT
        while self.master is not None or self.stdout_fd is not None:
            if time.monotonic() > deadline:
                break
            self._pump(0.5)
        try:
            return self.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        for fd in (self.master, self.stdout_fd):
            if fd is not None:
                os.close(fd)
        self.master = self.stdout_fd = None
