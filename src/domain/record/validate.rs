//! Validation: a full report of every problem of a record against the procedure, never just the
//! first. Each problem names its stage, what it points at, its severity, a message and the clause.

use super::{ItemState, Record};
use crate::domain::procedure::{Check, CountyRules, Procedure, Severity, StageId};
use serde::{Deserialize, Serialize};

/// Every problem found, in stage and item order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The problems.
    pub problems: Vec<Problem>,
}

/// One problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The stage whose report it belongs to.
    pub stage: StageId,
    /// What it points at.
    pub target: Target,
    /// Error (blocks the stage gate) or warning.
    pub severity: Severity,
    /// The clause it rests on, e.g. `二（四）2`.
    pub clause: String,
    /// What is wrong, with what the message needs.
    pub kind: ProblemKind,
}

/// What a problem points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Target {
    /// A checklist item.
    Item {
        /// Item id.
        item: String,
    },
    /// A field of an item.
    Field {
        /// Item id.
        item: String,
        /// Field id.
        field: String,
    },
    /// A party, by position.
    Party {
        /// Field id the parties are shown in.
        field: String,
        /// Position in the list.
        index: usize,
    },
}

/// Kinds of problems.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ProblemKind {
    /// A required item is still open.
    ItemOpen {
        /// The item's label.
        item: String,
    },
    /// A required field is empty.
    FieldMissing {
        /// The item's label.
        item: String,
        /// The field's label.
        field: String,
    },
    /// An item is marked not applicable without a reason.
    NoReason {
        /// The item's label.
        item: String,
    },
    /// A party has no name.
    PartyUnnamed {
        /// Position in the list.
        index: usize,
    },
    /// A rule of the procedure failed.
    Rule {
        /// Rule id.
        rule: String,
        /// The rule's message with its numbers filled in.
        message: String,
        /// The party concerned, where there is one.
        party: Option<String>,
        /// The numbers filled into the message's placeholders (`min`, `actual`, …), for the
        /// message in another language.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        fill: Vec<(String, String)>,
    },
}

impl Report {
    /// Problems of one stage.
    pub fn for_stage<'a>(&'a self, stage: &'a str) -> impl Iterator<Item = &'a Problem> + 'a {
        self.problems.iter().filter(move |p| p.stage == stage)
    }

    /// Errors of one stage: what keeps its gate shut.
    pub fn errors_of<'a>(&'a self, stage: &'a str) -> impl Iterator<Item = &'a Problem> + 'a {
        self.for_stage(stage).filter(|p| p.severity == Severity::Error)
    }

    /// Whether the whole record is free of errors.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Validates a whole record.
pub fn validate(record: &Record, procedure: &Procedure, county: &CountyRules) -> Report {
    let mut problems = Vec::new();
    for stage in &procedure.stages {
        check_items(record, procedure, stage, &mut problems);
        for rule in procedure.rules.iter().filter(|r| r.stage == stage.id) {
            if record.holds(procedure, &rule.when) {
                check_rule(record, procedure, county, rule, &mut problems);
            }
        }
    }
    Report { problems }
}

fn check_items(
    record: &Record,
    procedure: &Procedure,
    stage: &crate::domain::procedure::Stage,
    out: &mut Vec<Problem>,
) {
    let problem = |target, clause: &str, kind| Problem {
        stage: stage.id.clone(),
        target,
        severity: Severity::Error,
        clause: clause.to_owned(),
        kind,
    };
    for item in &stage.items {
        let item_required = record.requires(procedure, &item.requirement);
        let state = record.item_state(&item.id);
        let check_fields = match &state {
            ItemState::NotApplicable { reason } => {
                if reason.trim().is_empty() {
                    out.push(problem(
                        Target::Item { item: item.id.clone() },
                        &item.clause,
                        ProblemKind::NoReason { item: item.label.clone() },
                    ));
                }
                false
            }
            ItemState::Open if item_required => {
                out.push(problem(
                    Target::Item { item: item.id.clone() },
                    &item.clause,
                    ProblemKind::ItemOpen { item: item.label.clone() },
                ));
                true
            }
            ItemState::Open => false,
            ItemState::Done => true,
        };
        if !check_fields {
            continue;
        }
        for field in &item.fields {
            if field.property == Some(crate::domain::procedure::Property::Parties) {
                for (index, _) in record.parties.iter().enumerate().filter(|(_, p)| p.name.trim().is_empty())
                {
                    out.push(problem(
                        Target::Party { field: field.id.clone(), index },
                        &item.clause,
                        ProblemKind::PartyUnnamed { index },
                    ));
                }
            }
            if record.requires(procedure, &field.requirement) && !record.is_filled(procedure, &field.id) {
                out.push(problem(
                    Target::Field { item: item.id.clone(), field: field.id.clone() },
                    &item.clause,
                    ProblemKind::FieldMissing { item: item.label.clone(), field: field.label.clone() },
                ));
            }
        }
    }
}

