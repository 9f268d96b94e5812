//! Writes sample records and their ledger summaries as JSON, for benchmarks and demonstrations:
//! `cargo run --release --example samples -- COUNT OUT.json`. The file holds two arrays of JSON
//! texts, `records` and `summaries`, in the form the app stores them.

use xieshang::domain::ledger::Summary;
use xieshang::domain::{sample, transfer, Catalogue, Procedure};

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let out = args.next().unwrap_or_else(|| "samples.json".into());
    let procedure = Procedure::standard();
    let catalogue = Catalogue::template();
    let start = time::macros::date!(2026 - 06 - 01);
    let mut records = Vec::with_capacity(count);
    let mut summaries = Vec::with_capacity(count);
    for i in 0..count {
        let r = sample::record(&procedure, &catalogue, i, start);
        // Stored as the app stores them: canonical JSON, and the summary with its digest.
        let canonical = transfer::canonical_json(&r);
        let summary = Summary::with_digest(&r, &procedure, transfer::digest_of_text(&canonical));
        summaries.push(serde_json::to_string(&summary).expect("summary"));
        records.push(canonical);
    }
    let file = serde_json::json!({ "records": records, "summaries": summaries });
    std::fs::write(&out, serde_json::to_string(&file).expect("json")).expect("write");
    eprintln!("{count} records written to {out}");
}
