//! A county's own list (事项清单): the template made the county's, edited change by change, each
//! change checked and recorded with its date, so that the list has a version history; compared
//! with the template or any earlier version; and passed between copies as a versioned file.
//!
//! The notice (二（一）, and its closing paragraph) asks each county to complete the template with
//! its own matters and file the result with the prefecture bureau (上报州民政局统一备案); the
//! filing document is in `documents`.

use super::catalogue::{Base, Catalogue, CatalogueError, Entry, Group, Matter, Resolution};
pub use super::catalogue::{ListChange, ListEdit};
use super::when::{Date, OffsetDateTime};
use serde::{Deserialize, Serialize};

/// The name of the list file format.
pub const FORMAT: &str = "xieshang-catalogue";
/// The version of the list file format this build writes and reads.
pub const VERSION: u32 = 1;
/// The longest name, label, remark or note a list accepts.
pub const MAX_TEXT_CHARS: usize = 500;

/// Why a change was refused. Nothing changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    /// The template itself is not edited: make the county's list first.
    Template,
    /// A name, label, title or note left empty.
    Empty,
    /// Longer than [`MAX_TEXT_CHARS`].
    TooLong,
    /// No such group, matter, slot or flaw.
    NotFound(String),
    /// The same matter already stands in this category, and no 备注 says why it is there twice.
    Duplicate {
        /// The matter's wording.
        name: String,
        /// The category.
        group: String,
    },
    /// A position outside the list.
    BadPosition,
    /// Nothing would change.
    Unchanged,
}

impl Catalogue {
    /// A county's own list, made from `base` (normally the template): the same rows and flaws,
    /// with the county's name in the title. Version 1; no changes yet.
    pub fn for_county(base: &Catalogue, id: &str, county: &str, on: Date) -> Catalogue {
        let mut list = base.clone();
        list.id = id.to_owned();
        list.county = county.trim().to_owned();
        list.title = format!("{}城乡社区协商事项指导目录清单", list.county);
        list.based_on = Some(Base { id: base.id.clone(), version: base.version });
        list.version = 1;
        list.dated = Some(on);
        list.created = Some(on);
        list.history.clear();
        list
    }

    /// Applies a change: checks it, makes it, raises the version and records the change with
    /// its date. A refused change changes nothing.
    pub fn apply(&mut self, edit: ListEdit, on: Date) -> Result<(), ListError> {
        if self.is_template() {
            return Err(ListError::Template);
        }
        let mut next = self.clone();
        let edit = next.make(edit, on)?;
        next.check_duplicates()?;
        next.version += 1;
        next.dated = Some(on);
        next.history.push(ListChange { version: next.version, on, edit });
        *self = next;
        Ok(())
    }

