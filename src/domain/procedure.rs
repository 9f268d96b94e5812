//! The procedure (二（四）一般程序 and 二（五）运用协商成果) as data: five stages of checklist items
//! with typed fields, the option lists the notice names, the clauses quoted verbatim, and the
//! cross-field rules. The engine interprets this data; it hard-codes no stage or item.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The procedure as shipped, embedded at build time.
pub const PROCEDURE_JSON: &str = include_str!("../../data/procedure.json");

/// The whole procedure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    /// Stable identifier of this procedure definition.
    pub id: String,
    /// Its version.
    pub version: u32,
    /// The document it encodes.
    pub source: String,
    /// Fields the ledgers and documents read by role (topic, deadline, …).
    pub key_fields: KeyFields,
    /// The notice's clauses, quoted verbatim.
    pub clauses: Vec<Clause>,
    /// Named option lists (forms of consultation, roles of parties, …).
    pub lists: BTreeMap<String, Vec<Choice>>,
    /// The five stages in order.
    pub stages: Vec<Stage>,
    /// Cross-field rules.
    pub rules: Vec<Rule>,
}

/// The fields that ledgers, opinions and documents read, named by what they mean.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFields {
    /// The consultation topic (协商议题).
    pub topic: String,
    /// The implementation deadline (落实期限).
    pub deadline: String,
    /// The publicised meeting time (协商时间).
    pub meeting_time: String,
    /// How far the result has been implemented.
    pub implementation_status: String,
    /// Channels the opinions came through (filled when opinions are promoted).
    pub source_channels: String,
    /// Summary of residents' opinions (filled when opinions are promoted).
    pub source_summary: String,
    /// The fields the documents print.
    pub paper: PaperFields,
}

/// The fields the printed documents (公示, 协商纪要, 公函, 催办函, 归档表) read, named by what
/// they mean: the documents find them here, never by a field id of their own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperFields {
    /// The publicised venue (协商地点).
    pub meeting_place: String,
    /// Who chairs (主持人).
    pub host: String,
    /// Who takes the minutes (记录人).
    pub recorder: String,
    /// When the topic was posted (公示日期).
    pub publicity_date: String,
    /// Until when it stays posted.
    pub publicity_until: String,
    /// Whom to apply to, to take part (报名联系方式).
    pub application_contact: String,
    /// When the consultation was held.
    pub held_at: String,
    /// Where it was held.
    pub held_place: String,
    /// Who attended without a vote (列席).
    pub observers: String,
    /// What the parties said (各方意见).
    pub opinions: String,
    /// Whether a consensus was reached.
    pub consensus: String,
    /// The result (协商结果).
    pub outcome: String,
    /// Who carries the result out (落实方).
    pub implementer: String,
    /// When the result was posted.
    pub result_publicity_date: String,
    /// The official letter's number (公函文号).
    pub letter_ref: String,
    /// The official letter's date.
    pub letter_date: String,
    /// The reminder's date (催办日期).
    pub reminder_date: String,
    /// The reminder's number.
    pub reminder_ref: String,
    /// The consultation's scope (协商范围).
    pub scope: String,
    /// The lead body's role, as the record says it.
    pub lead: String,
    /// The form of consultation when it is none of the list's (其他形式).
    pub form_other: String,
    /// When the parties were invited (约请日期).
    pub invited_on: String,
    /// When the implementation was fed back (反馈日期).
    pub feedback_on: String,
}

impl PaperFields {
    /// Every field named here.
    pub fn all(&self) -> [&String; 23] {
        [
            &self.meeting_place,
            &self.host,
            &self.recorder,
            &self.publicity_date,
            &self.publicity_until,
            &self.application_contact,
            &self.held_at,
            &self.held_place,
            &self.observers,
            &self.opinions,
            &self.consensus,
            &self.outcome,
            &self.implementer,
            &self.result_publicity_date,
            &self.letter_ref,
            &self.letter_date,
            &self.reminder_date,
            &self.reminder_ref,
            &self.scope,
            &self.lead,
            &self.form_other,
            &self.invited_on,
            &self.feedback_on,
        ]
    }
}

