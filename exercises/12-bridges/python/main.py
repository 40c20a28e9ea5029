"""Module 02's k-mer table, counted by a Rust kernel compiled to WebAssembly.

Usage (in Pyodide, as this page runs it): python main.py kmers genome.fasta K N
Python reads the FASTA file and checks that K and N are whole numbers; the Rust kernel,
kernel/kmers.wasm (built from kernel/kmers.rs), does the counting. Python reaches it
through Pyodide's bridge to JavaScript, whose WebAssembly API loads and calls it. Plain
CPython has no such bridge: there, the PyO3 extension in ecosystem/pyo3-kmers is the way.
"""

import re
import sys

try:
    import js  # Pyodide's bridge: JavaScript's global scope, seen as a Python module
    from pyodide.ffi import to_js
except ImportError:  # CPython: there is no JavaScript to bridge to
    js = None

USAGE = "usage: python main.py kmers <fasta> <k> <n>"
KERNEL = "kernel/kmers.wasm"
# Everything up to the first whitespace; "" when the header starts with a space.
FIRST_WORD = re.compile(r"\S*")
# The kernel's k and n are u32s: JavaScript would wrap anything larger modulo 2**32
# (4294967317 would become 21), so larger values are pinned here first.
U32_MAX = 2**32 - 1
# The kernel's negative return values (kernel/kmers.rs, region "codes").
ERR_K_OUT_OF_RANGE, ERR_N_ZERO, ERR_K_LONGER_THAN_EVERY_RECORD = -1, -2, -3


def read_fasta(path: str) -> list[tuple[str, str]]:
    """(id, sequence) of every record, sequence lines joined and the case kept.

    Raises OSError for an unreadable file and ValueError for text before the first header.
    """
    records: list[tuple[str, list[str]]] = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            text = line.rstrip()
            if text.startswith(">"):
                records.append((FIRST_WORD.match(text, 1).group(), []))
            elif text:
                if not records:
                    raise ValueError(f"{path} line {line_no}: sequence before the first '>' header")
                records[-1][1].append(text)
    return [(record_id, "".join(lines)) for record_id, lines in records]


def digits(text: str, rule: str) -> int:
    """The value of a whole number written with digits only (int() would take " +2_1")."""
    if not text.isascii() or not text.isdigit():
        raise ValueError(rule)
    return int(text)


# region: load
def load_kernel(path: str):
    """The kernel's exports: its functions and its memory, as JavaScript objects.

    One instance is kept on JavaScript's globalThis, so later runs in this page skip
    compiling it. It is rebuilt if the file changes, or after a call that failed.
    """
    try:
        with open(path, "rb") as handle:
            wasm = handle.read()
    except OSError as err:
        raise ValueError(f"cannot read the k-mer kernel {path}: {err.strerror}") from err
    kept = getattr(js.globalThis, "ruKmerKernel", None)
    if kept is None or kept.size != len(wasm):
        module = js.WebAssembly.Module.new(to_js(wasm))
        kept = js.Object.new()
        kept.size = len(wasm)
        kept.exports = js.WebAssembly.Instance.new(module, js.Object.new()).exports
        js.globalThis.ruKmerKernel = kept
    return kept.exports
# endregion


# region: call
def kernel_top_kmers(path: str, seqs: bytes, k: int, n: int) -> str | int:
    """The kernel's table for `seqs`, or its negative error code."""
    kernel = load_kernel(path)
    try:
        # 1. Borrow a block of the kernel's memory and copy the sequences into it. Wasm
        #    returns an i32, so an address above 2 GiB arrives negative: & U32_MAX.
        ptr = kernel.ru_alloc(len(seqs)) & U32_MAX
        # memory.buffer is fetched after ru_alloc: growing the memory replaces it.
        js.Uint8Array.new(kernel.memory.buffer, ptr, len(seqs)).assign(seqs)
        # 2. Count. The kernel reads the block during this call only...
        length = kernel.kmer_top(ptr, len(seqs), min(k, U32_MAX), min(n, U32_MAX))
        # ...so it can be given back at once: it was ours to free, with its length.
        kernel.ru_free(ptr, len(seqs))
        if length < 0:
            return length
        # 3. The table is the kernel's: copy it out, then let the kernel free it.
        at = kernel.ru_result_ptr() & U32_MAX
        table = js.Uint8Array.new(kernel.memory.buffer, at, length).to_bytes()
        kernel.ru_result_free()
    except Exception:
        # A trap (out of memory, say) leaves the instance in no known state: drop it.
        js.globalThis.ruKmerKernel = None
        raise
    return table.decode("ascii")
# endregion


# region: run
def run_kmers(path: str, k_text: str, n_text: str) -> str:
    k_rule = f"k must be a whole number from 1 to 32, got '{k_text}'"
    n_rule = f"n must be a whole number of at least 1, got '{n_text}'"
    # Parsing the text is Python's job; the rules about k and n are the kernel's.
    k = digits(k_text, k_rule)
    n = digits(n_text, n_rule)
    seqs = [seq.encode("utf-8") for _, seq in read_fasta(path)]
    # One buffer, records separated by a newline: the layout the kernel takes.
    result = kernel_top_kmers(KERNEL, b"\n".join(seqs), k, n)
    if result == ERR_K_OUT_OF_RANGE:
        raise ValueError(k_rule)
    if result == ERR_N_ZERO:
        raise ValueError(n_rule)
    if result == ERR_K_LONGER_THAN_EVERY_RECORD:
        longest = max((len(seq) for seq in seqs), default=0)
        raise ValueError(f"k = {k} is longer than every sequence in {path} (longest: {longest})")
    if isinstance(result, int):
        raise ValueError(f"the k-mer kernel failed with code {result}")
    return result
# endregion


def main(argv: list[str]) -> None:
    if js is None:
        sys.exit(
            "error: this program runs in Pyodide (Python in WebAssembly, as on the lesson page):"
            " it calls the k-mer kernel through Pyodide's bridge to JavaScript."
            " In CPython, build and import ecosystem/pyo3-kmers instead."
        )
    args = argv[1:]
    if len(args) != 4 or args[0] != "kmers":
        sys.exit(USAGE)
    try:
        output = run_kmers(*args[1:])
    except OSError as err:
        sys.exit(f"error: cannot read {args[1]}: {err.strerror}")
    except ValueError as err:  # includes UnicodeDecodeError
        sys.exit(f"error: {err}")
    sys.stdout.write(output)


if __name__ == "__main__":
    main(sys.argv)