    fn make(&mut self, edit: ListEdit, on: Date) -> Result<ListEdit, ListError> {
        let text = |s: &str| -> Result<String, ListError> {
            let s = s.trim();
            if s.is_empty() {
                Err(ListError::Empty)
            } else if s.chars().count() > MAX_TEXT_CHARS {
                Err(ListError::TooLong)
            } else {
                Ok(s.to_owned())
            }
        };
        let optional = |s: &str| -> Result<String, ListError> {
            if s.trim().is_empty() {
                Ok(String::new())
            } else {
                text(s)
            }
        };
        Ok(match edit {
            ListEdit::Title { title } => {
                let title = text(&title)?;
                if title == self.title {
                    return Err(ListError::Unchanged);
                }
                self.title = title.clone();
                ListEdit::Title { title }
            }
            ListEdit::RenameGroup { group, label } => {
                let label = text(&label)?;
                let g = self.group_mut(&group)?;
                if g.label.as_deref() == Some(label.as_str()) {
                    return Err(ListError::Unchanged);
                }
                g.label = Some(label.clone());
                ListEdit::RenameGroup { group, label }
            }
            ListEdit::MoveGroup { group, to } => {
                let from = self
                    .groups
                    .iter()
                    .position(|g| g.id == group)
                    .ok_or(ListError::NotFound(group.clone()))?;
                if to >= self.groups.len() {
                    return Err(ListError::BadPosition);
                }
                if to == from {
                    return Err(ListError::Unchanged);
                }
                let g = self.groups.remove(from);
                self.groups.insert(to, g);
                ListEdit::MoveGroup { group, to }
            }
            ListEdit::AddMatter { group, name, hints, remark, .. } => {
                let (name, remark) = (text(&name)?, optional(&remark)?);
                let id = self.fresh_id();
                self.next_id += 1;
                let matter = Matter {
                    id: id.clone(),
                    number: None,
                    name: name.clone(),
                    hints,
                    remark: remark.clone(),
                    retired: None,
                };
                self.group_mut(&group)?.entries.push(Entry::Matter(matter));
                ListEdit::AddMatter { group, id, name, hints, remark }
            }
            ListEdit::EditMatter { matter, name, hints, remark } => {
                let (name, remark) = (text(&name)?, optional(&remark)?);
                let m = self.matter_mut(&matter)?;
                if m.name == name && m.hints == hints && m.remark == remark {
                    return Err(ListError::Unchanged);
                }
                m.name = name.clone();
                m.hints = hints;
                m.remark = remark.clone();
                ListEdit::EditMatter { matter, name, hints, remark }
            }
            ListEdit::RetireMatter { matter } => {
                let m = self.matter_mut(&matter)?;
                if m.retired.is_some() {
                    return Err(ListError::Unchanged);
                }
                m.retired = Some(on);
                ListEdit::RetireMatter { matter }
            }
            ListEdit::RestoreMatter { matter } => {
                let m = self.matter_mut(&matter)?;
                if m.retired.is_none() {
                    return Err(ListError::Unchanged);
                }
                m.retired = None;
                ListEdit::RestoreMatter { matter }
            }
            ListEdit::MoveEntry { entry, to } => {
                let g = self
                    .groups
                    .iter_mut()
                    .find(|g| g.entries.iter().any(|e| e.id() == entry))
                    .ok_or(ListError::NotFound(entry.clone()))?;
                let from = g.entries.iter().position(|e| e.id() == entry).unwrap_or(0);
                if to >= g.entries.len() {
                    return Err(ListError::BadPosition);
                }
                if to == from {
                    return Err(ListError::Unchanged);
                }
                let e = g.entries.remove(from);
                g.entries.insert(to, e);
                ListEdit::MoveEntry { entry, to }
            }
            ListEdit::FillSlot { slot, name, hints, remark } => {
                let (name, remark) = (text(&name)?, optional(&remark)?);
                let row = self
                    .groups
                    .iter_mut()
                    .flat_map(|g| g.entries.iter_mut())
                    .find(|e| matches!(e, Entry::Slot(s) if s.id == slot))
                    .ok_or(ListError::NotFound(slot.clone()))?;
                let number = match row {
                    Entry::Slot(s) => s.number,
                    Entry::Matter(_) => None,
                };
                *row = Entry::Matter(Matter {
                    id: slot.clone(),
                    number,
                    name: name.clone(),
                    hints,
                    remark: remark.clone(),
                    retired: None,
                });
                ListEdit::FillSlot { slot, name, hints, remark }
            }
            ListEdit::ResolveFlaw { flaw, note } => {
                let note = text(&note)?;
                let f =
                    self.flaws.iter_mut().find(|f| f.id == flaw).ok_or(ListError::NotFound(flaw.clone()))?;
                if f.resolution.as_ref().is_some_and(|r| r.note == note) {
                    return Err(ListError::Unchanged);
                }
                f.resolution = Some(Resolution { note: note.clone(), on });
                ListEdit::ResolveFlaw { flaw, note }
            }
            ListEdit::ReopenFlaw { flaw } => {
                let f =
                    self.flaws.iter_mut().find(|f| f.id == flaw).ok_or(ListError::NotFound(flaw.clone()))?;
                if f.resolution.is_none() {
                    return Err(ListError::Unchanged);
                }
                f.resolution = None;
                ListEdit::ReopenFlaw { flaw }
            }
        })
    }

