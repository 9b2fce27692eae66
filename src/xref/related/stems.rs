//! Name stems: a vendor's codes whose symbolic names begin with the same
//! two or more words (`VOL_SS` of `VOL_SS_CREATE_FAILED`).

use std::ops::Range;

use twox_hash::XxHash3_64;

use crate::model::Vendor;
use crate::xref::words::{Piece, Underscore, split};

/// For each of a vendor's codes, its siblings by name: the vendor's codes
/// whose names share a stem of at least two words with its own, longest
/// stem first; within a stem, the codes nearest in code order, listed in
/// code order. At most `limit`.
pub(super) fn stem_siblings(vendor: &Vendor, limit: usize) -> Vec<Vec<(usize, String)>> {
    // A name's stems are the prefixes of its lowercase words joined by `_`,
    // so `InvalidService` and `INVALID_SERVICE` are one stem, known by the
    // hash of that key. Sorting every (stem, record) pair makes each stem's
    // records a run of `members`, ascending.
    let mut key = String::new();
    let mut members: Vec<(u64, u32)> = Vec::new();
    let mut stems: Vec<Vec<(usize, Range<usize>)>> = vendor
        .records
        .iter()
        .enumerate()
        .map(|(r, record)| {
            let mut stems = Vec::new();
            let Some(name) = record.name.as_deref() else {
                return stems;
            };
            key.clear();
            for w in split(name, Underscore::Splits).filter_map(Piece::word) {
                if !key.is_empty() {
                    key.push('_');
                    // A stem from the second word on; its run comes below.
                    key.extend(name[w.clone()].chars().map(|c| c.to_ascii_lowercase()));
                    members.push((XxHash3_64::oneshot(key.as_bytes()), r as u32));
                    stems.push((w.end, 0..0));
                } else {
                    key.extend(name[w].chars().map(|c| c.to_ascii_lowercase()));
                }
            }
            stems
        })
        .collect();
    // Which pair is whose: records in order, each stem in order.
    let mut owner: Vec<(u32, u32)> = Vec::with_capacity(members.len());
    for (r, s) in stems.iter().enumerate() {
        owner.extend((0..s.len() as u32).map(|i| (r as u32, i)));
    }
    let mut order: Vec<u32> = (0..members.len() as u32).collect();
    order.sort_unstable_by_key(|&i| members[i as usize]);
    let sorted: Vec<u32> = order.iter().map(|&i| members[i as usize].1).collect();
    let mut start = 0;
    while start < order.len() {
        let stem = members[order[start] as usize].0;
        let end = start + order[start..].partition_point(|&i| members[i as usize].0 == stem);
        for &i in &order[start..end] {
            let (r, s) = owner[i as usize];
            stems[r as usize][s as usize].1 = start..end;
        }
        start = end;
    }

    let mut picked = Vec::new();
    stems
        .iter()
        .enumerate()
        .map(|(r, stems)| {
            let mut siblings: Vec<(usize, String)> = Vec::new();
            for (end, run) in stems.iter().rev() {
                let group = &sorted[run.clone()];
                if siblings.len() == limit {
                    break;
                }
                if group.len() < 2 {
                    continue;
                }
                // The group holds `r`, in ascending order: widen a window
                // around it, the nearer side first, the earlier on a tie.
                let chosen = siblings.len();
                let r = r as u32;
                let at = group.binary_search(&r).unwrap_or_else(|at| at);
                let (mut left, mut right) = (at, at + 1);
                picked.clear();
                while chosen + picked.len() < limit && (left > 0 || right < group.len()) {
                    let take_left = left > 0
                        && (right >= group.len() || r - group[left - 1] <= group[right] - r);
                    let other = if take_left {
                        left -= 1;
                        group[left]
                    } else {
                        right += 1;
                        group[right - 1]
                    };
                    if !siblings[..chosen].iter().any(|&(s, _)| s == other as usize) {
                        picked.push(other as usize);
                    }
                }
                picked.sort_unstable();
                let stem = &vendor.records[r as usize]
                    .name
                    .as_deref()
                    .unwrap_or_default()[..*end];
                siblings.extend(picked.iter().map(|&o| (o, stem.to_owned())));
            }
            siblings
        })
        .collect()
}
