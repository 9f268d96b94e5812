//! Export and import in the browser: JSON files of records (all, or those the ledger shows),
//! the ledger as CSV, and import through a preview that changes nothing until confirmed.

use super::repo::Ctx;
use super::Message;
use crate::domain::ledger::Summary;
use crate::domain::procedure::Procedure;
use crate::domain::transfer::{self, classify, ImportError, Parsed, Verdict};
use crate::domain::when;
use crate::i18n::{t, tf, tn, Key, Lang};
use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The words for an import error, with where it is.
pub fn import_error_message(lang: Lang, file: &str, e: &ImportError) -> String {
    let reason = match e {
        ImportError::TooLarge { bytes } => tf(lang, Key::ImpTooLarge, &[&(bytes / 1_048_576)]),
        ImportError::Empty => t(lang, Key::ImpEmpty).to_owned(),
        ImportError::NotJson { line, column, truncated: true, .. } => {
            tf(lang, Key::ImpTruncated, &[line, column])
        }
        ImportError::NotJson { line, column, too_deep: true, .. } => {
            tf(lang, Key::ImpTooDeep, &[line, column])
        }
        ImportError::NotJson { line, column, .. } => tf(lang, Key::ImpNotJson, &[line, column]),
        ImportError::WrongFormat { .. } => t(lang, Key::ImpWrongFormat).to_owned(),
        ImportError::UnknownVersion { found } => tf(lang, Key::ImpUnknownVersion, &[found]),
        ImportError::Shape { detail, .. } => {
            tf(lang, Key::ImpShape, &[&crate::i18n::reader_detail(lang, detail)])
        }
        ImportError::DuplicateId { id, .. } => tf(lang, Key::ImpDuplicate, &[id]),
        ImportError::BadId { .. } => t(lang, Key::ImpBadId).to_owned(),
        ImportError::NotUtf8 { encoding: Some(_) } => t(lang, Key::ImpUtf16).to_owned(),
        ImportError::NotUtf8 { encoding: None } => t(lang, Key::ImpNotUtf8).to_owned(),
        ImportError::BadRevision { .. } => t(lang, Key::ImpBadRevision).to_owned(),
        ImportError::TooLong { chars, .. } => tf(lang, Key::ImpTooLong, &[chars]),
        ImportError::UnknownProcedure { id, .. } => tf(lang, Key::ImpProcedure, &[id]),
        ImportError::NotInProcedure { name, .. } => tf(lang, Key::ImpNotInProcedure, &[name]),
    };
    let path = e.path();
    let place = if path == "$" {
        t(lang, Key::ImportWholeFile).to_owned()
    } else {
        let record = e.record_number().map(|n| tf(lang, Key::ImportRecordN, &[&n])).unwrap_or_default();
        format!("{record}{path}")
    };
    tf(lang, Key::ImportFailed, &[&file, &reason, &place])
}

/// Reads an export file of records: decoded, read, checked against the procedure, and each
/// record's digest worked out — by the browser's SHA-256 on its own threads while the records
/// are checked here, where it has one. Nothing is stored.
pub(super) async fn read_records_file(
    file: &web_sys::File,
    procedure: &Procedure,
) -> Result<Parsed, ImportError> {
    let text = super::file_text(file).await?;
    let file_text = transfer::read(&text)?;
    let digesting = start_digests(file_text.texts());
    let unverified = file_text.check(procedure)?;
    let digests = match digesting {
        Some(pending) => finish_digests(pending).await,
        None => None,
    }
    .unwrap_or_else(|| unverified.texts().map(transfer::digest_of_text).collect());
    Ok(unverified.verify(&digests))
}

/// Starts the browser's SHA-256 of each text (Web Crypto, which runs off the page's thread).
/// `None` where Web Crypto is missing (a page served over plain HTTP from another machine).
fn start_digests<'a>(texts: impl Iterator<Item = &'a str>) -> Option<js_sys::Promise> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    if wasm_bindgen::JsValue::from(subtle.clone()).is_undefined() {
        return None;
    }
    let pending = js_sys::Array::new();
    for text in texts {
        pending.push(&subtle.digest_with_str_and_u8_array("SHA-256", text.as_bytes()).ok()?.into());
    }
    Some(js_sys::Promise::all(&pending))
}

