//! Writes the road case (`domain::sample::road`, and `road_reported` with its progress reports)
//! as an export file the app imports, for the end-to-end tests of paper:
//! `cargo run --example road -- OUT.json`.

use xieshang::domain::{sample, settings::Place, transfer, Catalogue, Procedure};

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "road.json".into());
    let procedure = Procedure::standard();
    let catalogue = Catalogue::template();
    let record = sample::road(&procedure, &catalogue);
    let reported = sample::road_reported(&procedure, &catalogue);
    let place =
        Place { county: "昌吉市".into(), township: "榆树沟镇".into(), community: "勇进村".into() };
    let exported_at = record.updated.max(reported.updated);
    let envelope = transfer::export(&[record, reported], Vec::new(), &place, exported_at);
    std::fs::write(&out, transfer::to_json(envelope)).expect("write");
    eprintln!("the road case written to {out}");
}
