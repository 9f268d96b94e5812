//! The catalogue of matters (事项清单): the template of 昌州民字〔2021〕85号's attachment as data,
//! with its flaws flagged rather than fixed.

use super::when::{self, Date};
use serde::{Deserialize, Serialize};

/// The template as shipped, embedded at build time.
pub const TEMPLATE_JSON: &str = include_str!("../../data/catalogue.json");

/// What a record on a matter the list does not name (其他事项) keeps as its category (and, when
/// no name was typed, as its matter): data, the same in every interface language (the English
/// interface shows it as "Other matter", `i18n::category_name`).
pub const OTHER_MATTER: &str = "其他事项";

/// A catalogue: groups of matters in the order of the source table, and the flaws found in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    /// Stable identifier of this list (a county's list gets its own).
    pub id: String,
    /// Version of this list; a county's edits raise it.
    pub version: u32,
    /// Title as printed, e.g. 城乡社区协商事项指导目录清单（模板）.
    pub title: String,
    /// Where the list comes from.
    pub source: String,
    /// Category groups in source order.
    pub groups: Vec<Group>,
    /// Flaws of the source table, kept visible so that a county can resolve them.
    #[serde(default)]
    pub flaws: Vec<Flaw>,
    /// The 县（市） whose list this is; empty for the template.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub county: String,
    /// The list a county's list was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<Base>,
    /// The date of this version.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "when::date_format::option")]
    pub dated: Option<Date>,
    /// When a county's list was made from its base (its version 1).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "when::date_format::option")]
    pub created: Option<Date>,
    /// The number the next matter added gets in its id (ids are never reused).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub next_id: u32,
    /// Every change made to the list since it was made from its base, oldest first. Written
    /// with the list, read by [`Catalogue::from_json`] in a second pass (the catalogue page and
    /// the editor never look at it: [`Catalogue::from_json_without_history`] leaves its reader
    /// out of the app's wasm).
    #[serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<ListChange>,
}

/// The history of a list, read on its own from the list's JSON (the other fields are skipped).
#[derive(Deserialize)]
pub(crate) struct HistoryOnly {
    #[serde(default)]
    pub history: Vec<ListChange>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The list a county's list was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Base {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: u32,
}

/// A category (类别) and its rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Stable identifier of the group.
    pub id: String,
    /// The category label; `None` where the source has none.
    pub label: Option<String>,
    /// Rows in source order.
    pub entries: Vec<Entry>,
}

/// One row of the table: a matter, or an empty slot left for the county to fill.
///
/// Written as an internally tagged object (`"kind": "matter"` or `"slot"`); read through
/// [`EntryWire`], one flat object, which takes the catalogue page a much smaller reader than
/// serde's buffering of internally tagged enums (the page every village downloads first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "EntryWire")]
pub enum Entry {
    /// A matter (事项).
    Matter(Matter),
    /// A blank row.
    Slot(Slot),
}

/// The kinds of row.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum EntryKind {
    Matter,
    Slot,
}

/// An [`Entry`] as read: the fields of both kinds, those of a matter required when it is one.
#[derive(Deserialize)]
struct EntryWire {
    kind: EntryKind,
    id: String,
    #[serde(default)]
    number: Option<u32>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    hints: Hints,
    #[serde(default)]
    remark: String,
    #[serde(default, with = "when::date_format::option")]
    retired: Option<Date>,
}

impl TryFrom<EntryWire> for Entry {
    type Error = &'static str;

    fn try_from(w: EntryWire) -> Result<Entry, &'static str> {
        Ok(match w.kind {
            EntryKind::Matter => Entry::Matter(Matter {
                id: w.id,
                number: w.number,
                name: w.name.ok_or("missing field `name`")?,
                hints: w.hints,
                remark: w.remark,
                retired: w.retired,
            }),
            EntryKind::Slot => Entry::Slot(Slot { id: w.id, number: w.number }),
        })
    }
}

/// A matter that may be consulted on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matter {
    /// Stable identifier; never reused for another matter.
    pub id: String,
    /// The 序号 of the source table, where the row has one.
    pub number: Option<u32>,
    /// The matter's wording, verbatim.
    pub name: String,
    /// Hints a county may set; the template sets none.
    #[serde(default, skip_serializing_if = "Hints::is_empty")]
    pub hints: Hints,
    /// The 备注 column.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remark: String,
    /// When the county retired it: no new record is opened for it, records already opened keep
    /// their copy, and its id is never given to another matter.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "when::date_format::option")]
    pub retired: Option<Date>,
}

