trait Tokenizer {
    fn tokenize(&self, start: u64, end: u64) -> Vec<usize>;
}

struct Tiles {
    width: u64,
}

impl Tokenizer for Tiles {
    fn tokenize(&self, start: u64, end: u64) -> Vec<usize> {
        let first = (start / self.width) as usize;
        let last = ((end + self.width - 1) / self.width) as usize;
        (first..last).collect()
    }
}

/// Peaks of one chromosome, as (start, end): searched one by one.
struct Peaks {
    regions: Vec<(u64, u64)>,
}

impl Tokenizer for Peaks {
    fn tokenize(&self, start: u64, end: u64) -> Vec<usize> {
        let overlapping = |&(s, e): &(u64, u64)| s < end && start < e;
        let ids = self.regions.iter().enumerate();
        ids.filter(|(_, region)| overlapping(region))
            .map(|(id, _)| id)
            .collect()
    }
}

/// The tokens of one query under each tokenizer, in order.
fn tokenize_with_each(start: u64, end: u64) -> Vec<Vec<usize>> {
    let tokenizers: Vec<Box<dyn Tokenizer>> = vec![
        Box::new(Tiles { width: 1000 }),
        Box::new(Peaks {
            regions: vec![(100, 900), (1500, 1600), (2500, 4000)],
        }),
    ];
    tokenizers.iter().map(|t| t.tokenize(start, end)).collect()
}