/// A clause of the notice, e.g. 二（四）1, with its text verbatim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clause {
    /// How the app cites it, e.g. `二（四）3`.
    pub id: String,
    /// Short title, e.g. 开展协商.
    pub title: String,
    /// The clause's text as in the notice.
    pub text: String,
}

/// One option of a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Stable identifier stored in records.
    pub id: String,
    /// Chinese label.
    pub label: String,
    /// Heading the option is shown under, where the notice groups them (二（三）).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// Identifier of a stage: `s1` … `s5`.
pub type StageId = String;

/// A stage of the procedure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    /// `s1` … `s5`.
    pub id: StageId,
    /// e.g. 确定议题.
    pub title: String,
    /// The clause that defines the stage.
    pub clause: String,
    /// The checklist.
    pub items: Vec<Item>,
}

/// A checklist item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Globally unique id, e.g. `s2.publicity`.
    pub id: String,
    /// Chinese label.
    pub label: String,
    /// Whether the item must be done.
    pub requirement: Requirement,
    /// The clause it comes from.
    pub clause: String,
    /// The words of the clause it rests on, verbatim.
    pub quote: String,
    /// Fields that record how the item was done.
    #[serde(default)]
    pub fields: Vec<Field>,
}

/// A typed field of an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// Globally unique id, e.g. `publicity_date`.
    pub id: String,
    /// Chinese label.
    pub label: String,
    /// What the field holds, and so which widget shows it.
    pub kind: FieldKind,
    /// Whether the field must be filled once its item is done.
    pub requirement: Requirement,
    /// Where the value lives when it is a typed property of the record rather than a stage value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property: Option<Property>,
}

/// Field kinds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    Longtext,
    /// A calendar date.
    Date,
    /// A date and a time of day.
    Datetime,
    /// One option of a named list.
    Choice {
        /// Name of the list in [`Procedure::lists`].
        list: String,
    },
    /// Several options of a named list.
    Multichoice {
        /// Name of the list in [`Procedure::lists`].
        list: String,
    },
    /// Yes or no.
    Yesno,
    /// The record's parties.
    Parties {
        /// Whether this place records attendance and written opinions (stage 3).
        #[serde(default)]
        attendance: bool,
    },
    /// The record's implementation progress reports (落实进展), a dated list
    /// ([`super::record::ProgressReport`]).
    Progress,
}

impl FieldKind {
    /// The option list a choice or multi-choice field draws from.
    pub fn list(&self) -> Option<&str> {
        match self {
            FieldKind::Choice { list } | FieldKind::Multichoice { list } => Some(list),
            _ => None,
        }
    }
}

/// Typed properties of a record that fields may be bound to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Property {
    /// The village or community name.
    Community,
    /// One village/community or cross-village.
    Scope,
    /// The lead organiser.
    Lead,
    /// The form of consultation.
    Form,
    /// Fact: specialised or technical.
    Technical,
    /// Fact: wide-reaching, high attention.
    WideReaching,
    /// Fact: touches residents' disputes.
    Dispute,
    /// Fact: commissioned by the township or a department.
    Commissioned,
    /// The parties.
    Parties,
    /// The implementation progress reports.
    Progress,
}

/// Whether an item or field is required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Always required.
    Required,
    /// Never required.
    Optional,
    /// Required when the condition holds on the record.
    #[serde(untagged)]
    When {
        /// The condition.
        when: Condition,
    },
}

/// A condition on the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Condition {
    /// Always true (`"always"`).
    Always(Always),
    /// A fact of the record holds.
    Fact {
        /// Which fact.
        fact: Fact,
    },
    /// A choice or yes/no field has a value (`"yes"`/`"no"` for yes/no fields).
    FieldEquals {
        /// Field id.
        field: String,
        /// Option id, or `yes` / `no`.
        equals: String,
    },
    /// The condition does not hold.
    Not {
        /// The negated condition.
        not: Box<Condition>,
    },
    /// All hold.
    All {
        /// The conditions.
        all: Vec<Condition>,
    },
    /// Any holds.
    Any {
        /// The conditions.
        any: Vec<Condition>,
    },
}

