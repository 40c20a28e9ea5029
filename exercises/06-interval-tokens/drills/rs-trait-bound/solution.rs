trait Tokenizer {
    /// Ids of the vocabulary entries sharing >= 1 bp with `start..end`, ascending.
    fn tokenize(&self, start: u64, end: u64) -> Vec<usize>;
}

/// A chromosome cut into `count` tiles of `width` bp: tile i is `i * width..(i + 1) * width`.
struct Tiles {
    width: u64,
    count: usize,
}

impl Tokenizer for Tiles {
    fn tokenize(&self, start: u64, end: u64) -> Vec<usize> {
        let first = (start / self.width) as usize;
        let last = ((end + self.width - 1) / self.width) as usize; // ceiling: a partial tile counts
        (first..last.min(self.count)).collect()
    }
}

/// Tokenizes every (start, end) query with any tokenizer.
fn tokenize_all<T: Tokenizer>(tokenizer: &T, queries: &[(u64, u64)]) -> Vec<Vec<usize>> {
    queries
        .iter()
        .map(|&(start, end)| tokenizer.tokenize(start, end))
        .collect()
}
