//! The app's data as the pages see it: ledger summaries, opinions and settings in memory, kept
//! in step with IndexedDB. When storage fails, work goes on in memory: the failure is shown,
//! unsaved records are kept here and can be exported, and nothing is dropped silently.

use super::storage::{journal, Db, JournalEntry, SaveOutcome, StoreError};
use super::tabs::{Part, TabMessage};
use crate::domain::ledger::{Stored, Summary};
use crate::domain::opinion::Opinion;
use crate::domain::record::Record;
use crate::domain::settings::Settings;
use crate::domain::{Catalogue, Procedure};
use crate::i18n::Lang;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Callback;

/// The app's data.
pub struct Repo {
    /// The procedure every record follows, read from its data the first time it is asked for
    /// (a start with no stale summary does not ask).
    procedure: std::cell::OnceCell<Rc<Procedure>>,
    /// The catalogue in use: the county's list, or the template.
    catalogue: RefCell<Rc<Catalogue>>,
    /// The stored list could not be read.
    catalogue_unreadable: std::cell::Cell<bool>,
    db: Option<Db>,
    name: String,
    /// This tab's id, for its closing-journal entries.
    tab: String,
    /// The last storage failure, shown until a save succeeds.
    pub failure: RefCell<Option<StoreError>>,
    /// Entries found unreadable when loading.
    pub corrupt: usize,
    /// One row per record.
    pub summaries: RefCell<Vec<Summary>>,
    /// The opinion ledger.
    pub opinions: RefCell<Vec<Opinion>>,
    /// Who runs this copy.
    pub settings: RefCell<Settings>,
    /// Records whose latest version is not stored: kept so that nothing is lost.
    unsaved: RefCell<BTreeMap<String, Record>>,
    /// For each record, the revision this page last read from or wrote to storage: a save
    /// refuses to overwrite any other stored revision.
    bases: RefCell<BTreeMap<String, u64>>,
    /// The record on screen in the editor, as it is now (saved or not): a backup includes it.
    working: RefCell<Option<Record>>,
    /// Records this page started (发起协商), with the revision they were started at: one left
    /// at that revision when the user leaves it is discarded ([`Repo::discard_untouched`]).
    started: RefCell<BTreeMap<String, u64>>,
}

/// What an import wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Records written.
    pub records: usize,
    /// Opinions added.
    pub opinions: usize,
    /// The file's settings taken.
    pub settings: bool,
}

/// What every page reads: the data, a change counter that re-renders readers, and the language.
#[derive(Clone)]
pub struct Ctx {
    /// The data.
    pub repo: Rc<Repo>,
    /// Raised whenever the data changes.
    pub tick: u32,
    /// Call after changing the data.
    pub refresh: Callback<()>,
    /// Raised each time the data is read from storage.
    pub generation: u32,
    /// UI language.
    pub lang: Lang,
    /// Switches the UI language (kept in this browser).
    pub set_lang: Callback<Lang>,
    /// Training mode (培训练习): the data is the training database's, apart from real records.
    pub training: bool,
    /// Enters or leaves training mode.
    pub set_training: Callback<bool>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        self.tick == other.tick
            && self.generation == other.generation
            && self.lang == other.lang
            && self.training == other.training
            && Rc::ptr_eq(&self.repo, &other.repo)
    }
}

impl Repo {
    /// Opens the database `name` and loads summaries, opinions and settings, and the county's
    /// list with its history: all the pages read (each module its own copy). Never fails: when
    /// storage is unavailable the pages work in memory and say so.
    pub async fn load_with_history(name: &str) -> Repo {
        let mut repo = Repo::empty(name);
        let loaded = match Repo::open(name).await {
            Ok(db) => {
                // Four read transactions at once rather than one after another.
                let (summaries, opinions, settings, catalogue) = futures::future::join4(
                    db.summaries(),
                    db.opinions(),
                    db.settings(),
                    db.catalogue(Catalogue::from_json),
                )
                .await;
                // An unreadable list is reported; the template is used meanwhile.
                (|| Ok::<_, StoreError>((summaries?, opinions?, settings?, catalogue)))()
                    .map(|(s, o, st, c)| (db, s, o, st, c))
            }
            Err(e) => Err(e),
        };
        match loaded {
            Ok((db, summaries, opinions, settings, catalogue)) => {
                repo.corrupt = summaries.corrupt + opinions.corrupt;
                repo.take_stored_list(catalogue);
                let mut items = summaries.items;
                refresh_stale(&db, || repo.procedure().clone(), &mut items).await;
                *repo.summaries.borrow_mut() = items;
                *repo.opinions.borrow_mut() = opinions.items;
                *repo.settings.borrow_mut() = settings;
                repo.db = Some(db);
            }
            Err(e) => *repo.failure.borrow_mut() = Some(e),
        }
        repo
    }

