//! Native tests of the domain engine: one binary, one module per feature.
#![cfg(not(target_arch = "wasm32"))]

mod catalogue;
mod county_list;
mod documents;
mod docx;
mod english;
mod fixture;
mod gates;
mod ledger;
mod overview;
mod procedure;
mod progress;
mod record;
mod rules;
mod schema;
mod session;
mod tidy;
mod training;
mod transfer;
mod verify;
mod when;