    /// A matter id never used in this list: `<list id>-m<n>`.
    fn fresh_id(&self) -> String {
        let mut n = self.next_id + 1;
        loop {
            let id = format!("{}-m{n}", self.id);
            let taken = self.groups.iter().any(|g| g.id == id || g.entries.iter().any(|e| e.id() == id))
                || self
                    .history
                    .iter()
                    .any(|c| matches!(&c.edit, ListEdit::AddMatter { id: used, .. } if *used == id));
            if !taken {
                return id;
            }
            n += 1;
        }
    }

    fn group_mut(&mut self, id: &str) -> Result<&mut Group, ListError> {
        self.groups.iter_mut().find(|g| g.id == id).ok_or(ListError::NotFound(id.to_owned()))
    }

    fn matter_mut(&mut self, id: &str) -> Result<&mut Matter, ListError> {
        self.groups
            .iter_mut()
            .flat_map(|g| g.entries.iter_mut())
            .find_map(|e| match e {
                Entry::Matter(m) if m.id == id => Some(m),
                _ => None,
            })
            .ok_or(ListError::NotFound(id.to_owned()))
    }

    /// No matter in use stands twice in one category unless one of the two has a 备注 saying
    /// why.
    fn check_duplicates(&self) -> Result<(), ListError> {
        for g in &self.groups {
            let in_use: Vec<&Matter> = g
                .entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Matter(m) if m.retired.is_none() => Some(m),
                    _ => None,
                })
                .collect();
            for (i, a) in in_use.iter().enumerate() {
                for b in &in_use[i + 1..] {
                    if a.name == b.name && a.remark.is_empty() && b.remark.is_empty() {
                        return Err(ListError::Duplicate {
                            name: a.name.clone(),
                            group: g.label.clone().unwrap_or_default(),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// This list as it was at `version`, rebuilt from its base and its history; `None` when its
    /// base is not `base`, the version is not in its history, or the history does not replay.
    pub fn at_version(&self, base: &Catalogue, version: u32) -> Option<Catalogue> {
        let from = self.based_on.as_ref()?;
        if from.id != base.id || from.version != base.version || version == 0 || version > self.version {
            return None;
        }
        let start = self.history.first().map_or(self.version, |c| c.version.saturating_sub(1));
        if version < start || start == 0 {
            return None;
        }
        let created = self.created.or(self.dated).unwrap_or(Date::MIN);
        let mut list = Catalogue::for_county(base, &self.id, &self.county, created);
        list.version = start;
        for change in self.history.iter().take_while(|c| c.version <= version) {
            if change.version != list.version + 1 {
                return None;
            }
            list.apply(change.edit.clone(), change.on).ok()?;
        }
        Some(list)
    }
}

/// One difference between two versions of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// The title changed.
    Title {
        /// Before.
        from: String,
        /// After.
        to: String,
    },
    /// A category's label changed.
    GroupLabel {
        /// Before (none where the template has none).
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// The categories stand in another order.
    GroupOrder,
    /// A blank row of the template filled.
    Filled {
        /// The row's 序号.
        number: Option<u32>,
        /// The matter it holds.
        name: String,
    },
    /// A matter that was not there.
    Added {
        /// Its category.
        group: Option<String>,
        /// Its wording.
        name: String,
    },
    /// A matter's wording changed.
    Renamed {
        /// Before.
        from: String,
        /// After.
        to: String,
    },
    /// A matter's 备注 or hints changed.
    Annotated {
        /// The matter.
        name: String,
    },
    /// A matter retired.
    Retired {
        /// The matter.
        name: String,
    },
    /// A matter offered again.
    Restored {
        /// The matter.
        name: String,
    },
    /// The rows of a category stand in another order.
    EntryOrder {
        /// The category.
        group: Option<String>,
    },
    /// A flaw resolved.
    Resolved {
        /// What the flaw is.
        flaw: String,
        /// How it was resolved.
        note: String,
    },
    /// A resolution taken back.
    Reopened {
        /// What the flaw is.
        flaw: String,
    },
}

/// What differs from `old` to `new`, matched by ids, in the order of `new`.
pub fn diff(old: &Catalogue, new: &Catalogue) -> Vec<Difference> {
    let mut out = Vec::new();
    if old.title != new.title {
        out.push(Difference::Title { from: old.title.clone(), to: new.title.clone() });
    }
    let old_order: Vec<&str> = old
        .groups
        .iter()
        .map(|g| g.id.as_str())
        .filter(|id| new.groups.iter().any(|g| g.id == *id))
        .collect();
    let new_order: Vec<&str> = new
        .groups
        .iter()
        .map(|g| g.id.as_str())
        .filter(|id| old.groups.iter().any(|g| g.id == *id))
        .collect();
    if old_order != new_order {
        out.push(Difference::GroupOrder);
    }
    for g in &new.groups {
        let before = old.groups.iter().find(|o| o.id == g.id);
        if let Some(b) = before {
            if b.label != g.label {
                out.push(Difference::GroupLabel { from: b.label.clone(), to: g.label.clone() });
            }
            let ids = |x: &Group| -> Vec<String> { x.entries.iter().map(|e| e.id().to_owned()).collect() };
            let (bi, gi) = (ids(b), ids(g));
            let common_b: Vec<&String> = bi.iter().filter(|i| gi.contains(i)).collect();
            let common_g: Vec<&String> = gi.iter().filter(|i| bi.contains(i)).collect();
            if common_b != common_g {
                out.push(Difference::EntryOrder { group: g.label.clone() });
            }
        }
        for e in &g.entries {
            let Entry::Matter(m) = e else { continue };
            let was_slot = old
                .groups
                .iter()
                .flat_map(|g| &g.entries)
                .any(|e| matches!(e, Entry::Slot(s) if s.id == m.id));
            match old.matter(&m.id) {
                None => {
                    out.push(if was_slot {
                        Difference::Filled { number: m.number, name: m.name.clone() }
                    } else {
                        Difference::Added { group: g.label.clone(), name: m.name.clone() }
                    });
                    // Added and retired since: say so, or it would read as in use.
                    if m.retired.is_some() {
                        out.push(Difference::Retired { name: m.name.clone() });
                    }
                }
                Some((_, o)) => {
                    if o.name != m.name {
                        out.push(Difference::Renamed { from: o.name.clone(), to: m.name.clone() });
                    }
                    if o.remark != m.remark || o.hints != m.hints {
                        out.push(Difference::Annotated { name: m.name.clone() });
                    }
                    match (o.retired.is_some(), m.retired.is_some()) {
                        (false, true) => out.push(Difference::Retired { name: m.name.clone() }),
                        (true, false) => out.push(Difference::Restored { name: m.name.clone() }),
                        _ => {}
                    }
                }
            }
        }
    }
    for f in &new.flaws {
        let before = old.flaws.iter().find(|o| o.id == f.id).and_then(|o| o.resolution.as_ref());
        match (before, &f.resolution) {
            (None, Some(r)) => out.push(Difference::Resolved { flaw: f.note.clone(), note: r.note.clone() }),
            (Some(a), Some(b)) if a.note != b.note => {
                out.push(Difference::Resolved { flaw: f.note.clone(), note: b.note.clone() })
            }
            (Some(_), None) => out.push(Difference::Reopened { flaw: f.note.clone() }),
            _ => {}
        }
    }
    out
}

super::file::file_format! {
    /// A list file.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct ListFile(FORMAT, VERSION) {
        /// The list, with its history.
        pub catalogue: Catalogue,
    }
}

/// A list as a file's text.
pub fn export(list: &Catalogue, now: OffsetDateTime) -> String {
    let file = ListFile::made(now, list.clone());
    // Pretty-printed, the format and version first, for whoever opens the file.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Why a list file cannot be loaded; each says where the first problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListFileError {
    /// Not a list file, or not one this build reads, or not JSON: as for record files.
    File(super::file::ImportError),
    /// An id used twice.
    DuplicateId(String),
    /// A flaw naming a row or category the list does not have.
    DanglingRef(String),
    /// A title, category, matter or resolution with no words, at this place.
    Empty(String),
    /// A text longer than [`MAX_TEXT_CHARS`], at this place.
    TooLong(String),
    /// The same matter twice in one category with no 备注 saying why.
    Duplicate {
        /// The matter.
        name: String,
        /// The category.
        group: String,
    },
    /// The history does not lead to the list (a version missing, or a change that does not
    /// apply).
    History,
    /// The template itself, not a county's list.
    Template,
    /// A county's list made from another template than this build's.
    OtherBase(String),
}

/// Reads a list file and checks the list — every text, every id, and that its history, replayed
/// on the template, gives the list; nothing is partly accepted.
pub fn parse(text: &str, base: &Catalogue) -> Result<Catalogue, ListFileError> {
    let value: ListFile = super::file::read(text).map_err(ListFileError::File)?;
    let mut list = value.catalogue;
    // The history, read on its own (see `Catalogue::history`).
    #[derive(Deserialize)]
    struct FileHistory {
        catalogue: super::catalogue::HistoryOnly,
    }
    list.history = serde_json::from_str::<FileHistory>(text)
        .map_err(|_| ListFileError::File(super::file::problem_in::<FileHistory>(text)))?
        .catalogue
        .history;
    let Some(from) = &list.based_on else { return Err(ListFileError::Template) };
    if from.id != base.id || from.version != base.version {
        return Err(ListFileError::OtherBase(format!("{} v{}", from.id, from.version)));
    }
    check_texts(&list)?;
    let serialised = serde_json::to_string(&list).unwrap_or_default();
    Catalogue::from_json(&serialised).map_err(|e| match e {
        CatalogueError::Parse(m) => {
            ListFileError::File(super::file::ImportError::Shape { path: "catalogue".into(), detail: m })
        }
        CatalogueError::DuplicateId(id) => ListFileError::DuplicateId(id),
        CatalogueError::DanglingRef(id) => ListFileError::DanglingRef(id),
        CatalogueError::EmptyName(id) | CatalogueError::EmptyResolution(id) => ListFileError::Empty(id),
    })?;
    list.check_duplicates().map_err(|e| match e {
        ListError::Duplicate { name, group } => ListFileError::Duplicate { name, group },
        _ => ListFileError::History,
    })?;
    match list.at_version(base, list.version) {
        Some(replayed) if replayed == list => Ok(list),
        _ => Err(ListFileError::History),
    }
}

/// Every text of a list is non-empty where it must be, and not too long; the error names where.
fn check_texts(list: &Catalogue) -> Result<(), ListFileError> {
    let check = |at: String, text: &str, required: bool| {
        if required && text.trim().is_empty() {
            Err(ListFileError::Empty(at))
        } else if text.chars().count() > MAX_TEXT_CHARS {
            Err(ListFileError::TooLong(at))
        } else {
            Ok(())
        }
    };
    check("catalogue.title".into(), &list.title, true)?;
    check("catalogue.county".into(), &list.county, true)?;
    for (gi, g) in list.groups.iter().enumerate() {
        if let Some(label) = &g.label {
            check(format!("catalogue.groups[{gi}].label"), label, true)?;
        }
        for (ei, e) in g.entries.iter().enumerate() {
            if let Entry::Matter(m) = e {
                check(format!("catalogue.groups[{gi}].entries[{ei}].name"), &m.name, true)?;
                check(format!("catalogue.groups[{gi}].entries[{ei}].remark"), &m.remark, false)?;
            }
        }
    }
    for (fi, f) in list.flaws.iter().enumerate() {
        if let Some(r) = &f.resolution {
            check(format!("catalogue.flaws[{fi}].resolution.note"), &r.note, true)?;
        }
    }
    Ok(())
}