    /// The county's list as read from storage: in use when there is one; an unreadable one is
    /// reported (the template is used meanwhile).
    fn take_stored_list(&self, stored: Result<Option<Catalogue>, StoreError>) {
        match stored {
            Ok(Some(list)) => *self.catalogue.borrow_mut() = Rc::new(list),
            Ok(None) => {}
            Err(_) => self.catalogue_unreadable.set(true),
        }
    }

    fn empty(name: &str) -> Repo {
        Repo {
            procedure: std::cell::OnceCell::new(),
            catalogue: RefCell::new(Rc::new(Catalogue::template())),
            catalogue_unreadable: std::cell::Cell::new(false),
            db: None,
            name: name.to_owned(),
            tab: super::new_id("t"),
            failure: RefCell::new(None),
            corrupt: 0,
            summaries: RefCell::default(),
            opinions: RefCell::default(),
            settings: RefCell::default(),
            unsaved: RefCell::default(),
            bases: RefCell::default(),
            working: RefCell::default(),
            started: RefCell::default(),
        }
    }

    /// Opens the database. An open request that another page blocks never answers: give up on
    /// it after a while and work in memory, saying why, rather than show "loading" for ever.
    async fn open(name: &str) -> Result<Db, StoreError> {
        let open = Box::pin(Db::open(name));
        let timeout = Box::pin(yew::platform::time::sleep(std::time::Duration::from_secs(8)));
        match futures::future::select(open, timeout).await {
            futures::future::Either::Left((result, _)) => result,
            futures::future::Either::Right(_) => Err(StoreError::Blocked),
        }
    }

    /// The procedure every record follows.
    pub fn procedure(&self) -> &Rc<Procedure> {
        self.procedure.get_or_init(|| Rc::new(Procedure::standard()))
    }

    /// Whether this is the training database (培训练习): records made here are training records.
    pub fn is_training(&self) -> bool {
        self.name.ends_with(super::TRAINING_SUFFIX)
    }

    /// The catalogue in use: the county's list, or the template.
    pub fn catalogue(&self) -> Rc<Catalogue> {
        self.catalogue.borrow().clone()
    }

    /// Makes `list` the catalogue in use and stores it, if the stored list is still the one this
    /// page has (`base`: the version it was made from; `None` for a first list or one that replaces
    /// the list in use after an import preview, which compared against `replacing`). When another
    /// page stored a list meanwhile, nothing is written, that list is taken up here, and
    /// [`StoreError::ListChanged`] says so. A stored list that cannot be read is never written
    /// over.
    pub async fn save_catalogue(&self, list: Catalogue, base: Option<u32>) -> Result<(), StoreError> {
        if self.catalogue_unreadable.get() {
            return Err(StoreError::CorruptStored);
        }
        // In use at once (a second change made before this one is stored builds on it), even
        // when storing fails (the failure is returned and shown).
        *self.catalogue.borrow_mut() = Rc::new(list.clone());
        let Some(db) = &self.db else {
            return Err(self.failure.borrow().clone().unwrap_or(StoreError::Unsupported));
        };
        match db.save_catalogue(&list, base).await {
            Ok(None) => {
                super::tabs::tell(&self.name, &part_changed(Part::Catalogue));
                Ok(())
            }
            Ok(Some(theirs)) => {
                *self.catalogue.borrow_mut() = Rc::new(theirs);
                Err(StoreError::ListChanged)
            }
            Err(e) => {
                if e == StoreError::CorruptStored {
                    self.catalogue_unreadable.set(true);
                }
                self.note(&Err(e.clone()));
                Err(e)
            }
        }
    }

    /// The version of the stored list this page has, for [`Repo::save_catalogue`] (`None` while
    /// the template is in use).
    pub fn catalogue_base(&self) -> Option<u32> {
        let c = self.catalogue.borrow();
        (!c.is_template()).then_some(c.version)
    }

