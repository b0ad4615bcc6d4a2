//! Spreading independent work over the machine's cores with scoped threads. A big dataset has
//! tens of thousands of series whose checks do not depend on each other; results come back in
//! the order of the work, so the output does not depend on the number of cores.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Worker threads to use: the cores available, at most `cap`.
fn workers(cap: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, cap.max(1))
}

/// `f(i)` for every `i` in `0..n`, on all cores, results in index order. `tick` runs on the
/// calling thread after each item it finished itself, with the count of items done so far;
/// when it returns false no new item is started and the result is `None`.
pub fn map_indexed<R: Send>(
    n: usize,
    f: impl Fn(usize) -> R + Sync,
    tick: &mut dyn FnMut(usize) -> bool,
) -> Option<Vec<R>> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // Takes items until none are left or one is told to stop; `after` hears the count done.
    let work = |after: &mut dyn FnMut(usize) -> bool| {
        let mut mine = Vec::new();
        while !stop.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                break;
            }
            mine.push((i, f(i)));
            let count = done.fetch_add(1, Ordering::Relaxed) + 1;
            if !after(count) {
                stop.store(true, Ordering::Relaxed);
            }
        }
        mine
    };
    let mut all: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers(n))
            .map(|_| scope.spawn(|| work(&mut |_| true)))
            .collect();
        // Only the calling thread reports: `tick` need not be shared between threads.
        let mut mine = work(tick);
        for h in helpers {
            // A panicking check is a bug; it surfaces on the caller's thread as it would have.
            match h.join() {
                Ok(part) => mine.extend(part),
                Err(e) => std::panic::resume_unwind(e),
            }
        }
        mine
    });
    if stop.load(Ordering::Relaxed) {
        return None;
    }
    all.sort_unstable_by_key(|(i, _)| *i);
    Some(all.into_iter().map(|(_, r)| r).collect())
}

/// `f` over consecutive chunks of `items` (about `per_chunk` each), on all cores, in order.
pub fn map_chunks<T: Sync, R: Send>(
    items: &[T],
    per_chunk: usize,
    f: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    let chunks: Vec<&[T]> = items.chunks(per_chunk.max(1)).collect();
    map_indexed(chunks.len(), |i| f(chunks[i]), &mut |_| true).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_thread_made_them() {
        let out = map_indexed(1000, |i| i * 2, &mut |_| true).unwrap();
        assert_eq!(out, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
        let sums = map_chunks(&(0..100).collect::<Vec<u32>>(), 7, |c| {
            c.iter().sum::<u32>()
        });
        assert_eq!(sums.len(), 15);
        assert_eq!(sums.iter().sum::<u32>(), 4950);
        assert_eq!(sums[0], 21);
    }

    #[test]
    fn a_tick_that_says_stop_gives_nothing() {
        let mut ticks = 0;
        // Items that take a moment: on two cores a helper could otherwise do all of them
        // before the caller's third tick, and nothing would be told to stop.
        let slow = |i| {
            std::thread::sleep(std::time::Duration::from_micros(100));
            i
        };
        let out = map_indexed(10_000, slow, &mut |_| {
            ticks += 1;
            ticks < 3
        });
        assert!(out.is_none());
        assert!(ticks >= 1);
    }

    #[test]
    fn no_work_is_no_result() {
        assert_eq!(
            map_indexed(0, |i| i, &mut |_| true),
            Some(Vec::<usize>::new())
        );
    }
}