/// The digests [`start_digests`] started, in lower-case hex, in order.
async fn finish_digests(pending: js_sys::Promise) -> Option<Vec<String>> {
    let done = wasm_bindgen_futures::JsFuture::from(pending).await.ok()?;
    let done = js_sys::Array::from(&done);
    Some(done.iter().map(|d| transfer::hex(&js_sys::Uint8Array::new(&d).to_vec())).collect())
}

/// What to do with one imported record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Import,
    Replace,
    Keep,
    AsNew,
}

fn action_word(lang: Lang, a: Action, verdict: Verdict) -> &'static str {
    match (a, verdict) {
        (Action::Import, _) => t(lang, Key::ActImport),
        (Action::Replace, _) => t(lang, Key::ActReplace),
        (Action::Keep, Verdict::New) => t(lang, Key::ActSkip),
        (Action::Keep, Verdict::Identical) => t(lang, Key::ActNothing),
        (Action::Keep, _) => t(lang, Key::ActKeep),
        (Action::AsNew, _) => t(lang, Key::ActAsNew),
    }
}

fn choices(v: Verdict) -> &'static [Action] {
    match v {
        Verdict::New => &[Action::Import, Action::Keep],
        Verdict::Identical => &[Action::Keep],
        Verdict::Newer => &[Action::Replace, Action::Keep],
        Verdict::Older => &[Action::Keep, Action::Replace],
        Verdict::Conflicting => &[Action::Keep, Action::Replace, Action::AsNew],
    }
}

fn verdict_word(lang: Lang, v: Verdict) -> &'static str {
    t(
        lang,
        match v {
            Verdict::New => Key::VerdictNew,
            Verdict::Identical => Key::VerdictIdentical,
            Verdict::Newer => Key::VerdictNewer,
            Verdict::Older => Key::VerdictOlder,
            Verdict::Conflicting => Key::VerdictConflicting,
        },
    )
}

#[derive(Clone, PartialEq)]
struct Row {
    /// Which of the file's records.
    index: usize,
    verdict: Verdict,
    local_revision: Option<u64>,
    /// The stages the file marks completed whose gate the engine refuses (checked for the rows
    /// shown and for newer copies).
    unearned: Vec<String>,
}

#[derive(Clone, PartialEq)]
struct Preview {
    file: String,
    parsed: Rc<Parsed>,
    rows: Rc<Vec<Row>>,
    /// The revisions stored here of the file's records when the preview was made (none for a
    /// record not here): if they change, the verdicts no longer hold.
    local: Vec<Option<u64>>,
}

/// The revisions stored here of the file's records, in the file's order.
fn local_revisions(repo: &super::repo::Repo, parsed: &Parsed) -> Vec<Option<u64>> {
    let summaries = repo.summaries.borrow();
    let by_id: BTreeMap<&str, u64> = summaries.iter().map(|s| (s.id.as_str(), s.revision)).collect();
    parsed.envelope.records.iter().map(|r| by_id.get(r.record.id.as_str()).copied()).collect()
}

/// What a confirmed import would write besides the records chosen row by row: the file's
/// opinions that are new here and whose record (if they name one) is here or imported now, and
/// a backup's settings where they differ from these.
#[derive(Clone)]
struct ImportPlan {
    in_file: usize,
    here: usize,
    unlinked: usize,
    opinions: Vec<crate::domain::opinion::Opinion>,
    settings: Option<crate::domain::settings::Settings>,
}

impl ImportPlan {
    fn of(repo: &super::repo::Repo, p: &Preview, actions: &BTreeMap<String, Action>) -> ImportPlan {
        let env = &p.parsed.envelope;
        let settings = env.settings.clone().filter(|s| !s.is_empty());
        if env.opinions.is_empty() {
            return ImportPlan { in_file: 0, here: 0, unlinked: 0, opinions: Vec::new(), settings };
        }
        // Looked up by id (a backup may carry thousands of opinions, a ledger 10,000 records).
        let local: std::collections::BTreeSet<String> =
            repo.opinions.borrow().iter().map(|o| o.id.clone()).collect();
        let records: std::collections::BTreeSet<String> =
            repo.summaries.borrow().iter().map(|s| s.id.clone()).collect();
        let will_exist = |id: &str| {
            records.contains(id) || matches!(actions.get(id), Some(Action::Import | Action::Replace))
        };
        let (mut here, mut unlinked, mut opinions) = (0, 0, Vec::new());
        for o in &env.opinions {
            if local.contains(&o.id) {
                here += 1;
            } else if o.record.as_deref().is_some_and(|id| !will_exist(id)) {
                unlinked += 1;
            } else {
                opinions.push(o.clone());
            }
        }
        ImportPlan { in_file: env.opinions.len(), here, unlinked, opinions, settings }
    }

