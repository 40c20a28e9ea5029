import js


def count_gc(kernel, seq: str) -> int:
    """How many G and C (either case) are in seq, counted by the WebAssembly kernel."""
    data = seq.encode("ascii")
    ptr = kernel.alloc(len(data))
    # The kernel reads only its own memory: copy the bytes to where alloc put the block.
    # memory.buffer is fetched after alloc, which may have grown (and replaced) it.
    js.Uint8Array.new(kernel.memory.buffer, ptr, len(data)).assign(data)
    return kernel.gc_count(ptr, len(data))
