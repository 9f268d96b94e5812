//! Writes the road case (`domain::sample::road`) as an export file the app imports, for the
//! end-to-end tests of paper: `cargo run --example road -- OUT.json`.

use xieshang::domain::{sample, settings::Place, transfer, Catalogue, Procedure};

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "road.json".into());
    let procedure = Procedure::standard();
    let record = sample::road(&procedure, &Catalogue::template());
    let place =
        Place { county: "昌吉市".into(), township: "榆树沟镇".into(), community: "勇进村".into() };
    let exported_at = record.updated;
    let envelope = transfer::export(&[record], Vec::new(), &place, exported_at);
    std::fs::write(&out, transfer::to_json(&envelope)).expect("write");
    eprintln!("the road case written to {out}");
}