    /// Whether the stored list could not be read (the template is in use meanwhile, and the list
    /// is not written over).
    pub fn catalogue_unreadable(&self) -> bool {
        self.catalogue_unreadable.get()
    }

    /// The name of the database (and of the channel tabs talk over).
    pub fn name(&self) -> &str {
        &self.name
    }

    fn note(&self, result: &Result<(), StoreError>) {
        if let Err(e) = result {
            *self.failure.borrow_mut() = Some(e.clone());
        }
    }

    /// A record: the unsaved copy in this page if there is one, else the edits journalled when
    /// a page closed (newer than the stored copy), else the stored one. The flag says whether
    /// what is returned still has to be saved.
    pub async fn record(&self, id: &str) -> Result<Option<(Record, bool)>, StoreError> {
        if let Some(r) = self.unsaved.borrow().get(id) {
            return Ok(Some((r.clone(), true)));
        }
        let Some(db) = &self.db else { return Ok(None) };
        let stored = db.record(id).await?;
        // Edits a page journalled as it closed (this tab's or another's): take up the newest
        // that differs from what is stored, against the revision it was based on, so that the
        // checked save either goes through or shows a conflict. Nothing is dropped unseen.
        let mut journalled = journal::read_all(&self.name, id);
        journalled.sort_by(|a, b| b.1.record.updated.cmp(&a.1.record.updated));
        for (tab, entry) in journalled {
            if stored.as_ref() == Some(&entry.record) {
                journal::clear(&self.name, id, &tab);
                continue;
            }
            match entry.base {
                Some(b) => self.bases.borrow_mut().insert(id.to_owned(), b),
                None => self.bases.borrow_mut().remove(id),
            };
            // From now on this tab carries these edits (and journals them itself if it closes).
            journal::clear(&self.name, id, &tab);
            journal::write(&self.name, &self.tab, &entry);
            return Ok(Some((entry.record, true)));
        }
        match stored {
            Some(r) => {
                self.bases.borrow_mut().insert(r.id.clone(), r.revision);
                Ok(Some((r, false)))
            }
            None => Ok(None),
        }
    }

    /// Keeps a record whose edits are not saved yet, in one request that is issued before this
    /// returns: for the moment the page is hidden or closed.
    pub fn journal_now(&self, record: &Record) {
        if self.db.is_some() {
            let base = self.bases.borrow().get(&record.id).copied();
            journal::write(&self.name, &self.tab, &JournalEntry { base, record: record.clone() });
        }
    }

    /// Journals every record this page holds unsaved (when the page is hidden or closed).
    pub fn journal_unsaved(&self) {
        let records: Vec<Record> = self.unsaved.borrow().values().cloned().collect();
        for r in records {
            self.journal_now(&r);
        }
    }

    /// Forgets the stored revision of a record (it was deleted elsewhere and the user restores
    /// it from this page).
    pub fn forget_stored(&self, id: &str) {
        self.bases.borrow_mut().remove(id);
    }

    /// Forgets this page's unsaved copy of a record (the user took the stored one instead).
    pub fn discard_local(&self, id: &str) {
        self.unsaved.borrow_mut().remove(id);
        journal::clear(&self.name, id, &self.tab);
        if self.unsaved.borrow().is_empty() {
            *self.failure.borrow_mut() = None;
        }
    }

    /// Reads the stored copy of a record, skipping this page's unsaved one.
    pub async fn stored_record(&self, id: &str) -> Result<Option<Record>, StoreError> {
        match &self.db {
            Some(db) => db.record(id).await,
            None => Ok(None),
        }
    }

    /// Accepts that the stored revision of a record is `revision` (after the user chose, in a
    /// conflict, to keep their version or to take the stored one).
    pub fn accept_stored(&self, id: &str, revision: u64) {
        self.bases.borrow_mut().insert(id.to_owned(), revision);
    }

    fn put_summary(&self, summary: Summary) {
        let mut rows = self.summaries.borrow_mut();
        match rows.iter_mut().find(|r| r.id == summary.id) {
            Some(row) => *row = summary,
            None => rows.push(summary),
        }
    }

