"""Entry point of ``isodesk-cli``, the bundle's console program: the command line alone, which never loads Qt.

On Windows ``isodesk.exe`` is windowed and prints nothing; this one has the whole command line. Without a command it
prints the help instead of opening the window.
"""

import multiprocessing
import sys

from isodesk.cli.main import run

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a worker process of a batch import is this program started again
    sys.exit(run(sys.argv[1:]))
