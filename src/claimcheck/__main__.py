import sys

from claimcheck.cli import main

# Guarded: processes started with "spawn" (the server's workers) import this module again.
if __name__ == "__main__":
    sys.exit(main())