    /// Saves a record, unless another tab stored a revision this page has not seen (then the
    /// stored one is returned as a conflict). `base` overrides the revision last seen. The ledger row is updated at once;
    /// if storage fails the record is kept in memory and the failure is shown.
    pub async fn save(&self, record: &Record, base: Option<u64>) -> Result<SaveOutcome, StoreError> {
        let Stored { canonical, summary, .. } = Stored::of(record, &self.procedure());
        self.put_summary(summary.clone());
        let Some(db) = &self.db else {
            self.unsaved.borrow_mut().insert(record.id.clone(), record.clone());
            return Err(self.failure.borrow().clone().unwrap_or(StoreError::Unsupported));
        };
        let base = base.or_else(|| self.bases.borrow().get(&record.id).copied());
        let outcome = db.save_record(record, &canonical, &summary, base).await;
        match &outcome {
            Ok(SaveOutcome::Saved) => {
                self.bases.borrow_mut().insert(record.id.clone(), record.revision);
                self.unsaved.borrow_mut().remove(&record.id);
                // Clear this tab's journal entry only if it holds exactly what was saved.
                if journal::read(&self.name, &record.id, &self.tab).is_some_and(|e| e.record == *record) {
                    journal::clear(&self.name, &record.id, &self.tab);
                }
                // The warning stays while any record is still held only in memory.
                if self.unsaved.borrow().is_empty() {
                    *self.failure.borrow_mut() = None;
                }
                super::tabs::tell(
                    &self.name,
                    &TabMessage::Saved { id: record.id.clone(), revision: record.revision },
                );
            }
            Ok(SaveOutcome::Conflict(theirs)) => {
                // Keep "mine" until the user chooses, even if they leave the editor meanwhile.
                self.unsaved.borrow_mut().insert(record.id.clone(), record.clone());
                self.put_summary(Summary::of(theirs, &self.procedure()));
            }
            Ok(SaveOutcome::Deleted) => {
                self.unsaved.borrow_mut().insert(record.id.clone(), record.clone());
            }
            Err(e) => {
                self.unsaved.borrow_mut().insert(record.id.clone(), record.clone());
                // After a failed write the browser may close the connection: later saves then
                // fail as "closed", but the cause the user can act on is still the first one.
                let prior = self.failure.borrow().clone();
                let cause = match prior {
                    Some(prior) if *e == StoreError::Closed && prior != StoreError::Closed => prior,
                    _ => e.clone(),
                };
                *self.failure.borrow_mut() = Some(cause.clone());
                return Err(cause);
            }
        }
        outcome
    }

    /// Takes in what another tab told of a change (`super::broadcast`, `broadcast_deleted`,
    /// `broadcast_changed`): a record saved or deleted there, or a part of the data changed.
    /// A record this page holds unsaved is left to the editor (which asks the user). True when
    /// this page's data changed.
    pub async fn hear(&self, msg: TabMessage) -> bool {
        let Some(db) = &self.db else { return false };
        if let Some(id) = msg.record() {
            if self.unsaved.borrow().contains_key(id) {
                return false;
            }
        }
        match msg {
            TabMessage::Changed { tab, .. } if tab == super::page_tab() => false,
            TabMessage::Changed { changed, .. } => self.reread(changed).await,
            TabMessage::Deleted { id, .. } => {
                let before = self.summaries.borrow().len();
                self.summaries.borrow_mut().retain(|r| r.id != id);
                self.summaries.borrow().len() != before
            }
            TabMessage::Saved { id, revision } => {
                if self.summaries.borrow().iter().any(|r| r.id == id && r.revision == revision) {
                    return false;
                }
                let Ok(Some(record)) = db.record(&id).await else { return false };
                self.put_summary(Summary::of(&record, self.procedure()));
                true
            }
        }
    }

    /// Reads a part of the data again from storage (`Part::Records`: the ledger's rows; those of
    /// records held only here stay as this page has them). True when something was read.
    pub async fn reread(&self, what: Part) -> bool {
        let Some(db) = &self.db else { return false };
        let all = what == Part::All;
        let mut changed = false;
        if all || what == Part::Settings {
            if let Ok(settings) = db.settings().await {
                *self.settings.borrow_mut() = settings;
                changed = true;
            }
        }
        if all || what == Part::Opinions {
            if let Ok(opinions) = db.opinions().await {
                *self.opinions.borrow_mut() = opinions.items;
                changed = true;
            }
        }
        if all || what == Part::Catalogue {
            match db.catalogue(Catalogue::from_json).await {
                Ok(list) => {
                    *self.catalogue.borrow_mut() = Rc::new(list.unwrap_or_else(Catalogue::template));
                    self.catalogue_unreadable.set(false);
                    changed = true;
                }
                Err(_) => self.catalogue_unreadable.set(true),
            }
        }
        if all || what == Part::Records {
            if let Ok(summaries) = db.summaries().await {
                // Rows of records held only here stay as this page has them.
                let mine: Vec<Summary> =
                    self.unsaved.borrow().values().map(|r| Summary::of(r, self.procedure())).collect();
                *self.summaries.borrow_mut() = summaries.items;
                for row in mine {
                    self.put_summary(row);
                }
                changed = true;
            }
        }
        changed
    }

