import js


def count_gc(kernel, seq: str) -> int:
    """How many G and C (either case) are in seq, counted by the WebAssembly kernel."""
    data = seq.encode("ascii")
    ptr = kernel.alloc(len(data))
    return kernel.gc_count(ptr, len(data))
