//! The gate panel under a stage (完成本阶段 with why it is not yet possible, or when the stage was
//! completed with 重新打开本阶段), and the words of a refused edit and of a gate's refusal.

use super::stepper::stage_number;
use crate::domain::gates::{can_complete, GateError};
use crate::domain::procedure::{FieldKind, Procedure, Stage};
use crate::domain::record::{Edit, EditError, Record, StageStatus};
use crate::domain::when;
use crate::domain::CountyRules;
use crate::i18n::{data, t, tf, tn, Data, Key, Lang};
use yew::prelude::*;

/// A stage's number and title, as messages name it.
pub fn stage_named(lang: Lang, procedure: &Procedure, id: &str) -> (usize, String) {
    let title =
        procedure.stage(id).map(|s| data(lang, Data::Stage, &s.id, &s.title).to_owned()).unwrap_or_default();
    (stage_number(&procedure.stages, id), title)
}

/// Why a stage gate refused, in words.
pub fn gate_message(lang: Lang, procedure: &Procedure, e: &GateError) -> String {
    match e {
        GateError::PreviousNotCompleted(prev) => {
            let (n, title) = stage_named(lang, procedure, prev);
            tf(lang, Key::GatePrevious, &[&n, &title])
        }
        GateError::HasErrors(list) => {
            tn(lang, [Key::GateErrorsOne, Key::GateErrors], list.len() as u64, &[&list.len()])
        }
        GateError::AlreadyCompleted => t(lang, Key::GateAlreadyCompleted).to_owned(),
        GateError::NotCompleted => t(lang, Key::GateNotCompleted).to_owned(),
        GateError::UnknownStage(id) => tf(lang, Key::GateUnknownStage, &[id]),
    }
}

/// An edit the engine refused: where it was made (the item, or the stage's gate when `None`)
/// and why, in words. Shown there until the next accepted edit; the fields show what is stored.
#[derive(Clone, PartialEq)]
pub struct Refusal {
    pub item: Option<String>,
    pub message: String,
}

impl Refusal {
    /// `edit`, refused for `error`, in words, placed at its item.
    pub fn of(lang: Lang, procedure: &Procedure, edit: &Edit, error: &EditError) -> Refusal {
        let item_with = |kind: fn(&FieldKind) -> bool| {
            procedure.fields().find(|(_, _, f)| kind(&f.kind)).map(|(_, item, _)| item.id.clone())
        };
        let item = match edit {
            Edit::SetValue { field, .. } => procedure.field(field).map(|(_, item, _)| item.id.clone()),
            Edit::SetItem { item, .. } => Some(item.clone()),
            Edit::AddParty(_) | Edit::UpdateParty { .. } | Edit::RemoveParty { .. } => {
                item_with(|k| matches!(k, FieldKind::Parties { .. }))
            }
            Edit::LinkOpinion { .. } => {
                procedure.field(&procedure.key_fields.source_summary).map(|(_, item, _)| item.id.clone())
            }
            Edit::AddProgress(_) | Edit::UpdateProgress { .. } | Edit::RemoveProgress { .. } => {
                item_with(|k| *k == FieldKind::Progress)
            }
            Edit::CompleteStage(_) | Edit::ReopenStage(_) | Edit::Supersede { .. } | Edit::Upgrade { .. } => {
                None
            }
        };
        let message = match error {
            EditError::Locked(stage) => {
                let (n, title) = stage_named(lang, procedure, stage);
                tf(lang, Key::RefusedLocked, &[&n, &title])
            }
            EditError::BadValue(name) | EditError::Unknown(name) => {
                let label = procedure
                    .field(name)
                    .map(|(_, _, f)| data(lang, Data::Field, &f.id, &f.label).to_owned())
                    .unwrap_or_else(|| name.clone());
                let key = if matches!(error, EditError::BadValue(_)) {
                    Key::RefusedBadValue
                } else {
                    Key::RefusedUnknown
                };
                tf(lang, key, &[&label])
            }
            EditError::Gate(gate) => tf(lang, Key::RefusedGate, &[&gate_message(lang, procedure, gate)]),
            EditError::FromReports(name) => {
                let label = procedure
                    .field(name)
                    .map(|(_, _, f)| data(lang, Data::Field, &f.id, &f.label).to_owned())
                    .unwrap_or_else(|| name.clone());
                tf(lang, Key::RefusedFromReports, &[&label])
            }
            EditError::NoNote => t(lang, Key::RefusedNoNote).to_owned(),
        };
        Refusal { item, message }
    }

    /// The refusal as shown.
    pub fn view(&self) -> Html {
        html! { <p class="refused" role="alert">{ &self.message }</p> }
    }
}

/// The gate panel of `stage`: the refusal of an edit made there (`refused_here`) under it.
pub fn gate_panel(
    lang: Lang,
    procedure: &Procedure,
    county: &CountyRules,
    r: &Record,
    stage: &Stage,
    on_edit: &Callback<Edit>,
    refused_here: Option<Html>,
) -> Html {
    if r.is_completed(&stage.id) {
        let at = match r.stage_status(&stage.id) {
            StageStatus::Completed { at } => {
                if lang == Lang::Zh {
                    when::format_date_zh(crate::ui::local_date(at))
                } else {
                    when::format_date(crate::ui::local_date(at))
                }
            }
            _ => String::new(),
        };
        let stage_id = stage.id.clone();
        let on_reopen = on_edit.reform(move |_: MouseEvent| Edit::ReopenStage(stage_id.clone()));
        html! {
            <div class="gate">
                <p id="gate-why">{ tf(lang, Key::CompletedAt, &[&at]) }</p>
                <button type="button" onclick={on_reopen}>{ t(lang, Key::ReopenStage) }</button>
                { refused_here }
            </div>
        }
    } else {
        let why =
            can_complete(r, procedure, county, &stage.id).err().map(|e| gate_message(lang, procedure, &e));
        let stage_id = stage.id.clone();
        // The editor moves on to the next stage once the engine has accepted the completion.
        let on_complete = on_edit.reform(move |_: MouseEvent| Edit::CompleteStage(stage_id.clone()));
        html! {
            <div class="gate">
                if matches!(r.stage_status(&stage.id), StageStatus::Recheck) {
                    <p class="recheck">{ t(lang, Key::RecheckNote) }</p>
                }
                <button type="button" class="primary" disabled={why.is_some()} aria-describedby="gate-why" onclick={on_complete}>
                    { t(lang, Key::CompleteStage) }
                </button>
                <p id="gate-why" class={classes!(why.is_some().then_some("blocked"))}>
                    { why.unwrap_or_else(|| t(lang, Key::GateReady).to_owned()) }
                </p>
                { refused_here }
            </div>
        }
    }
}