    /// Notes a record this page has just started (发起协商), at the revision it was stored at.
    pub fn note_started(&self, record: &Record) {
        self.started.borrow_mut().insert(record.id.clone(), record.revision);
    }

    /// The user left a record this page started: if it is still at the revision it was started
    /// at (nothing was typed, ticked or chosen), it is discarded, so that looking at a matter
    /// leaves no empty record behind. Its ledger row goes at once; true when it was discarded.
    /// A record is looked at only once this way: left with something in it, it stays for good.
    pub fn discard_untouched(&self, id: &str, revision: u64) -> bool {
        let Some(started) = self.started.borrow_mut().remove(id) else { return false };
        if started != revision || self.unsaved.borrow().get(id).is_some_and(|r| r.revision != started) {
            return false;
        }
        self.summaries.borrow_mut().retain(|r| r.id != id);
        true
    }

    /// Deletes a record; returns it so that the deletion can be undone.
    pub async fn delete(&self, id: &str) -> Result<Option<Record>, StoreError> {
        let record = self.record(id).await?.map(|(r, _)| r);
        self.summaries.borrow_mut().retain(|r| r.id != id);
        self.unsaved.borrow_mut().remove(id);
        for (tab, _) in journal::read_all(&self.name, id) {
            journal::clear(&self.name, id, &tab);
        }
        if let Some(db) = &self.db {
            let result = db.delete_record(id).await;
            self.note(&result);
            result?;
            super::tabs::tell(&self.name, &TabMessage::Deleted { id: id.to_owned(), deleted: true });
        }
        Ok(record)
    }

    /// Deletes everything this database holds (records, opinions, settings, list) and every
    /// closing-journal entry of it. Used only for the training database.
    pub async fn wipe(&self) -> Result<(), StoreError> {
        journal::clear_db(&self.name);
        self.unsaved.borrow_mut().clear();
        if let Some(db) = &self.db {
            db.clear_all().await?;
        }
        // Other tabs on these records are told they are gone.
        for summary in self.summaries.borrow_mut().drain(..) {
            super::tabs::tell(&self.name, &TabMessage::Deleted { id: summary.id.clone(), deleted: true });
        }
        self.opinions.borrow_mut().clear();
        *self.settings.borrow_mut() = Settings::default();
        *self.catalogue.borrow_mut() = Rc::new(Catalogue::template());
        self.catalogue_unreadable.set(false);
        *self.working.borrow_mut() = None;
        super::tabs::tell(&self.name, &part_changed(Part::All));
        Ok(())
    }

    /// Stores opinions (new or changed) and updates the ledger in memory.
    pub async fn save_opinions(&self, changed: Vec<Opinion>) {
        {
            let mut all = self.opinions.borrow_mut();
            for o in &changed {
                match all.iter_mut().find(|x| x.id == o.id) {
                    Some(x) => *x = o.clone(),
                    None => all.push(o.clone()),
                }
            }
        }
        if let Some(db) = &self.db {
            let result = db.save_opinions(&changed).await;
            if result.is_ok() {
                super::tabs::tell(&self.name, &part_changed(Part::Opinions));
            }
            self.note(&result);
        }
    }

    /// Stores the settings.
    pub async fn save_settings(&self, settings: Settings) -> Result<(), StoreError> {
        *self.settings.borrow_mut() = settings.clone();
        match &self.db {
            Some(db) => {
                let result = db.save_settings(&settings).await;
                if result.is_ok() {
                    super::tabs::tell(&self.name, &part_changed(Part::Settings));
                }
                self.note(&result);
                result
            }
            None => Err(self.failure.borrow().clone().unwrap_or(StoreError::Unsupported)),
        }
    }

