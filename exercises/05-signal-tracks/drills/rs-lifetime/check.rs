// Hidden check: the window is dropped before the result is used, so the result may
// borrow from the track only.
fn main() {
    let track = vec![
        Interval {
            start: 0,
            end: 100,
            milli: 1500,
        },
        Interval {
            start: 100,
            end: 250,
            milli: 2000,
        },
        Interval {
            start: 400,
            end: 500,
            milli: 500,
        },
    ];
    let hits = {
        let window = Window {
            start: 50,
            end: 150,
        };
        overlapping(&track, &window)
    }; // `window` is gone here; `hits` still points into `track`
    let total: u64 = hits.iter().map(|iv| iv.milli).sum();
    if hits.len() != 2 || total != 3500 {
        panic!(
            "the window 50..150 overlaps the first two intervals, got {} intervals",
            hits.len()
        );
    }
    let gap = Window {
        start: 250,
        end: 400,
    };
    if !overlapping(&track, &gap).is_empty() {
        panic!("the window 250..400 is exactly a gap: no interval shares a base with it");
    }
}