    fn view(
        &self,
        lang: Lang,
        take_opinions: &UseStateHandle<bool>,
        take_settings: &UseStateHandle<bool>,
        repo: &super::repo::Repo,
    ) -> Html {
        let toggle = |state: &UseStateHandle<bool>| {
            let state = state.clone();
            Callback::from(move |e: Event| state.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
        };
        let opinions = (self.in_file > 0).then(|| {
            let can = self.opinions.len();
            html! {
                <>
                <p>{ tf(lang, Key::PreviewOpinions, &[&self.in_file, &self.here, &self.unlinked, &can]) }</p>
                if can > 0 {
                    <p><label class="check">
                        <input type="checkbox" checked={**take_opinions} onchange={toggle(take_opinions)} />
                        { tn(lang, [Key::TakeOpinionsOne, Key::TakeOpinions], can as u64, &[&can]) }
                    </label></p>
                }
                </>
            }
        });
        let local = repo.settings.borrow().clone();
        let settings = self.settings.as_ref().map(|theirs| {
            if *theirs == local {
                return html! { <p>{ t(lang, Key::PreviewSettingsSame) }</p> };
            }
            let name = |s: &crate::domain::settings::Settings| {
                let o = s.organisation();
                if o.is_empty() {
                    t(lang, Key::NothingSet).to_owned()
                } else {
                    o
                }
            };
            let rules = if theirs.rules != local.rules { t(lang, Key::RulesDiffer) } else { "" };
            html! {
                <>
                <p>{ tf(lang, Key::PreviewSettings, &[&name(theirs), &name(&local)]) }{ rules }</p>
                <p><label class="check">
                    <input type="checkbox" checked={**take_settings} onchange={toggle(take_settings)} />
                    { t(lang, Key::TakeSettings) }
                </label></p>
                </>
            }
        });
        html! { <>{ opinions }{ settings }</> }
    }
}

/// What reading a chosen file sets: the panel's state, handed to its task in one piece.
#[derive(Clone)]
struct FileHandles {
    repo: Rc<super::repo::Repo>,
    message: UseStateHandle<Option<Message>>,
    preview: UseStateHandle<Option<Preview>>,
    actions: UseStateHandle<BTreeMap<String, Action>>,
    busy: UseStateHandle<bool>,
    take_opinions: UseStateHandle<bool>,
    take_settings: UseStateHandle<bool>,
}

/// Props of [`TransferPanel`].
#[derive(Properties, PartialEq)]
pub struct TransferProps {
    /// How many records the ledger shows now.
    pub shown_count: usize,
    /// The ids of the records the ledger shows now, in its order: asked for when they are
    /// exported (not passed on each keystroke of the ledger's filter).
    pub shown: Callback<(), Vec<String>>,
}

fn stamp() -> String {
    when::format_date(super::today()).replace('-', "")
}

/// Export and import on the ledger page.
#[component]
pub fn TransferPanel(props: &TransferProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let message = use_state(|| None::<Message>);
    let preview = use_state(|| None::<Preview>);
    let actions = use_state(BTreeMap::<String, Action>::new);
    // Whether the file's new opinions and its settings (a backup's) are taken.
    let take_opinions = use_state(|| true);
    let take_settings = use_state(|| false);
    let busy = use_state(|| false);
    // The file's records changed here under an open preview (one deleted or saved meanwhile):
    // its verdicts no longer hold, so it is withdrawn and the user is told. Checked whenever the
    // data changes or is read again.
    {
        let (preview, message, repo) = (preview.clone(), message.clone(), ctx.repo.clone());
        use_effect_with((ctx.generation, ctx.tick), move |_| {
            let stale = preview.as_ref().is_some_and(|p| local_revisions(&repo, &p.parsed) != p.local);
            if stale {
                preview.set(None);
                message.set(Some(Message::Error(t(lang, Key::PreviewStale).to_owned())));
            }
        });
    }

    let export = |ids: Option<Callback<(), Vec<String>>>| {
        let (repo, message) = (ctx.repo.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let ids = ids.as_ref().map(|f| f.emit(()));
            let (repo, message) = (repo.clone(), message.clone());
            yew::platform::spawn_local(async move {
                match repo.export_parts(ids.as_deref(), super::now()).await {
                    Ok((parts, count)) => {
                        super::download_parts(
                            &format!("协商记录-{}.json", stamp()),
                            &parts,
                            "application/json",
                        );
                        message.set(Some(Message::Info(tn(
                            lang,
                            [Key::ExportedNOne, Key::ExportedN],
                            count as u64,
                            &[&count],
                        ))));
                    }
                    Err(e) => message.set(Some(Message::Error(e.message(lang)))),
                }
            });
        })
    };
    let on_export_all = export(None);
    let on_export_shown = export(Some(props.shown.clone()));
    let on_csv = {
        let (repo, shown) = (ctx.repo.clone(), props.shown.clone());
        Callback::from(move |_: MouseEvent| {
            let shown = shown.emit(());
            let summaries = repo.summaries.borrow();
            let by_id: BTreeMap<&str, &Summary> = summaries.iter().map(|s| (s.id.as_str(), s)).collect();
            let rows: Vec<&Summary> = shown.iter().filter_map(|id| by_id.get(id.as_str()).copied()).collect();
            let csv =
                transfer::ledger_csv(&rows, &repo.procedure(), super::today(), &super::BrowserZone, |s| {
                    crate::i18n::status_word(lang, s).to_owned()
                });
            super::download(&format!("协商台账-{}.csv", stamp()), &csv, "text/csv;charset=utf-8");
        })
    };

