// Hidden check: a main() that runs tokenize_all with Tiles and with a tokenizer of its own.
struct AlwaysUnknown;

impl Tokenizer for AlwaysUnknown {
    fn tokenize(&self, _start: u64, _end: u64) -> Vec<usize> {
        Vec::new()
    }
}

fn main() {
    let tiles = Tiles {
        width: 100,
        count: 10,
    };
    let queries = [(0, 100), (50, 250), (100, 101), (950, 2000)];
    let got = tokenize_all(&tiles, &queries);
    let want: Vec<Vec<usize>> = vec![vec![0], vec![0, 1, 2], vec![1], vec![9]];
    if got != want {
        panic!("tokenize_all(&Tiles {{ width: 100, count: 10 }}, {queries:?}) should be {want:?}, got {got:?}");
    }
    let none = tokenize_all(&AlwaysUnknown, &queries);
    if none.iter().any(|ids| !ids.is_empty()) {
        panic!("tokenize_all must call the tokenizer it is given, got {none:?}");
    }
}
