"""Module 02's k-mer table from CPython, counted in Rust by the kmer_kernel extension.

Usage, after `maturin develop --release` in the folder above:
    python examples/top_kmers.py ../../data/genome.fasta 21 10
Prints what ../../../python/main.py prints in the page, where the same Rust is reached
through WebAssembly instead.
"""

import sys

import numpy as np

import kmer_kernel


def read_sequences(path: str) -> str:
    """Every record's sequence, records separated by "\\n": the layout kmer_kernel takes."""
    records: list[list[str]] = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            text = line.rstrip()
            if text.startswith(">"):
                records.append([])
            elif text:
                if not records:
                    raise ValueError(f"{path} line {line_no}: sequence before the first '>' header")
                records[-1].append(text)
    return "\n".join("".join(lines) for lines in records)


def main(argv: list[str]) -> None:
    if len(argv) != 4:
        sys.exit("usage: python top_kmers.py <fasta> <k> <n>")
    path, k_text, n_text = argv[1:]
    if not (k_text.isascii() and k_text.isdigit() and n_text.isascii() and n_text.isdigit()):
        sys.exit("error: k and n must be whole numbers")
    try:
        seqs = read_sequences(path)
        # A str goes in, a list of (str, int) tuples comes out; the GIL is released while
        # Rust counts. A broken rule arrives as ValueError with the Rust error's message.
        table = kmer_kernel.top_kmers(seqs, int(k_text), int(n_text))
    except OSError as err:
        sys.exit(f"error: cannot read {path}: {err.strerror}")
    except ValueError as err:
        sys.exit(f"error: {err}")
    # The same kernel from a NumPy array of bytes (copied once, on the Rust side).
    as_array = np.frombuffer(seqs.encode("ascii"), dtype=np.uint8)
    assert kmer_kernel.top_kmers_array(as_array, int(k_text), int(n_text)) == table
    sys.stdout.write("kmer\tcount\n" + "".join(f"{kmer}\t{count}\n" for kmer, count in table))


if __name__ == "__main__":
    main(sys.argv)