    let on_file = {
        let handles = FileHandles {
            repo: ctx.repo.clone(),
            message: message.clone(),
            preview: preview.clone(),
            actions: actions.clone(),
            busy: busy.clone(),
            take_opinions: take_opinions.clone(),
            take_settings: take_settings.clone(),
        };
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let FileHandles { repo, message, preview, actions, busy, take_opinions, take_settings } =
                handles.clone();
            busy.set(true);
            message.set(Some(Message::Info(t(lang, Key::ImportReading).to_owned())));
            yew::platform::spawn_local(async move {
                let name = file.name();
                let fail = |e: ImportError| {
                    busy.set(false);
                    preview.set(None);
                    message.set(Some(Message::Error(import_error_message(lang, &name, &e))));
                };
                let parsed = match read_records_file(&file, &repo.procedure()).await {
                    Ok(parsed) => parsed,
                    Err(e) => return fail(e),
                };
                busy.set(false);
                // Practice records never reach the real ledger.
                let practice = parsed.envelope.records.iter().filter(|e| e.record.training).count();
                if practice > 0 && !repo.is_training() {
                    preview.set(None);
                    message.set(Some(Message::Error(tf(
                        lang,
                        Key::ImportTrainingRefused,
                        &[&name, &practice],
                    ))));
                    return;
                }
                let summaries: BTreeMap<String, (String, u64)> = repo
                    .summaries
                    .borrow()
                    .iter()
                    .map(|s| (s.id.clone(), (s.digest.clone(), s.revision)))
                    .collect();
                let mut rows = Vec::with_capacity(parsed.envelope.records.len());
                let mut chosen = BTreeMap::new();
                for (index, exported) in parsed.envelope.records.iter().enumerate() {
                    let r = &exported.record;
                    let (verdict, local_revision) = match summaries.get(&r.id) {
                        None => (Verdict::New, None),
                        // Identical by digest only when the file's record is what its digest
                        // says (a record changed after export is compared by its content).
                        Some((digest, rev))
                            if *digest == exported.digest && !parsed.digest_mismatches.contains(&r.id) =>
                        {
                            (Verdict::Identical, Some(*rev))
                        }
                        Some((_, rev)) => {
                            let local = repo.local_for_preview(&r.id).await;
                            (classify(r, local.as_ref()), local.map(|l| l.revision).or(Some(*rev)))
                        }
                    };
                    // Checked where it is shown (the first 200 rows) or decides the default (a
                    // newer copy): the ledger's summary checks every record when it is stored.
                    let unearned = if r.stages.is_empty() || (index >= 200 && verdict != Verdict::Newer) {
                        Vec::new()
                    } else {
                        transfer::unearned_stages(r, &repo.procedure())
                    };
                    // A newer copy whose completed stages do not hold does not replace by default.
                    let default = match verdict {
                        Verdict::Newer if !unearned.is_empty() => Action::Keep,
                        v => choices(v)[0],
                    };
                    chosen.insert(r.id.clone(), default);
                    rows.push(Row { index, verdict, local_revision, unearned });
                }
                actions.set(chosen);
                take_opinions.set(true);
                // A backup's settings are taken by default only where none are set here.
                take_settings.set(repo.settings.borrow().is_empty());
                message.set(None);
                let local = local_revisions(&repo, &parsed);
                preview.set(Some(Preview {
                    file: name,
                    parsed: Rc::new(parsed),
                    rows: Rc::new(rows),
                    local,
                }));
                // The preview takes the focus: its counts are read first, its buttons follow.
                super::focus_later("preview-heading".into());
            });
        })
    };

    let preview_html = (*preview).clone().map(|p| {
        let count = |v: Verdict| p.rows.iter().filter(|r| r.verdict == v).count();
        let env = &p.parsed.envelope;
        let plan = ImportPlan::of(&ctx.repo, &p, &actions);
        let on_confirm = {
            let (repo, refresh, message, preview, actions, p, plan) = (
                ctx.repo.clone(),
                ctx.refresh.clone(),
                message.clone(),
                preview.clone(),
                actions.clone(),
                p.clone(),
                plan.clone(),
            );
            let (take_opinions, take_settings) = (*take_opinions, *take_settings);
            Callback::from(move |_: MouseEvent| {
                let mut items = Vec::new();
                for (row, canonical) in p.rows.iter().zip(&p.parsed.canonical) {
                    let record = &p.parsed.envelope.records[row.index].record;
                    match actions.get(&record.id).copied().unwrap_or(Action::Keep) {
                        Action::Import => items.push((record.clone(), canonical.clone(), None)),
                        Action::Replace => items.push((record.clone(), canonical.clone(), row.local_revision)),
                        Action::AsNew => {
                            let mut r = record.clone();
                            r.id = super::new_id("r");
                            let c = crate::domain::transfer::canonical_json(&r);
                            items.push((r, c, None));
                        }
                        Action::Keep => {}
                    }
                }
                let wanted = items.len();
                let opinions = if take_opinions { plan.opinions.clone() } else { Vec::new() };
                let settings = plan.settings.clone().filter(|s| take_settings && *s != *repo.settings.borrow());
                let (repo, refresh, message, preview) = (repo.clone(), refresh.clone(), message.clone(), preview.clone());
                yew::platform::spawn_local(async move {
                    match repo.import(items, opinions, settings).await {
                        Ok(done) => {
                            let n = done.records;
                            let mut text = tn(lang, [Key::ImportDoneOne, Key::ImportDone], n as u64, &[&n]);
                            if n < wanted {
                                text.push_str(&tn(lang, [Key::ImportSkippedChangedOne, Key::ImportSkippedChanged], (wanted - n) as u64, &[&(wanted - n)]));
                            }
                            if done.opinions > 0 {
                                text.push_str(&tn(lang, [Key::ImportDoneOpinionsOne, Key::ImportDoneOpinions], done.opinions as u64, &[&done.opinions]));
                            }
                            if done.settings {
                                text.push_str(t(lang, Key::ImportDoneSettings));
                            }
                            message.set(Some(Message::Info(text)));
                        }
                        Err(e) => message.set(Some(Message::Error(e.message(lang)))),
                    }
                    preview.set(None);
                    super::focus_later("import-file".into());
                    refresh.emit(());
                });
            })
        };
        let on_cancel = {
            let preview = preview.clone();
            Callback::from(move |_: MouseEvent| {
                preview.set(None);
                super::focus_later("import-file".into());
            })
        };
        // Escape anywhere in the preview cancels it, as 取消 does.
        let on_preview_key = {
            let preview = preview.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    e.prevent_default();
                    preview.set(None);
                    super::focus_later("import-file".into());
                }
            })
        };
        let exported_at = when::format_date(super::local_date(env.exported_at));
        html! {
            <section class="preview card" aria-labelledby="preview-heading" onkeydown={on_preview_key}>
                <h3 id="preview-heading" tabindex="-1">{ t(lang, Key::PreviewHeading) }</h3>
                <p>{ tf(lang, Key::PreviewFile, &[&p.file, &exported_at, &env.organisation]) }</p>
                <p role="status">{ tf(lang, Key::PreviewCounts, &[
                    &count(Verdict::New), &count(Verdict::Identical), &count(Verdict::Newer),
                    &count(Verdict::Older), &count(Verdict::Conflicting),
                ]) }</p>
                if env.settings.is_some() {
                    <p>{ t(lang, Key::PreviewBackup) }</p>
                }
                { plan.view(lang, &take_opinions, &take_settings, &ctx.repo) }
                if !p.parsed.digest_mismatches.is_empty() {
                    <div class="banner warning" role="alert">
                        <p>{ t(lang, Key::DigestWarning) }{ p.parsed.digest_mismatches.join("、") }</p>
                    </div>
                }
                <div class="table-wrap" tabindex="0" role="group" aria-label={tf(lang, Key::TableOf, &[&t(lang, Key::ColVerdict)])}>
                    <table class="records">
                        <thead><tr>
                            <th scope="col">{ t(lang, Key::ColTopic) }</th>
                            <th scope="col">{ t(lang, Key::ColCommunity) }</th>
                            <th scope="col">{ t(lang, Key::ColVerdict) }</th>
                            <th scope="col">{ t(lang, Key::ColChoice) }</th>
                        </tr></thead>
                        <tbody>
                            { for p.rows.iter().take(200).map(|row| {
                                let record = &p.parsed.envelope.records[row.index].record;
                                let id = record.id.clone();
                                let select_id = format!("act-{id}");
                                let current = actions.get(&id).copied().unwrap_or(Action::Keep);
                                let onchange = {
                                    let (actions, id, options) = (actions.clone(), id.clone(), choices(row.verdict));
                                    Callback::from(move |e: Event| {
                                        let i: usize = e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0);
                                        let mut next = (*actions).clone();
                                        next.insert(id.clone(), options.get(i).copied().unwrap_or(Action::Keep));
                                        actions.set(next);
                                    })
                                };
                                // Each row, and its choice, named by the record's topic (its matter
                                // where no topic is set yet), as the ledger names it.
                                let procedure = ctx.repo.procedure();
                                let topic = match record.value(procedure, &procedure.key_fields.topic) {
                                    Some(crate::domain::Value::Text(t)) => t,
                                    _ => String::new(),
                                };
                                let name = if topic.is_empty() { record.matter.name.clone() } else { topic.clone() };
                                let label = format!("{}：{name}（{}）", t(lang, Key::ColChoice), record.id);
                                html! {
                                    <tr key={id.clone()}>
                                        <td class="topic">
                                            { &record.matter.name }
                                            if !topic.is_empty() { <span class="sub">{ &topic }</span> }
                                        </td>
                                        <td>{ &record.community }</td>
                                        <td>
                                            { verdict_word(lang, row.verdict) }
                                            { for row.unearned.iter().map(|stage| {
                                                let procedure = ctx.repo.procedure();
                                                let n = procedure.stage_index(stage).map_or(0, |i| i + 1);
                                                html! { <span class="blocked">{ tf(lang, Key::PreviewUnearned, &[&n]) }</span> }
                                            }) }
                                        </td>
                                        <td>
                                            <select id={select_id} aria-label={label} {onchange}>
                                                { for choices(row.verdict).iter().enumerate().map(|(i, a)| html! {
                                                    <option value={i.to_string()} selected={*a == current}>{ action_word(lang, *a, row.verdict) }</option>
                                                }) }
                                            </select>
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
                <div class="actions">
                    <button type="button" class="primary" onclick={on_confirm}>{ t(lang, Key::ConfirmImport) }</button>
                    <button type="button" onclick={on_cancel}>{ t(lang, Key::Cancel) }</button>
                </div>
            </section>
        }
    });

    html! {
        <section class="transfer" aria-labelledby="transfer-heading">
            <h3 id="transfer-heading">{ t(lang, Key::TransferHeading) }</h3>
            <div class="row">
                <button type="button" onclick={on_export_all}>{ t(lang, Key::ExportAll) }</button>
                <button type="button" onclick={on_export_shown} disabled={props.shown_count == 0}>{ t(lang, Key::ExportShown) }</button>
                <button type="button" onclick={on_csv}>{ t(lang, Key::ExportCsv) }</button>
                <div class="field">
                    <label for="import-file">{ t(lang, Key::ImportLabel) }</label>
                    <input type="file" id="import-file" accept=".json,application/json" disabled={*busy} onchange={on_file} />
                </div>
            </div>
            if {
                let s = ctx.repo.settings.borrow();
                s.county.trim().is_empty() || s.township.trim().is_empty()
            } {
                <p class="muted">{ t(lang, Key::ExportNoPlace) }</p>
            }
            { Message::view(message.as_ref()) }
            { preview_html }
        </section>
    }
}