/// A blank row of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// Stable identifier of the slot.
    pub id: String,
    /// The 序号 printed on the blank row, if any.
    pub number: Option<u32>,
}

/// What a matter usually is. The notice assigns none of these; counties set them, and a record
/// opened for the matter starts from them (the user still decides).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hints {
    /// Usually concerns two or more villages/communities.
    #[serde(default)]
    pub cross_village: bool,
    /// Usually specialised or technical.
    #[serde(default)]
    pub technical: bool,
    /// Usually wide-reaching and of high attention.
    #[serde(default)]
    pub wide_reaching: bool,
}

impl Hints {
    /// True when no hint is set.
    pub fn is_empty(&self) -> bool {
        *self == Hints::default()
    }
}

/// A flaw of the source table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flaw {
    /// Stable identifier of the flaw.
    pub id: String,
    /// What kind of flaw it is.
    pub kind: FlawKind,
    /// Ids of the matters, slots or groups it concerns.
    pub refs: Vec<String>,
    /// A Chinese description of the flaw, as shown and printed.
    pub note: String,
    /// How the county resolved it; the flaw stays listed with its resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
}

/// How a county resolved a flaw of the template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    /// What the county did, in its words.
    pub note: String,
    /// When.
    #[serde(with = "when::date_format")]
    pub on: Date,
}

/// Kinds of flaws in the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlawKind {
    /// A row with no matter.
    BlankSlot,
    /// The same matter twice.
    Duplicate,
    /// A number skipped in the sequence.
    MissingNumber,
    /// Rows with no number.
    Unnumbered,
    /// A group with no category label.
    UnlabelledGroup,
    /// Punctuation that does not belong.
    StrayPunctuation,
}

/// Why catalogue data was rejected.
#[derive(Debug, PartialEq, Eq)]
pub enum CatalogueError {
    /// Not the JSON shape of a catalogue.
    Parse(String),
    /// An id used twice.
    DuplicateId(String),
    /// A flaw that names nothing in the list.
    DanglingRef(String),
    /// A matter with an empty name.
    EmptyName(String),
    /// A flaw's resolution with no words.
    EmptyResolution(String),
}

impl Catalogue {
    /// The template of the notice's attachment.
    pub fn template() -> Catalogue {
        Catalogue::from_json_without_history(TEMPLATE_JSON).expect("the embedded catalogue is valid (tested)")
    }

    /// The template, parsed once and kept.
    pub fn template_ref() -> &'static Catalogue {
        static TEMPLATE: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
        TEMPLATE.get_or_init(Catalogue::template)
    }

    /// The template's wording of a matter.
    pub fn template_name(id: &str) -> Option<&'static str> {
        Catalogue::template_ref().matter(id).map(|(_, m)| m.name.as_str())
    }

    /// Parses and checks a catalogue, with its history.
    pub fn from_json(text: &str) -> Result<Catalogue, CatalogueError> {
        let mut catalogue = Catalogue::from_json_without_history(text)?;
        catalogue.history = serde_json::from_str::<HistoryOnly>(text)
            .map_err(|e| CatalogueError::Parse(e.to_string()))?
            .history;
        Ok(catalogue)
    }

    /// Parses and checks a catalogue, leaving its history empty: for what only shows the list
    /// and starts records from it (and must never store it back).
    pub fn from_json_without_history(text: &str) -> Result<Catalogue, CatalogueError> {
        let catalogue: Catalogue =
            serde_json::from_str(text).map_err(|e| CatalogueError::Parse(e.to_string()))?;
        catalogue.check()?;
        Ok(catalogue)
    }

    fn check(&self) -> Result<(), CatalogueError> {
        let mut seen = std::collections::BTreeSet::new();
        for group in &self.groups {
            if !seen.insert(group.id.as_str()) {
                return Err(CatalogueError::DuplicateId(group.id.clone()));
            }
            for entry in &group.entries {
                if !seen.insert(entry.id()) {
                    return Err(CatalogueError::DuplicateId(entry.id().to_owned()));
                }
                if let Entry::Matter(m) = entry {
                    if m.name.trim().is_empty() {
                        return Err(CatalogueError::EmptyName(m.id.clone()));
                    }
                }
            }
        }
        let mut flaw_ids = std::collections::BTreeSet::new();
        for flaw in &self.flaws {
            if !flaw_ids.insert(flaw.id.as_str()) {
                return Err(CatalogueError::DuplicateId(flaw.id.clone()));
            }
            if let Some(r) = flaw.refs.iter().find(|r| !seen.contains(r.as_str())) {
                return Err(CatalogueError::DanglingRef(r.clone()));
            }
            if flaw.resolution.as_ref().is_some_and(|r| r.note.trim().is_empty()) {
                return Err(CatalogueError::EmptyResolution(flaw.id.clone()));
            }
        }
        Ok(())
    }

    /// Every matter in use (not retired), with the group it belongs to, in table order: what a
    /// new record may be opened for.
    pub fn matters(&self) -> impl Iterator<Item = (&Group, &Matter)> {
        self.all_matters().filter(|(_, m)| m.retired.is_none())
    }

    /// Every matter, retired ones too, in table order.
    pub fn all_matters(&self) -> impl Iterator<Item = (&Group, &Matter)> {
        self.groups.iter().flat_map(|g| {
            g.entries.iter().filter_map(move |e| match e {
                Entry::Matter(m) => Some((g, m)),
                Entry::Slot(_) => None,
            })
        })
    }

    /// The matter with this id (retired or not).
    pub fn matter(&self, id: &str) -> Option<(&Group, &Matter)> {
        self.all_matters().find(|(_, m)| m.id == id)
    }

    /// Whether this is the template as shipped (no county has made it its own).
    pub fn is_template(&self) -> bool {
        self.based_on.is_none()
    }

    /// The flaws that concern a matter, slot or group.
    pub fn flaws_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Flaw> + 'a {
        self.flaws.iter().filter(move |f| f.refs.iter().any(|r| r == id))
    }

    /// Matters whose name or category contains `needle` (a plain substring; Chinese has no case).
    pub fn search<'a>(&'a self, needle: &'a str) -> impl Iterator<Item = (&'a Group, &'a Matter)> + 'a {
        self.matters().filter(move |(g, m)| matches(g, m, needle))
    }
}