/// The word `always`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Always {
    /// Always.
    Always,
}

/// Facts of a record that drive conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// The matter touches two or more villages/communities.
    CrossVillage,
    /// Specialised or technical.
    Technical,
    /// Wide-reaching, high attention.
    WideReaching,
    /// Touches residents' disputes.
    Dispute,
    /// Commissioned by the township or a department.
    Commissioned,
}

/// Severity of a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Blocks completing the stage.
    Error,
    /// Shown, does not block.
    Warning,
}

/// A cross-field rule: when `when` holds, `check` must pass, or a problem is reported on
/// `stage`, pointing at `target` (a field id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// The stage whose report carries the problem (and whose gate it blocks, if an error).
    pub stage: StageId,
    /// Error or warning.
    pub severity: Severity,
    /// The clause cited.
    pub clause: String,
    /// When the rule applies.
    pub when: Condition,
    /// What must hold.
    pub check: Check,
    /// The field the problem points at.
    pub target: String,
    /// The Chinese message; `{min}`, `{max}` and `{actual}` are filled in for county rules.
    pub message: String,
}

/// Kinds of checks, each with its parameters (one module of logic per kind, as Enketo does).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Check {
    /// The lead organiser is one of these.
    LeadIs {
        /// Allowed ids of the `lead` list.
        leads: Vec<String>,
    },
    /// At least one party has one of these roles.
    PartyRoleAny {
        /// Ids of the `roles` list.
        roles: Vec<String>,
    },
    /// The form of consultation is one of these.
    FormIn {
        /// Ids of the `forms` list.
        forms: Vec<String>,
    },
    /// The form of consultation, once chosen, is none of these.
    FormNotIn {
        /// Ids of the `forms` list.
        forms: Vec<String>,
    },
    /// A choice field, once filled, holds one of these options.
    ChoiceIn {
        /// Field id.
        field: String,
        /// Option ids of the field's list.
        values: Vec<String>,
    },
    /// Every party's attendance is recorded.
    AttendanceRecorded,
    /// Every stakeholder who did not attend has a written opinion or a recorded reason.
    AbsentStakeholdersHeard,
    /// The date of `before` is not after the date of `after` (checked when both are filled).
    DateOrder {
        /// Earlier field.
        before: String,
        /// Later field.
        after: String,
    },
    /// At least the county's number of days lies between two dates (off when the county sets none).
    CountyMinDays {
        /// Which county setting.
        setting: CountySetting,
        /// Start field.
        from: String,
        /// End field.
        to: String,
    },
    /// At most the county's number of days lies between two dates (off when the county sets none).
    CountyMaxDays {
        /// Which county setting.
        setting: CountySetting,
        /// Start field.
        from: String,
        /// End field.
        to: String,
    },
}

/// Numbers the notice leaves to each county (县（市）).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountySetting {
    /// Least days between publicity and the consultation.
    PublicityDays,
    /// Most days between the consultation and publishing the implementation (规定期限).
    ImplementationPublicityDays,
}

/// The county's settings; every number is off unless the county sets it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountyRules {
    /// Least days from publicity to the consultation.
    #[serde(default)]
    pub publicity_days: Option<u32>,
    /// Most days from the consultation to publishing the implementation.
    #[serde(default)]
    pub implementation_publicity_days: Option<u32>,
    /// How many days before its deadline an implementation is listed on 督办 as due (the county
    /// decides; [`CountyRules::DEFAULT_SUPERVISE_DAYS`] while it has not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervise_days: Option<u32>,
}

impl CountyRules {
    /// Days before the deadline that 督办 lists an implementation as due, where the county set none.
    pub const DEFAULT_SUPERVISE_DAYS: u32 = 7;

