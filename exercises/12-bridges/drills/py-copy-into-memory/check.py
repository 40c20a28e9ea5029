# Hidden check: a 319-byte WebAssembly kernel compiled from Rust (no_std), exporting
# memory, alloc(len) -> ptr (a bump allocator) and gc_count(ptr, len) -> count.
import base64 as _base64
import js as _js
from pyodide.ffi import to_js as _to_js

_WASM = _base64.b64decode("AGFzbQEAAAABDAJgAX8Bf2ACf38BfwMDAgABBQMBABIGGQN/AUGAgMAAC38AQayAxAALfwBBsIDEAAsHOAUGbWVtb3J5AgAFYWxsb2MAAAhnY19jb3VudAABCl9fZGF0YV9lbmQDAQtfX2hlYXBfYmFzZQMCCpQBAiQBAX9BAEEAKAKogMCAACIBIABqNgKogMCAACABQayAwIAAagttAQN/QQAhAgJAIAFFDQADQEEAIQMCQCAALQAAQb1/aiIEQQZ0IARB/AFxQQJ2ciIEQf8BcUEJSw0AIARBGHRBGHVBAnRBgIDAgABqKAIAIQMLIABBAWohACADIAJqIQIgAUF/aiIBDQALCyACCwsxAQBBgIDAAAsoAQAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABAAAAAQAAAA==")
_kernel = _js.WebAssembly.Instance.new(_js.WebAssembly.Module.new(_to_js(_WASM)), _js.Object.new()).exports
for _seq, _want, _why in [
    ("GGCC", 4, "every base is G or C"),
    ("ATAT", 0, "no G or C at all"),
    ("acgtNNgc", 4, "lowercase g and c count too"),
    ("", 0, "an empty sequence has nothing to count"),
    ("GATTACA" * 100, 200, "seven hundred bases, two in seven G or C"),
]:
    _got = count_gc(_kernel, _seq)
    assert _got == _want, (
        f"count_gc(kernel, {_seq[:14]!r}) should be {_want}, got {_got} ({_why}). "
        "The kernel counts whatever is in its own memory at ptr: are the bytes copied there?"
    )