fn check_rule(
    record: &Record,
    procedure: &Procedure,
    county: &CountyRules,
    rule: &crate::domain::procedure::Rule,
    out: &mut Vec<Problem>,
) {
    let item_of = |field: &str| {
        procedure
            .stage(&rule.stage)
            .and_then(|s| s.items.iter().find(|i| i.fields.iter().any(|f| f.id == field)))
            .or_else(|| procedure.field(field).map(|(_, i, _)| i))
            .map(|i| i.id.clone())
            .unwrap_or_default()
    };
    let push = |out: &mut Vec<Problem>,
                target: Target,
                message: String,
                party: Option<String>,
                fill: Vec<(String, String)>| {
        out.push(Problem {
            stage: rule.stage.clone(),
            target,
            severity: rule.severity,
            clause: rule.clause.clone(),
            kind: ProblemKind::Rule { rule: rule.id.clone(), message, party, fill },
        })
    };
    let field_target = || Target::Field { item: item_of(&rule.target), field: rule.target.clone() };
    let date = |f: &str| record.value(procedure, f).and_then(|v| v.date());
    match &rule.check {
        Check::LeadIs { leads } => {
            if record.lead.as_ref().is_some_and(|l| !leads.contains(l)) {
                push(out, field_target(), rule.message.clone(), None, Vec::new());
            }
        }
        Check::PartyRoleAny { roles } => {
            if !record.parties.iter().any(|p| roles.contains(&p.role)) {
                push(out, field_target(), rule.message.clone(), None, Vec::new());
            }
        }
        Check::FormIn { forms } => {
            if record.form.as_ref().is_some_and(|f| !forms.contains(f)) {
                push(out, field_target(), rule.message.clone(), None, Vec::new());
            }
        }
        Check::ChoiceIn { field, values } => {
            if let Some(super::Value::Choice(v)) = record.value(procedure, field) {
                if !values.contains(&v) {
                    push(out, field_target(), rule.message.clone(), None, Vec::new());
                }
            }
        }
        Check::FormNotIn { forms } => {
            if record.form.as_ref().is_some_and(|f| forms.contains(f)) {
                push(out, field_target(), rule.message.clone(), None, Vec::new());
            }
        }
        Check::AttendanceRecorded => {
            for (index, party) in record.parties.iter().enumerate() {
                if party.attended.is_none() {
                    let target = Target::Party { field: rule.target.clone(), index };
                    push(out, target, rule.message.clone(), Some(party.name.clone()), Vec::new());
                }
            }
        }
        Check::AbsentStakeholdersHeard => {
            for (index, party) in record.parties.iter().enumerate() {
                let unheard = party.stakeholder
                    && party.attended == Some(false)
                    && party.written_opinion.trim().is_empty()
                    && party.no_opinion_reason.trim().is_empty();
                if unheard {
                    let target = Target::Party { field: rule.target.clone(), index };
                    push(out, target, rule.message.clone(), Some(party.name.clone()), Vec::new());
                }
            }
        }
        Check::DateOrder { before, after } => {
            if let (Some(a), Some(b)) = (date(before), date(after)) {
                if a > b {
                    push(out, field_target(), rule.message.clone(), None, Vec::new());
                }
            }
        }
        Check::CountyMinDays { setting, from, to } | Check::CountyMaxDays { setting, from, to } => {
            let (Some(limit), Some(a), Some(b)) = (county.get(*setting), date(from), date(to)) else {
                return;
            };
            let days = (b - a).whole_days();
            let is_min = matches!(rule.check, Check::CountyMinDays { .. });
            let broken = if is_min { days < i64::from(limit) } else { days > i64::from(limit) };
            if broken {
                let name = if is_min { "min" } else { "max" };
                let fill =
                    vec![(name.to_owned(), limit.to_string()), ("actual".to_owned(), days.to_string())];
                let message =
                    fill.iter().fold(rule.message.clone(), |m, (k, v)| m.replace(&format!("{{{k}}}"), v));
                push(out, field_target(), message, None, fill);
            }
        }
    }
}
