//! Related codes measured against hand-labelled pairs of seed codes
//! (`tests/fixtures/related-pairs.toml`, how they were chosen in
//! `related-pairs.md`): precision over the labelled pairs a page shows,
//! recall over the pairs labelled related, and coverage over every code.
//!
//! The bars are today's numbers, so a change can only make them better;
//! issue 21 asks for precision ≥ 90 %, recall ≥ 80 % and coverage ≥ 95 %.

use std::collections::HashSet;

use serde::Deserialize;

use crate::support::{manifest_dir, seed_site};

#[derive(Deserialize)]
struct Labels {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    a: String,
    b: String,
    related: bool,
}

#[test]
fn related_codes_against_the_labelled_pairs() {
    let text =
        std::fs::read_to_string(manifest_dir().join("tests/fixtures/related-pairs.toml")).unwrap();
    let labels: Labels = toml::from_str(&text).unwrap();
    assert!(labels.pair.len() >= 200, "{} pairs", labels.pair.len());

    let codes = seed_site().codes_json();
    let codes = codes["codes"].as_array().unwrap();
    let mut shown: HashSet<(String, String)> = HashSet::new();
    let mut covered = 0;
    for code in codes {
        let from = format!(
            "{}/{}",
            code["vendor"].as_str().unwrap(),
            code["code"].as_str().unwrap()
        );
        let related = code["related"].as_array().unwrap();
        covered += usize::from(!related.is_empty());
        for other in related {
            let to = format!(
                "{}/{}",
                other["vendor"].as_str().unwrap(),
                other["code"].as_str().unwrap()
            );
            shown.insert((from.clone(), to.clone()));
            shown.insert((to, from.clone()));
        }
    }
    let known: HashSet<String> = codes
        .iter()
        .map(|c| {
            format!(
                "{}/{}",
                c["vendor"].as_str().unwrap(),
                c["code"].as_str().unwrap()
            )
        })
        .collect();
    for pair in &labels.pair {
        assert!(
            known.contains(&pair.a) && known.contains(&pair.b),
            "{} ~ {}",
            pair.a,
            pair.b
        );
    }
    let is_shown = |p: &&Pair| shown.contains(&(p.a.clone(), p.b.clone()));
    let shown_labelled: Vec<&Pair> = labels.pair.iter().filter(is_shown).collect();
    let true_shown = shown_labelled.iter().filter(|p| p.related).count();
    let related = labels.pair.iter().filter(|p| p.related).count();
    let precision = true_shown as f64 / shown_labelled.len().max(1) as f64;
    let recall = true_shown as f64 / related.max(1) as f64;
    let coverage = covered as f64 / codes.len() as f64;
    println!(
        "related codes on {} labelled pairs ({related} related): precision {:.1} % ({true_shown} of {} shown), \
         recall {:.1} %, coverage {:.1} % ({covered} of {} codes)",
        labels.pair.len(),
        100.0 * precision,
        shown_labelled.len(),
        100.0 * recall,
        100.0 * coverage,
        codes.len()
    );
    assert!(precision >= 0.81, "precision fell to {precision:.3}");
    assert!(recall >= 0.80, "recall fell to {recall:.3}");
    assert!(coverage >= 0.96, "coverage fell to {coverage:.3}");
}

/// Every related code on a page says why, in the page's language: NetEase
/// has no symbolic names, so its siblings are found by their texts.
#[test]
fn related_codes_show_their_reason_in_both_languages() {
    let site = seed_site().site();
    let page = |lang: &str, code: &str| {
        std::fs::read_to_string(site.join(format!("{lang}/netease-cloudcomb/{code}.html"))).unwrap()
    };
    // 4000299 and 4000199 say the very same thing.
    assert!(
        page("en", "4000299").contains("4000199</a> · NetEase Cloud"),
        "4000199 is listed"
    );
    assert!(page("en", "4000299").contains("(same text, same vendor)"));
    assert!(page("zh", "4000299").contains("(同厂商的相同文本)"));
    // Create and delete a secret key: one object, named in each language.
    assert!(page("en", "5000005").contains("(also about secret key)"));
    assert!(page("zh", "5000005").contains("(同样涉及密钥)"));
}
