//! Stage gates: a stage completes only after the stage before it, and only when its report has
//! no errors; reopening a completed stage sends the later completed stages back for re-check.

use super::validate::{validate, Problem};
use super::{Record, StageStatus};
use crate::domain::procedure::{CountyRules, Procedure, StageId};

/// Why a gate refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GateError {
    /// No such stage.
    UnknownStage(String),
    /// The stage before it is not completed.
    PreviousNotCompleted(StageId),
    /// The stage is completed already.
    AlreadyCompleted,
    /// Only a completed stage can be reopened.
    NotCompleted,
    /// The stage's report has errors; they are all listed.
    HasErrors(Vec<Problem>),
}

/// Whether a stage can be completed now.
pub fn can_complete(
    record: &Record,
    procedure: &Procedure,
    county: &CountyRules,
    stage: &str,
) -> Result<(), GateError> {
    let index = procedure.stage_index(stage).ok_or_else(|| GateError::UnknownStage(stage.to_owned()))?;
    if record.is_completed(stage) {
        return Err(GateError::AlreadyCompleted);
    }
    if let Some(previous) = index.checked_sub(1).map(|i| &procedure.stages[i].id) {
        if !record.is_completed(previous) {
            return Err(GateError::PreviousNotCompleted(previous.clone()));
        }
    }
    let report = validate(record, procedure, county);
    let errors: Vec<Problem> = report.errors_of(stage).cloned().collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(GateError::HasErrors(errors))
    }
}

/// Reopens a completed stage; returns the later stages sent back for re-check.
pub(super) fn reopen(
    record: &mut Record,
    procedure: &Procedure,
    stage: &str,
) -> Result<Vec<StageId>, GateError> {
    let index = procedure.stage_index(stage).ok_or_else(|| GateError::UnknownStage(stage.to_owned()))?;
    if !record.is_completed(stage) {
        return Err(GateError::NotCompleted);
    }
    record.stages.insert(stage.to_owned(), StageStatus::Open);
    let mut rechecks = Vec::new();
    for later in &procedure.stages[index + 1..] {
        if record.is_completed(&later.id) {
            record.stages.insert(later.id.clone(), StageStatus::Recheck);
            rechecks.push(later.id.clone());
        }
    }
    Ok(rechecks)
}

/// The stages a record marks completed whose gate the engine refuses (checked as if each were
/// still open): a file may say a stage is done that was never filled in. The ledger does not
/// count such a record as 已办结, and the import preview says so.
pub fn unearned_stages(record: &Record, procedure: &Procedure) -> Vec<String> {
    let report = validate(record, procedure, &CountyRules::default());
    procedure
        .stages
        .iter()
        .filter(|s| record.is_completed(&s.id) && report.errors_of(&s.id).next().is_some())
        .map(|s| s.id.clone())
        .collect()
}