    /// Days before the deadline that 督办 lists an implementation as due.
    pub fn supervise_within(&self) -> u32 {
        self.supervise_days.unwrap_or(Self::DEFAULT_SUPERVISE_DAYS)
    }

    /// The value of one setting.
    pub fn get(&self, setting: CountySetting) -> Option<u32> {
        match setting {
            CountySetting::PublicityDays => self.publicity_days,
            CountySetting::ImplementationPublicityDays => self.implementation_publicity_days,
        }
    }
}

/// Why procedure data was rejected.
#[derive(Debug, PartialEq, Eq)]
pub enum ProcedureError {
    /// Not the JSON shape of a procedure.
    Parse(String),
    /// An id used twice.
    DuplicateId(String),
    /// A reference to something that does not exist (clause, list, option, field, stage).
    Unknown(String),
    /// A field bound to a property has a kind that cannot hold it.
    BadBinding(String),
}

impl Procedure {
    /// The procedure of the notice.
    pub fn standard() -> Procedure {
        Procedure::from_json(PROCEDURE_JSON).expect("the embedded procedure is valid (tested)")
    }

    /// Parses and checks a procedure: every reference must resolve.
    pub fn from_json(text: &str) -> Result<Procedure, ProcedureError> {
        let p: Procedure = serde_json::from_str(text).map_err(|e| ProcedureError::Parse(e.to_string()))?;
        p.check()?;
        Ok(p)
    }

