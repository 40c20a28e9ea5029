"""{{title}}: core solution (Python standard library only)."""
import sys


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: main.py <input>")
    try:
        with open(argv[1], encoding="utf-8") as handle:
            lines = [line for line in handle if line.strip()]
    except OSError as e:
        sys.exit(f"error: cannot read {argv[1]}: {e.strerror}")
    sys.stdout.write(f"lines\t{len(lines)}\n")


if __name__ == "__main__":
    main(sys.argv)