    /// Writes what the import preview listed and the user chose: records taken from a file, with
    /// their canonical JSON, each written only if the local copy is still the revision the
    /// preview compared it with; the file's opinions not here yet whose record (if they name
    /// one) is here afterwards; the file's settings when chosen. Writes nothing else.
    pub async fn import(
        &self,
        items: Vec<(Record, String, Option<u64>)>,
        opinions: Vec<Opinion>,
        settings: Option<Settings>,
    ) -> Result<Imported, StoreError> {
        let prepared: Vec<(String, String, Summary, Option<u64>)> = items
            .into_iter()
            .map(|(r, canonical, expected)| {
                let Stored { canonical, summary, .. } =
                    Stored::with_canonical(&r, canonical, &self.procedure());
                (r.id, canonical, summary, expected)
            })
            .collect();
        let Some(db) = &self.db else {
            return Err(self.failure.borrow().clone().unwrap_or(StoreError::Unsupported));
        };
        let written = match db.put_imported(&prepared).await {
            Ok(w) => w,
            Err(e) => {
                *self.failure.borrow_mut() = Some(e.clone());
                return Err(e);
            }
        };
        let mut count = 0;
        for ((id, _, summary, _), ok) in prepared.into_iter().zip(written) {
            if ok {
                self.bases.borrow_mut().insert(id, summary.revision);
                self.put_summary(summary);
                count += 1;
            }
        }
        if count > 0 {
            super::tabs::tell(&self.name, &part_changed(Part::Records));
        }
        let new_opinions: Vec<Opinion> = {
            let have: std::collections::BTreeSet<String> =
                self.opinions.borrow().iter().map(|o| o.id.clone()).collect();
            let records: std::collections::BTreeSet<String> =
                self.summaries.borrow().iter().map(|s| s.id.clone()).collect();
            opinions
                .into_iter()
                .filter(|o| !have.contains(&o.id))
                .filter(|o| o.record.as_ref().is_none_or(|id| records.contains(id)))
                .collect()
        };
        let opinions = new_opinions.len();
        if opinions > 0 {
            self.save_opinions(new_opinions).await;
        }
        let settings = match settings {
            Some(s) => self.save_settings(s).await.is_ok(),
            None => false,
        };
        Ok(Imported { records: count, opinions, settings })
    }

    /// An export file of the records with these ids (all when `None`), as this page has them,
    /// with the opinions they took up, as the parts of a file (a JavaScript array for a Blob).
    /// Stored records go in as stored — canonical JSON, with the digest stored beside them —
    /// without being read or copied; records held only in this page are written afresh.
    pub async fn export_parts(
        &self,
        ids: Option<&[String]>,
        now: crate::domain::when::OffsetDateTime,
    ) -> Result<(js_sys::Array, usize), StoreError> {
        let stored = self.stored_texts().await?;
        Ok(self.file_parts(stored, ids, now, false))
    }

    /// The backup the storage banner offers (导出备份): an ordinary records file of every record
    /// (as stored, and those held only in this page as they are now, the one on screen
    /// included), every opinion and the settings, which import restores through its preview.
    /// Never fails: when stored records cannot be read, it holds what this page has.
    pub async fn backup_parts(&self, now: crate::domain::when::OffsetDateTime) -> (js_sys::Array, usize) {
        let stored = self.stored_texts().await.unwrap_or_default();
        self.file_parts(stored, None, now, true)
    }

    /// Every stored record's text with its digest (stored beside it, or computed), by id.
    async fn stored_texts(&self) -> Result<BTreeMap<String, (String, wasm_bindgen::JsValue)>, StoreError> {
        use crate::domain::transfer;
        let digests: BTreeMap<String, String> =
            self.summaries.borrow().iter().map(|s| (s.id.clone(), s.digest.clone())).collect();
        let mut texts = BTreeMap::new();
        if let Some(db) = &self.db {
            for (id, text) in db.record_texts().await? {
                let digest = match digests.get(&id) {
                    Some(d) if !d.is_empty() => d.clone(),
                    _ => super::storage::stored_bytes(&text)
                        .map(|b| transfer::digest_of_text(&String::from_utf8_lossy(&b)))
                        .unwrap_or_default(),
                };
                texts.insert(id, (digest, text));
            }
        }
        Ok(texts)
    }