/// Whether a matter answers a search: its name or its category contains `needle` (trimmed; an
/// empty needle matches everything).
pub fn matches(group: &Group, matter: &Matter, needle: &str) -> bool {
    let needle = needle.trim();
    needle.is_empty()
        || matter.name.contains(needle)
        || group.label.as_deref().is_some_and(|l| l.contains(needle))
}

impl Entry {
    /// The row's id.
    pub fn id(&self) -> &str {
        match self {
            Entry::Matter(m) => &m.id,
            Entry::Slot(s) => &s.id,
        }
    }
}

/// One change to a county's list (`county_list`, `Catalogue::apply`), as its history keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ListEdit {
    /// The list's printed title.
    Title {
        /// New title.
        title: String,
    },
    /// A category's label.
    RenameGroup {
        /// Group id.
        group: String,
        /// New label.
        label: String,
    },
    /// A category moved to another place.
    MoveGroup {
        /// Group id.
        group: String,
        /// Its new position (0-based).
        to: usize,
    },
    /// A matter added at the end of a category.
    AddMatter {
        /// Group id.
        group: String,
        /// The new matter's id (given by [`Catalogue::apply`]; ignored on input).
        #[serde(default)]
        id: String,
        /// Its wording.
        name: String,
        /// Its hints.
        #[serde(default)]
        hints: Hints,
        /// Its 备注.
        #[serde(default)]
        remark: String,
    },
    /// A matter's wording, hints or remark.
    EditMatter {
        /// Matter id.
        matter: String,
        /// New wording.
        name: String,
        /// New hints.
        #[serde(default)]
        hints: Hints,
        /// New 备注.
        #[serde(default)]
        remark: String,
    },
    /// A matter no longer offered for new records.
    RetireMatter {
        /// Matter id.
        matter: String,
    },
    /// A retired matter offered again.
    RestoreMatter {
        /// Matter id.
        matter: String,
    },
    /// A matter (or blank row) moved within its category.
    MoveEntry {
        /// Matter or slot id.
        entry: String,
        /// Its new position in the category (0-based).
        to: usize,
    },
    /// A blank row of the template filled with a matter (it keeps the row's id and 序号).
    FillSlot {
        /// Slot id.
        slot: String,
        /// The matter's wording.
        name: String,
        /// Its hints.
        #[serde(default)]
        hints: Hints,
        /// Its 备注.
        #[serde(default)]
        remark: String,
    },
    /// A flaw of the template resolved, in the county's words.
    ResolveFlaw {
        /// Flaw id.
        flaw: String,
        /// What the county did.
        note: String,
    },
    /// A resolution taken back.
    ReopenFlaw {
        /// Flaw id.
        flaw: String,
    },
}

/// A change as recorded in the list's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListChange {
    /// The version the change made.
    pub version: u32,
    /// When.
    #[serde(with = "when::date_format")]
    pub on: Date,
    /// What changed.
    pub edit: ListEdit,
}