    fn check(&self) -> Result<(), ProcedureError> {
        let unknown = |what: &str, id: &str| ProcedureError::Unknown(format!("{what} {id}"));
        let clause_ids: BTreeSet<&str> = self.clauses.iter().map(|c| c.id.as_str()).collect();
        let mut ids = BTreeSet::new();
        for stage in &self.stages {
            if !ids.insert(stage.id.as_str()) {
                return Err(ProcedureError::DuplicateId(stage.id.clone()));
            }
            if !clause_ids.contains(stage.clause.as_str()) {
                return Err(unknown("clause", &stage.clause));
            }
            for item in &stage.items {
                if !ids.insert(item.id.as_str()) {
                    return Err(ProcedureError::DuplicateId(item.id.clone()));
                }
                if !clause_ids.contains(item.clause.as_str()) {
                    return Err(unknown("clause", &item.clause));
                }
                for field in &item.fields {
                    // A property may be shown in several stages (parties: chosen in stage 1,
                    // attendance in stage 3); a plain field lives in one place only.
                    if field.property.is_none() && !ids.insert(field.id.as_str()) {
                        return Err(ProcedureError::DuplicateId(field.id.clone()));
                    }
                    if let Some(list) = field.kind.list() {
                        if !self.lists.contains_key(list) {
                            return Err(unknown("list", list));
                        }
                    }
                    if let Some(p) = field.property {
                        if !binding_fits(p, &field.kind) {
                            return Err(ProcedureError::BadBinding(field.id.clone()));
                        }
                    }
                }
            }
        }
        for stage in &self.stages {
            for item in &stage.items {
                self.check_requirement(&item.requirement)?;
                for field in &item.fields {
                    self.check_requirement(&field.requirement)?;
                }
            }
        }
        let k = &self.key_fields;
        for f in [
            &k.topic,
            &k.deadline,
            &k.meeting_time,
            &k.implementation_status,
            &k.source_channels,
            &k.source_summary,
        ]
        .into_iter()
        .chain(k.paper.all())
        {
            if self.field(f).is_none() {
                return Err(unknown("key field", f));
            }
        }
        for rule in &self.rules {
            if self.stage(&rule.stage).is_none() {
                return Err(unknown("stage", &rule.stage));
            }
            if !clause_ids.contains(rule.clause.as_str()) {
                return Err(unknown("clause", &rule.clause));
            }
            if self.field(&rule.target).is_none() {
                return Err(unknown("field", &rule.target));
            }
            self.check_condition(&rule.when)?;
            let options = |list: &str, wanted: &[String]| {
                wanted
                    .iter()
                    .find(|w| self.choice(list, w).is_none())
                    .map_or(Ok(()), |w| Err(unknown(list, w)))
            };
            match &rule.check {
                Check::LeadIs { leads } => options("lead", leads)?,
                Check::PartyRoleAny { roles } => options("roles", roles)?,
                Check::FormIn { forms } | Check::FormNotIn { forms } => options("forms", forms)?,
                Check::ChoiceIn { field, values } => match self.field(field).map(|(_, _, f)| &f.kind) {
                    Some(FieldKind::Choice { list }) => options(list, values)?,
                    _ => return Err(unknown("choice field", field)),
                },
                Check::AttendanceRecorded | Check::AbsentStakeholdersHeard => {}
                Check::DateOrder { before: a, after: b }
                | Check::CountyMinDays { from: a, to: b, .. }
                | Check::CountyMaxDays { from: a, to: b, .. } => {
                    for f in [a, b] {
                        match self.field(f).map(|(_, _, f)| &f.kind) {
                            Some(FieldKind::Date | FieldKind::Datetime) => {}
                            _ => return Err(unknown("date field", f)),
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn check_requirement(&self, r: &Requirement) -> Result<(), ProcedureError> {
        match r {
            Requirement::When { when } => self.check_condition(when),
            _ => Ok(()),
        }
    }

    fn check_condition(&self, c: &Condition) -> Result<(), ProcedureError> {
        match c {
            Condition::Always(_) | Condition::Fact { .. } => Ok(()),
            Condition::FieldEquals { field, equals } => match self.field(field).map(|(_, _, f)| &f.kind) {
                Some(FieldKind::Yesno) if equals == "yes" || equals == "no" => Ok(()),
                Some(FieldKind::Choice { list }) if self.choice(list, equals).is_some() => Ok(()),
                _ => Err(ProcedureError::Unknown(format!("condition {field} = {equals}"))),
            },
            Condition::Not { not } => self.check_condition(not),
            Condition::All { all: cs } | Condition::Any { any: cs } => {
                cs.iter().try_for_each(|c| self.check_condition(c))
            }
        }
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Position of a stage (0-based).
    pub fn stage_index(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    /// The item with this id, and its stage.
    pub fn item(&self, id: &str) -> Option<(&Stage, &Item)> {
        self.stages.iter().flat_map(|s| s.items.iter().map(move |i| (s, i))).find(|(_, i)| i.id == id)
    }

    /// The first place a field with this id appears: its stage, item and definition.
    pub fn field(&self, id: &str) -> Option<(&Stage, &Item, &Field)> {
        self.fields().find(|(_, _, f)| f.id == id)
    }

    /// Every field, in order, with its stage and item.
    pub fn fields(&self) -> impl Iterator<Item = (&Stage, &Item, &Field)> {
        self.stages
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
            .flat_map(|(s, i)| i.fields.iter().map(move |f| (s, i, f)))
    }

    /// An option of a list.
    pub fn choice(&self, list: &str, id: &str) -> Option<&Choice> {
        self.lists.get(list)?.iter().find(|c| c.id == id)
    }

    /// The label of an option, or the id itself if unknown.
    pub fn choice_label<'a>(&'a self, list: &str, id: &'a str) -> &'a str {
        self.choice(list, id).map_or(id, |c| c.label.as_str())
    }

    /// The clause with this id.
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }
}

fn binding_fits(p: Property, kind: &FieldKind) -> bool {
    match p {
        Property::Community => *kind == FieldKind::Text,
        Property::Scope => matches!(kind, FieldKind::Choice { list } if list == "scope"),
        Property::Lead => matches!(kind, FieldKind::Choice { list } if list == "lead"),
        Property::Form => matches!(kind, FieldKind::Choice { list } if list == "forms"),
        Property::Technical | Property::WideReaching | Property::Dispute | Property::Commissioned => {
            *kind == FieldKind::Yesno
        }
        Property::Parties => matches!(kind, FieldKind::Parties { .. }),
        Property::Progress => *kind == FieldKind::Progress,
    }
}