    /// The parts of a records file from the stored texts and what this page holds: an export
    /// (the records with these ids, all when `None`, with the opinions they took up), or with
    /// `backup` every record, every opinion and the settings.
    fn file_parts(
        &self,
        mut texts: BTreeMap<String, (String, wasm_bindgen::JsValue)>,
        ids: Option<&[String]>,
        now: crate::domain::when::OffsetDateTime,
        backup: bool,
    ) -> (js_sys::Array, usize) {
        use crate::domain::transfer;
        use wasm_bindgen::JsValue;
        let fresh = |r: &Record| {
            let c = transfer::canonical_json(r);
            (transfer::digest_of_text(&c), JsValue::from_str(&c))
        };
        for (id, r) in self.unsaved.borrow().iter() {
            texts.insert(id.clone(), fresh(r));
        }
        if let Some(r) = self.working.borrow().as_ref() {
            // A backup holds the record on screen whatever its state; an export holds it when
            // it is one of the records exported.
            if backup || texts.contains_key(&r.id) {
                texts.insert(r.id.clone(), fresh(r));
            }
        }
        let chosen: Vec<(String, (String, JsValue))> = match ids {
            None => texts.into_iter().collect(),
            Some(ids) => ids.iter().filter_map(|id| texts.remove_entry(id)).collect(),
        };
        let linked: std::collections::BTreeSet<String> = {
            let summaries = self.summaries.borrow();
            let by_id: BTreeMap<&str, &Summary> = summaries.iter().map(|s| (s.id.as_str(), s)).collect();
            chosen
                .iter()
                .filter_map(|(id, _)| by_id.get(id.as_str()))
                .flat_map(|s| s.opinions.iter().cloned())
                .collect()
        };
        let opinions: Vec<Opinion> =
            self.opinions.borrow().iter().filter(|o| backup || linked.contains(&o.id)).cloned().collect();
        let settings = self.settings.borrow().clone();
        let place = settings.place();
        let (before, after) = transfer::frame(&opinions, &place, backup.then_some(&settings), now);
        let parts = js_sys::Array::new();
        parts.push(&JsValue::from_str(&before));
        let close = JsValue::from_str("}");
        for (i, (_, (digest, text))) in chosen.iter().enumerate() {
            parts.push(&JsValue::from_str(&transfer::record_opening(i, digest)));
            parts.push(text);
            parts.push(&close);
        }
        parts.push(&JsValue::from_str(&after));
        (parts, chosen.len())
    }

    /// The local record with this id as stored (for the import preview).
    pub async fn local_for_preview(&self, id: &str) -> Option<Record> {
        if let Some(r) = self.unsaved.borrow().get(id) {
            return Some(r.clone());
        }
        self.db.as_ref()?.record(id).await.ok().flatten()
    }

    /// Notes the record the editor shows now; its ledger row follows at once, before any save.
    pub fn set_working(&self, record: Option<Record>) {
        if let Some(r) = &record {
            self.put_summary(Summary::of(r, &self.procedure()));
        }
        *self.working.borrow_mut() = record;
    }

    /// How many records are kept only in memory.
    pub fn unsaved_count(&self) -> usize {
        self.unsaved.borrow().len()
    }
}

/// Works out again, from their stored records, the summaries an earlier version of the rules
/// stored ([`Summary::is_stale`]: a record it called 已办结 may be 落实中 or 逾期 now), and stores
/// them. Records are read two hundred at a time. A record that cannot be read keeps its summary;
/// a failure to store leaves the work to the next load.
async fn refresh_stale(db: &Db, procedure: impl Fn() -> Rc<Procedure>, items: &mut [Summary]) {
    let stale: Vec<usize> = items.iter().enumerate().filter(|(_, s)| s.is_stale()).map(|(i, _)| i).collect();
    if stale.is_empty() {
        return;
    }
    // Read (and checked) only now: a start with nothing stale does not parse the procedure.
    let procedure = procedure();
    for chunk in stale.chunks(200) {
        let reads = chunk.iter().map(|&i| db.record(&items[i].id));
        let records = futures::future::join_all(reads).await;
        let mut fresh = Vec::with_capacity(chunk.len());
        for (&i, record) in chunk.iter().zip(records) {
            if let Ok(Some(record)) = record {
                items[i] = Summary::of(&record, &procedure);
                fresh.push(items[i].clone());
            }
        }
        if db.put_summaries(&fresh).await.is_err() {
            return;
        }
    }
}

/// A part of the data changed here, as the other tabs are told.
fn part_changed(part: Part) -> TabMessage {
    TabMessage::Changed { changed: part, tab: super::page_tab() }
}
