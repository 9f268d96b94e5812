//! 事项清单: a county makes the template its own list (二（一）, and the notice's closing
//! paragraph: 结合各自实际进行完善……上报州民政局统一备案), edits it change by change, compares
//! versions, passes the list on as a file, and prints the filing document.

use super::repo::Ctx;
use super::route::Route;
use super::Message;
use crate::domain::catalogue::{Catalogue, Entry, Group, Hints, Matter};
use crate::domain::county_list::{self, diff, Difference, ListEdit, ListError, ListFileError};
use crate::domain::documents;
use crate::domain::when;
use crate::i18n::{flaw_tag, t, tf, tn, Key, Lang};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The words for a refused change.
fn list_error(lang: Lang, e: &ListError) -> String {
    match e {
        ListError::Template => t(lang, Key::ListErrTemplate).to_owned(),
        ListError::Empty => t(lang, Key::ListErrEmpty).to_owned(),
        ListError::TooLong => tf(lang, Key::ListErrTooLong, &[&county_list::MAX_TEXT_CHARS]),
        ListError::NotFound(id) => tf(lang, Key::ListErrNotFound, &[id]),
        ListError::Duplicate { name, group } => tf(lang, Key::ListErrDuplicate, &[group, name]),
        ListError::BadPosition => t(lang, Key::ListErrPosition).to_owned(),
        ListError::Unchanged => t(lang, Key::ListErrUnchanged).to_owned(),
    }
}

fn file_error(lang: Lang, file: &str, e: &ListFileError) -> String {
    match e {
        ListFileError::File(crate::domain::transfer::ImportError::WrongFormat { .. }) => tf(
            lang,
            Key::ImportFailed,
            &[&file, &t(lang, Key::ImpWrongListFormat), &t(lang, Key::ImportWholeFile)],
        ),
        ListFileError::File(e) => super::transfer::import_error_message(lang, file, e),
        ListFileError::DuplicateId(id) => tf(lang, Key::ListFileDuplicateId, &[&file, id]),
        ListFileError::DanglingRef(id) => tf(lang, Key::ListFileDanglingRef, &[&file, id]),
        ListFileError::Empty(at) => tf(lang, Key::ListFileEmpty, &[&file, at]),
        ListFileError::TooLong(at) => tf(lang, Key::ListFileTooLong, &[&file, at]),
        ListFileError::Duplicate { name, group } => tf(lang, Key::ListFileDuplicate, &[&file, group, name]),
        ListFileError::History => tf(lang, Key::ListFileHistory, &[&file]),
        ListFileError::Template => tf(lang, Key::ListFileTemplate, &[&file]),
        ListFileError::OtherBase(id) => tf(lang, Key::ListFileOtherBase, &[&file, id]),
    }
}

fn group_name(lang: Lang, g: &Group) -> String {
    g.label.clone().unwrap_or_else(|| t(lang, Key::UnlabelledGroup).to_owned())
}

/// One difference, in words.
fn difference(lang: Lang, d: &Difference) -> String {
    let label = |l: &Option<String>| l.clone().unwrap_or_else(|| t(lang, Key::UnlabelledGroup).to_owned());
    match d {
        Difference::Title { from, to } => tf(lang, Key::DiffTitle, &[from, to]),
        Difference::GroupLabel { from, to } => tf(lang, Key::DiffGroupLabel, &[&label(from), &label(to)]),
        Difference::GroupOrder => t(lang, Key::DiffGroupOrder).to_owned(),
        Difference::Filled { number, name } => {
            tf(lang, Key::DiffFilled, &[&number.map(|n| n.to_string()).unwrap_or_else(|| "—".into()), name])
        }
        Difference::Added { group, name } => tf(lang, Key::DiffAdded, &[&label(group), name]),
        Difference::Renamed { from, to } => tf(lang, Key::DiffRenamed, &[from, to]),
        Difference::Annotated { name } => tf(lang, Key::DiffAnnotated, &[name]),
        Difference::Retired { name } => tf(lang, Key::DiffRetired, &[name]),
        Difference::Restored { name } => tf(lang, Key::DiffRestored, &[name]),
        Difference::EntryOrder { group } => tf(lang, Key::DiffEntryOrder, &[&label(group)]),
        Difference::Resolved { flaw, note } => tf(lang, Key::DiffResolved, &[flaw, note]),
        Difference::Reopened { flaw } => tf(lang, Key::DiffReopened, &[flaw]),
    }
}

/// One change of the history, in words.
fn change_words(lang: Lang, list: &Catalogue, e: &ListEdit) -> String {
    let matter = |id: &str| list.matter(id).map(|(_, m)| m.name.clone()).unwrap_or_else(|| id.to_owned());
    let group = |id: &str| {
        list.groups.iter().find(|g| g.id == id).map(|g| group_name(lang, g)).unwrap_or_else(|| id.to_owned())
    };
    let flaw = |id: &str| list.flaws.iter().find(|f| f.id == id).map(|f| f.note.clone()).unwrap_or_default();
    match e {
        ListEdit::Title { title } => tf(lang, Key::ChangeTitle, &[title]),
        ListEdit::RenameGroup { label, .. } => tf(lang, Key::ChangeRenameGroup, &[label]),
        ListEdit::MoveGroup { group: g, to } => tf(lang, Key::ChangeMoveGroup, &[&group(g), &(to + 1)]),
        ListEdit::AddMatter { group: g, name, .. } => tf(lang, Key::ChangeAdd, &[&group(g), name]),
        ListEdit::EditMatter { name, .. } => tf(lang, Key::ChangeEdit, &[name]),
        ListEdit::RetireMatter { matter: m } => tf(lang, Key::ChangeRetire, &[&matter(m)]),
        ListEdit::RestoreMatter { matter: m } => tf(lang, Key::ChangeRestore, &[&matter(m)]),
        ListEdit::MoveEntry { entry, to } => tf(lang, Key::ChangeMoveEntry, &[&matter(entry), &(to + 1)]),
        ListEdit::FillSlot { name, .. } => tf(lang, Key::ChangeFill, &[name]),
        ListEdit::ResolveFlaw { flaw: f, note } => tf(lang, Key::ChangeResolve, &[&flaw(f), note]),
        ListEdit::ReopenFlaw { flaw: f } => tf(lang, Key::ChangeReopen, &[&flaw(f)]),
    }
}

/// Hints as three checkboxes.
fn hint_boxes(lang: Lang, id: &str, hints: Hints, on: Callback<Hints>) -> Html {
    let boxes = [
        (hints.cross_village, Key::HintCrossShort, 0),
        (hints.technical, Key::HintTechnicalShort, 1),
        (hints.wide_reaching, Key::HintWideShort, 2),
    ];
    html! {
        <fieldset class="hints">
            <legend>{ t(lang, Key::HintsLegend) }</legend>
            { for boxes.into_iter().map(|(checked, key, i)| {
                let on = on.clone();
                let onchange = Callback::from(move |e: Event| {
                    let value = e.target_unchecked_into::<HtmlInputElement>().checked();
                    let mut h = hints;
                    match i {
                        0 => h.cross_village = value,
                        1 => h.technical = value,
                        _ => h.wide_reaching = value,
                    }
                    on.emit(h);
                });
                let box_id = format!("{id}-hint-{i}");
                html! {
                    <label class="check" for={box_id.clone()}>
                        <input type="checkbox" id={box_id} {checked} {onchange} />{ t(lang, key) }
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// A small form for a matter's wording, hints and remark (adding, editing, filling a slot).
#[derive(Properties, PartialEq)]
struct MatterFormProps {
    /// Unique id prefix for the fields.
    id: String,
    /// The label of the wording field.
    name_label: AttrValue,
    /// The label of the button.
    submit: AttrValue,
    /// The form's accessible name.
    title: AttrValue,
    /// Starting values.
    #[prop_or_default]
    start: Option<(String, Hints, String)>,
    /// Called with the values; true when the change was made (the form then empties itself; a
    /// refused change leaves what was typed in place).
    on_submit: Callback<(String, Hints, String), bool>,
    /// Called on 取消, if the form can be cancelled.
    #[prop_or_default]
    on_cancel: Option<Callback<()>>,
}

#[component]
fn MatterForm(props: &MatterFormProps) -> Html {
    let lang = use_context::<Ctx>().map(|c| c.lang).unwrap_or_default();
    let start = props.start.clone().unwrap_or_default();
    let name = use_state(|| start.0.clone());
    let hints = use_state(|| start.1);
    let remark = use_state(|| start.2.clone());
    let onsubmit = {
        let (name, hints, remark, on) =
            (name.clone(), hints.clone(), remark.clone(), props.on_submit.clone());
        let editing = props.start.is_some();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let made = on.emit(((*name).clone(), *hints, (*remark).clone()));
            if made && !editing {
                name.set(String::new());
                hints.set(Hints::default());
                remark.set(String::new());
            }
        })
    };
    // Escape closes a form that can be cancelled, as 取消 does.
    let on_key = {
        let cancel = props.on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let (Some(cancel), "Escape") = (&cancel, e.key().as_str()) {
                e.prevent_default();
                cancel.emit(());
            }
        })
    };
    let name_id = format!("{}-name", props.id);
    let remark_id = format!("{}-remark", props.id);
    html! {
        <form class="matter-form" aria-label={props.title.clone()} {onsubmit} onkeydown={on_key}>
            <div class="field wide">
                <label for={name_id.clone()}>{ &props.name_label }</label>
                <input type="text" id={name_id} value={(*name).clone()}
                    oninput={let name = name.clone(); Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
            </div>
            { hint_boxes(lang, &props.id, *hints, { let hints = hints.clone(); Callback::from(move |h| hints.set(h)) }) }
            <div class="field">
                <label for={remark_id.clone()}>{ t(lang, Key::RemarkLabel) }</label>
                <input type="text" id={remark_id} value={(*remark).clone()}
                    oninput={let remark = remark.clone(); Callback::from(move |e: InputEvent| remark.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
            </div>
            <div class="actions">
                <button type="submit" class="primary">{ &props.submit }</button>
                if let Some(cancel) = &props.on_cancel {
                    <button type="button" onclick={cancel.reform(|_| ())}>{ t(lang, Key::Cancel) }</button>
                }
            </div>
        </form>
    }
}

#[derive(Clone, PartialEq)]
struct Preview {
    file: String,
    list: Rc<Catalogue>,
}

/// The list page.
#[component]
pub fn ListPage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let list = ctx.repo.catalogue();
    let message = use_state(|| None::<Message>);
    let editing = use_state(|| None::<String>);
    let compare = use_state(|| None::<u32>);
    let preview = use_state(|| None::<Preview>);
    let county = use_state(|| ctx.repo.settings.borrow().county.clone());
    // The maker says they are the county bureau before a list replaces the template.
    let county_only = use_state(|| false);
    let group_labels = use_state(std::collections::BTreeMap::<String, String>::new);
    let notes = use_state(std::collections::BTreeMap::<String, String>::new);
    let title_value = use_state(|| None::<String>);

    // Applies a change and stores the list; the message says what happened. Returns whether the
    // change was made (a refused one leaves the forms as they are).
    let change = {
        let (repo, refresh, message, editing) =
            (ctx.repo.clone(), ctx.refresh.clone(), message.clone(), editing.clone());
        Callback::from(move |edit: ListEdit| -> bool {
            let base = repo.catalogue_base();
            let mut next = (*repo.catalogue()).clone();
            let closes_form = matches!(edit, ListEdit::EditMatter { .. });
            match next.apply(edit, super::today()) {
                Err(e) => {
                    message.set(Some(Message::Error(list_error(lang, &e))));
                    false
                }
                Ok(()) => {
                    if closes_form {
                        if let Some(id) = (*editing).clone() {
                            super::focus_later(format!("edit-button-{id}"));
                        }
                        editing.set(None);
                    }
                    let version = next.version;
                    let (repo, refresh, message) = (repo.clone(), refresh.clone(), message.clone());
                    yew::platform::spawn_local(async move {
                        match repo.save_catalogue(next, base).await {
                            Ok(()) => message.set(Some(Message::Info(tf(lang, Key::ListSaved, &[&version])))),
                            Err(e) => message.set(Some(Message::Error(e.message(lang)))),
                        }
                        refresh.emit(());
                    });
                    true
                }
            }
        })
    };

    let on_file = {
        let (message, preview) = (message.clone(), preview.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let (message, preview) = (message.clone(), preview.clone());
            yew::platform::spawn_local(async move {
                let name = file.name();
                let parsed = match super::file_text(&file).await {
                    Ok(text) => county_list::parse(&text, &Catalogue::template()),
                    Err(e) => Err(ListFileError::File(e)),
                };
                match parsed {
                    Ok(list) => {
                        message.set(None);
                        preview.set(Some(Preview { file: name, list: Rc::new(list) }));
                    }
                    Err(e) => {
                        preview.set(None);
                        message.set(Some(Message::Error(file_error(lang, &name, &e))));
                    }
                }
            });
        })
    };
    let import_input = html! {
        <div class="field">
            <label for="list-import">{ t(lang, Key::ListImportLabel) }</label>
            <input type="file" id="list-import" accept=".json,application/json" onchange={on_file} />
        </div>
    };
    let unreadable = ctx.repo.catalogue_unreadable().then(|| {
        html! { <div class="banner warning" role="alert"><p>{ t(lang, Key::ListUnreadable) }</p></div> }
    });
    let message_html = Message::view(message.as_ref());
    let preview_html = (*preview).clone().map(|p| {
        let local = ctx.repo.catalogue();
        let differences = diff(&local, &p.list);
        let older = p.list.id == local.id && p.list.version <= local.version;
        let other = !local.is_template() && p.list.id != local.id;
        let on_confirm = {
            let (repo, refresh, message, preview, list) =
                (ctx.repo.clone(), ctx.refresh.clone(), message.clone(), preview.clone(), p.list.clone());
            Callback::from(move |_: MouseEvent| {
                let (repo, refresh, message, preview, list) =
                    (repo.clone(), refresh.clone(), message.clone(), preview.clone(), list.clone());
                yew::platform::spawn_local(async move {
                    let version = list.version;
                    let title = list.title.clone();
                    let base = repo.catalogue_base();
                    match repo.save_catalogue((*list).clone(), base).await {
                        Ok(()) => message.set(Some(Message::Info(tf(lang, Key::ListImported, &[&title, &version])))),
                        Err(e) => message.set(Some(Message::Error(e.message(lang)))),
                    }
                    preview.set(None);
                    refresh.emit(());
                });
            })
        };
        let on_cancel = {
            let preview = preview.clone();
            Callback::from(move |_: MouseEvent| preview.set(None))
        };
        html! {
            <section class="preview card" aria-labelledby="list-preview-heading">
                <h3 id="list-preview-heading">{ t(lang, Key::ListPreviewHeading) }</h3>
                <p>{ tf(lang, Key::ListPreviewFile, &[&p.file, &p.list.title, &p.list.version,
                    &p.list.dated.map(when::format_date).unwrap_or_default()]) }</p>
                if older {
                    <div class="banner warning" role="alert"><p>{ tf(lang, Key::ListPreviewOlder, &[&local.version]) }</p></div>
                }
                if other {
                    <div class="banner warning" role="alert"><p>{ t(lang, Key::ListPreviewOther) }</p></div>
                }
                <h4>{ tn(lang, [Key::ListPreviewDiffOne, Key::ListPreviewDiff], differences.len() as u64, &[&differences.len()]) }</h4>
                <ul class="differences">
                    { for differences.iter().map(|d| html! { <li>{ difference(lang, d) }</li> }) }
                </ul>
                <div class="actions">
                    <button type="button" class="primary" onclick={on_confirm}>{ t(lang, Key::ConfirmListImport) }</button>
                    <button type="button" onclick={on_cancel}>{ t(lang, Key::Cancel) }</button>
                </div>
            </section>
        }
    });

    if list.is_template() {
        let on_start = {
            let (repo, refresh, message, county) =
                (ctx.repo.clone(), ctx.refresh.clone(), message.clone(), county.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let name = county.trim().to_owned();
                if name.is_empty() {
                    message.set(Some(Message::Error(t(lang, Key::ListCountyEmpty).to_owned())));
                    return;
                }
                let list =
                    Catalogue::for_county(&repo.catalogue(), &super::new_id("list"), &name, super::today());
                let (repo, refresh, message) = (repo.clone(), refresh.clone(), message.clone());
                yew::platform::spawn_local(async move {
                    match repo.save_catalogue(list, None).await {
                        Ok(()) => message.set(Some(Message::Info(t(lang, Key::ListStarted).to_owned()))),
                        Err(e) => message.set(Some(Message::Error(e.message(lang)))),
                    }
                    refresh.emit(());
                });
            })
        };
        return html! {
            <section class="county-list" aria-labelledby="list-heading">
                <h2 id="list-heading">{ t(lang, Key::ListHeading) }</h2>
                <blockquote class="clause"><p>{ t(lang, Key::ListClause) }</p></blockquote>
                { unreadable.clone().unwrap_or_default() }
                <p>{ t(lang, Key::ListTemplateInUse) }</p>
                // Made by the county bureau, not by a village at one click: said, and confirmed.
                <form class="row card" onsubmit={on_start}>
                    <div class="field">
                        <label for="list-county">{ t(lang, Key::ListCountyLabel) }</label>
                        <input type="text" id="list-county" value={(*county).clone()}
                            oninput={let county = county.clone(); Callback::from(move |e: InputEvent| county.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                    </div>
                    <label class="check" for="list-county-only">
                        <input type="checkbox" id="list-county-only" checked={*county_only}
                            onchange={let county_only = county_only.clone(); Callback::from(move |e: Event| county_only.set(e.target_unchecked_into::<HtmlInputElement>().checked()))} />
                        { t(lang, Key::ListCountyOnly) }
                    </label>
                    <p class="muted">{ t(lang, Key::ListStartNote) }</p>
                    <button type="submit" class="primary" disabled={!*county_only}>{ t(lang, Key::ListStart) }</button>
                </form>
                <div class="row">{ import_input }</div>
                { message_html }
                { preview_html.unwrap_or_default() }
            </section>
        };
    }

    let on_export = {
        let list = list.clone();
        Callback::from(move |_: MouseEvent| {
            let text = county_list::export(&list, super::now());
            super::download(&format!("{}-第{}版.json", list.title, list.version), &text, "application/json");
        })
    };

    let groups = list.groups.iter().enumerate().map(|(gi, g)| {
        let heading_id = format!("group-{}", g.id);
        let label_id = format!("label-{}", g.id);
        let name = group_name(lang, g);
        let label_value = group_labels.get(&g.id).cloned().unwrap_or_else(|| g.label.clone().unwrap_or_default());
        let on_label = {
            let (labels, id) = (group_labels.clone(), g.id.clone());
            Callback::from(move |e: InputEvent| {
                let mut next = (*labels).clone();
                next.insert(id.clone(), e.target_unchecked_into::<HtmlInputElement>().value());
                labels.set(next);
            })
        };
        let on_rename = {
            let (change, id, labels) = (change.clone(), g.id.clone(), group_labels.clone());
            let value = label_value.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                if change.emit(ListEdit::RenameGroup { group: id.clone(), label: value.clone() }) {
                    let mut next = (*labels).clone();
                    next.remove(&id);
                    labels.set(next);
                }
            })
        };
        let move_group = |to: usize| {
            let (change, id) = (change.clone(), g.id.clone());
            Callback::from(move |_: MouseEvent| {
                change.emit(ListEdit::MoveGroup { group: id.clone(), to });
            })
        };
        let entries = g.entries.len();
        let rows = g.entries.iter().enumerate().map(|(ei, e)| {
            let move_entry = |to: usize| {
                let (change, id) = (change.clone(), e.id().to_owned());
                Callback::from(move |_: MouseEvent| {
                    change.emit(ListEdit::MoveEntry { entry: id.clone(), to });
                })
            };
            let up = html! {
                <button type="button" class="small" disabled={ei == 0} onclick={move_entry(ei.saturating_sub(1))}
                    aria-label={tf(lang, Key::MoveUpNamed, &[&entry_name(lang, e)])}>{ t(lang, Key::MoveUp) }</button>
            };
            let down = html! {
                <button type="button" class="small" disabled={ei + 1 == entries} onclick={move_entry(ei + 1)}
                    aria-label={tf(lang, Key::MoveDownNamed, &[&entry_name(lang, e)])}>{ t(lang, Key::MoveDown) }</button>
            };
            match e {
                Entry::Matter(m) => matter_row(lang, m, &editing, &change, up, down),
                Entry::Slot(s) => {
                    let (change, id) = (change.clone(), s.id.clone());
                    let on_fill = Callback::from(move |(name, hints, remark): (String, Hints, String)| {
                        change.emit(ListEdit::FillSlot { slot: id.clone(), name, hints, remark })
                    });
                    // Rows without a number are told apart by the row they follow.
                    let after = g.entries[..ei].iter().rev().find_map(|e| match e {
                        Entry::Matter(m) => Some(m.name.clone()),
                        Entry::Slot(_) => None,
                    });
                    let label = match (s.number, after) {
                        (Some(n), _) => tf(lang, Key::FillSlotNumbered, &[&n]),
                        (None, Some(after)) => tf(lang, Key::FillSlotAfter, &[&after]),
                        (None, None) => t(lang, Key::FillSlotLabel).to_owned(),
                    };
                    html! {
                        <tr key={s.id.clone()} class="slot">
                            <td class="num">{ s.number.map(|n| n.to_string()).unwrap_or_else(|| "—".into()) }</td>
                            <td colspan="3">
                                <p class="muted">{ t(lang, Key::SlotRow) }</p>
                                <MatterForm id={format!("fill-{}", s.id)} name_label={label.clone()} title={label} submit={t(lang, Key::FillSlot)} on_submit={on_fill} />
                            </td>
                            <td class="action">{ up }{ down }</td>
                        </tr>
                    }
                }
            }
        });
        let on_add = {
            let (change, id) = (change.clone(), g.id.clone());
            Callback::from(move |(name, hints, remark): (String, Hints, String)| {
                change.emit(ListEdit::AddMatter { group: id.clone(), id: String::new(), name, hints, remark })
            })
        };
        html! {
            <section key={g.id.clone()} class="group card" aria-labelledby={heading_id.clone()}>
                <h3 id={heading_id}>{ &name }</h3>
                <div class="row">
                    <form class="row" onsubmit={on_rename}>
                        <div class="field">
                            <label for={label_id.clone()}>{ t(lang, Key::GroupLabelField) }</label>
                            <input type="text" id={label_id} value={label_value} oninput={on_label}
                                aria-describedby={format!("group-{}", g.id)} />
                        </div>
                        <button type="submit" aria-label={tf(lang, Key::RenameGroupNamed, &[&name])}>{ t(lang, Key::RenameGroup) }</button>
                    </form>
                    <button type="button" class="small" disabled={gi == 0} onclick={move_group(gi.saturating_sub(1))}
                        aria-label={tf(lang, Key::MoveUpNamed, &[&name])}>{ t(lang, Key::MoveUp) }</button>
                    <button type="button" class="small" disabled={gi + 1 == list.groups.len()} onclick={move_group(gi + 1)}
                        aria-label={tf(lang, Key::MoveDownNamed, &[&name])}>{ t(lang, Key::MoveDown) }</button>
                </div>
                <div class="table-wrap" tabindex="0" role="group" aria-label={tf(lang, Key::TableOf, &[&name])}>
                    <table class="list-table">
                        <thead><tr>
                            <th scope="col" class="num">{ t(lang, Key::ColNumber) }</th>
                            <th scope="col">{ t(lang, Key::ColMatter) }</th>
                            <th scope="col">{ t(lang, Key::ColRemark) }</th>
                            <th scope="col">{ t(lang, Key::ColState) }</th>
                            <th scope="col" class="action">{ t(lang, Key::ColAction) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                <details class="add-matter">
                    <summary>{ tf(lang, Key::AddMatterTo, &[&name]) }</summary>
                    <MatterForm id={format!("add-{}", g.id)} name_label={t(lang, Key::NewMatterName)} title={tf(lang, Key::AddMatterTo, &[&name])} submit={t(lang, Key::AddMatter)} on_submit={on_add} />
                </details>
            </section>
        }
    });

    let flaws = list.flaws.iter().map(|f| {
        let note_id = format!("flaw-{}", f.id);
        let value = notes.get(&f.id).cloned().unwrap_or_default();
        let on_note = {
            let (notes, id) = (notes.clone(), f.id.clone());
            Callback::from(move |e: InputEvent| {
                let mut next = (*notes).clone();
                next.insert(id.clone(), e.target_unchecked_into::<HtmlTextAreaElement>().value());
                notes.set(next);
            })
        };
        let on_resolve = {
            let (change, id, notes) = (change.clone(), f.id.clone(), notes.clone());
            let value = value.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                if change.emit(ListEdit::ResolveFlaw { flaw: id.clone(), note: value.clone() }) {
                    let mut next = (*notes).clone();
                    next.remove(&id);
                    notes.set(next);
                }
            })
        };
        let on_reopen = {
            let (change, id) = (change.clone(), f.id.clone());
            Callback::from(move |_: MouseEvent| {
                change.emit(ListEdit::ReopenFlaw { flaw: id.clone() });
            })
        };
        html! {
            <li key={f.id.clone()} class="flaw card">
                <p id={format!("flaw-note-{}", f.id)}><span class="flag">{ flaw_tag(lang, f.kind) }</span>{ &f.note }</p>
                { match &f.resolution {
                    Some(r) => html! {
                        <>
                            <p class="resolved">{ tf(lang, Key::FlawResolvedAs, &[&r.note, &when::format_date(r.on)]) }</p>
                            <button type="button" onclick={on_reopen} aria-label={tf(lang, Key::ReopenFlawNamed, &[&f.note])}>{ t(lang, Key::ReopenFlaw) }</button>
                        </>
                    },
                    None => html! {
                        <form onsubmit={on_resolve}>
                            <p class="muted">{ t(lang, Key::FlawOpen) }</p>
                            <div class="field wide">
                                <label for={note_id.clone()}>{ tf(lang, Key::ResolutionLabel, &[&flaw_tag(lang, f.kind)]) }</label>
                                <textarea id={note_id} value={value} oninput={on_note} rows="2"
                                    aria-describedby={format!("flaw-note-{}", f.id)} />
                            </div>
                            <button type="submit" aria-label={tf(lang, Key::ResolveFlawNamed, &[&f.note])}>{ t(lang, Key::ResolveFlaw) }</button>
                        </form>
                    },
                } }
            </li>
        }
    });

    let comparison = (*compare).map(|v| {
        // Parsed only when a comparison is asked for, not on every render of the page.
        let template = Catalogue::template();
        let (against, title) = if v == 0 {
            (Some(template.clone()), t(lang, Key::CompareTemplate).to_owned())
        } else {
            (list.at_version(&template, v), tf(lang, Key::CompareVersion, &[&v]))
        };
        match against {
            None => html! { <p role="alert">{ t(lang, Key::CompareUnavailable) }</p> },
            Some(old) => {
                let ds = diff(&old, &list);
                html! {
                    <div class="comparison" role="region" aria-label={title.clone()}>
                        <h4>{ tn(lang, [Key::CompareHeadingOne, Key::CompareHeading], ds.len() as u64, &[&title, &ds.len()]) }</h4>
                        if ds.is_empty() {
                            <p>{ t(lang, Key::CompareNone) }</p>
                        }
                        <ul class="differences">{ for ds.iter().map(|d| html! { <li>{ difference(lang, d) }</li> }) }</ul>
                    </div>
                }
            }
        }
    });
    let set_compare = |v: u32| {
        let compare = compare.clone();
        Callback::from(move |_: MouseEvent| compare.set(Some(v)))
    };
    let on_title = {
        let (change, title_value) = (change.clone(), title_value.clone());
        let value = (*title_value).clone().unwrap_or_else(|| list.title.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if change.emit(ListEdit::Title { title: value.clone() }) {
                title_value.set(None);
            }
        })
    };

    html! {
        <section class="county-list" aria-labelledby="list-heading">
            <h2 id="list-heading">{ t(lang, Key::ListHeading) }</h2>
            <blockquote class="clause"><p>{ t(lang, Key::ListClause) }</p></blockquote>
            <p class="meta" role="status">{ tn(lang, [Key::ListSummaryOne, Key::ListSummary], list.matters().count() as u64, &[&list.title, &list.version,
                &list.dated.map(when::format_date).unwrap_or_default(), &list.matters().count()]) }</p>
            <div class="row toolbar">
                <button type="button" onclick={on_export}>{ t(lang, Key::ListExport) }</button>
                { import_input }
                <a class="button" href={Route::ListPrint.href()}>{ t(lang, Key::ListPrint) }</a>
            </div>
            { message_html }
            { preview_html.unwrap_or_default() }
            <form class="row card" onsubmit={on_title}>
                <div class="field wide">
                    <label for="list-title">{ t(lang, Key::ListTitleLabel) }</label>
                    <input type="text" id="list-title" value={(*title_value).clone().unwrap_or_else(|| list.title.clone())}
                        oninput={let tv = title_value.clone(); Callback::from(move |e: InputEvent| tv.set(Some(e.target_unchecked_into::<HtmlInputElement>().value())))} />
                </div>
                <button type="submit">{ t(lang, Key::SaveTitle) }</button>
            </form>
            { for groups }
            <section class="flaws" aria-labelledby="list-flaws-heading">
                <h3 id="list-flaws-heading">{ t(lang, Key::ListFlawsHeading) }</h3>
                <ul class="plain">{ for flaws }</ul>
            </section>
            <section class="history" aria-labelledby="history-heading">
                <h3 id="history-heading">{ t(lang, Key::HistoryHeading) }</h3>
                <div class="row">
                    <button type="button" onclick={set_compare(0)}>{ t(lang, Key::CompareTemplate) }</button>
                    <button type="button" disabled={list.version < 2} onclick={set_compare(list.version.saturating_sub(1))}>{ t(lang, Key::ComparePrevious) }</button>
                </div>
                { comparison.unwrap_or_default() }
                <div class="table-wrap" tabindex="0" role="group" aria-label={tf(lang, Key::TableOf, &[&t(lang, Key::HistoryHeading)])}>
                    <table class="records">
                        <thead><tr>
                            <th scope="col">{ t(lang, Key::ColVersion) }</th>
                            <th scope="col">{ t(lang, Key::ColDate) }</th>
                            <th scope="col">{ t(lang, Key::ColChange) }</th>
                        </tr></thead>
                        <tbody>
                            { for list.history.iter().rev().map(|c| html! {
                                <tr><td>{ c.version }</td><td>{ when::format_date(c.on) }</td><td>{ change_words(lang, &list, &c.edit) }</td></tr>
                            }) }
                            <tr><td>{ list.history.first().map_or(list.version, |c| c.version - 1) }</td>
                                <td>{ list.history.first().map(|_| String::new()).unwrap_or_else(|| list.dated.map(when::format_date).unwrap_or_default()) }</td>
                                <td>{ t(lang, Key::ChangeStarted) }</td></tr>
                        </tbody>
                    </table>
                </div>
            </section>
        </section>
    }
}

fn entry_name(lang: Lang, e: &Entry) -> String {
    match e {
        Entry::Matter(m) => m.name.clone(),
        Entry::Slot(s) => match s.number {
            Some(n) => tf(lang, Key::SlotNumbered, &[&n]),
            None => t(lang, Key::SlotRow).to_owned(),
        },
    }
}

fn matter_row(
    lang: Lang,
    m: &Matter,
    editing: &UseStateHandle<Option<String>>,
    change: &Callback<ListEdit, bool>,
    up: Html,
    down: Html,
) -> Html {
    if editing.as_deref() == Some(m.id.as_str()) {
        let (change, id) = (change.clone(), m.id.clone());
        let on_submit = Callback::from(move |(name, hints, remark): (String, Hints, String)| {
            change.emit(ListEdit::EditMatter { matter: id.clone(), name, hints, remark })
        });
        let on_cancel = {
            let (editing, id) = (editing.clone(), m.id.clone());
            Callback::from(move |_| {
                editing.set(None);
                super::focus_later(format!("edit-button-{id}"));
            })
        };
        return html! {
            <tr key={m.id.clone()} class="matter editing">
                <td class="num">{ m.number.map(|n| n.to_string()).unwrap_or_else(|| "—".into()) }</td>
                <td colspan="4">
                    <MatterForm id={format!("edit-{}", m.id)} name_label={t(lang, Key::MatterNameLabel)} title={tf(lang, Key::EditMatterNamed, &[&m.name])} submit={t(lang, Key::SaveMatter)}
                        start={Some((m.name.clone(), m.hints, m.remark.clone()))} {on_submit} on_cancel={Some(on_cancel)} />
                </td>
            </tr>
        };
    }
    let on_edit = {
        let (editing, id) = (editing.clone(), m.id.clone());
        Callback::from(move |_: MouseEvent| {
            editing.set(Some(id.clone()));
            // The form takes the focus, on the name.
            super::focus_later(format!("edit-{id}-name"));
        })
    };
    let on_retire = {
        let (change, id, retired) = (change.clone(), m.id.clone(), m.retired.is_some());
        Callback::from(move |_: MouseEvent| {
            change.emit(if retired {
                ListEdit::RestoreMatter { matter: id.clone() }
            } else {
                ListEdit::RetireMatter { matter: id.clone() }
            });
        })
    };
    let hints: Vec<&str> = [
        (m.hints.cross_village, Key::HintCrossShort),
        (m.hints.technical, Key::HintTechnicalShort),
        (m.hints.wide_reaching, Key::HintWideShort),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, k)| t(lang, k))
    .collect();
    let remark = [hints.join("、"), m.remark.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("；");
    html! {
        <tr key={m.id.clone()} class={classes!("matter", m.retired.is_some().then_some("retired"))}>
            <td class="num">{ m.number.map(|n| n.to_string()).unwrap_or_else(|| "—".into()) }</td>
            <td class="name">{ &m.name }</td>
            <td class="remark">{ remark }</td>
            <td class="state">{ match m.retired {
                Some(d) => tf(lang, Key::RetiredOn, &[&when::format_date(d)]),
                None => t(lang, Key::InUse).to_owned(),
            } }</td>
            <td class="action">
                <button type="button" class="small" id={format!("edit-button-{}", m.id)} onclick={on_edit} aria-label={tf(lang, Key::EditMatterNamed, &[&m.name])}>{ t(lang, Key::EditMatter) }</button>
                <button type="button" class="small" onclick={on_retire}
                    aria-label={tf(lang, if m.retired.is_some() { Key::RestoreMatterNamed } else { Key::RetireMatterNamed }, &[&m.name])}>
                    { t(lang, if m.retired.is_some() { Key::RestoreMatter } else { Key::RetireMatter }) }
                </button>
                { up }{ down }
            </td>
        </tr>
    }
}

/// The filing document of the county's list, to print or download as Word.
#[component]
pub fn ListPrintPage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let list = ctx.repo.catalogue();
    let issuer = {
        let o = ctx.repo.settings.borrow().organisation();
        if o.is_empty() {
            list.county.clone()
        } else {
            o
        }
    };
    let filing = |l: Lang| {
        documents::filing(
            &list,
            &issuer,
            [t(l, Key::HintCrossShort), t(l, Key::HintTechnicalShort), t(l, Key::HintWideShort)],
            l,
        )
    };
    let doc = filing(Lang::Zh);
    let english = (lang == Lang::En).then(|| Rc::new(filing(Lang::En)));
    let top = html! {
        <>
            <p><a href={Route::List.href()}>{ t(lang, Key::BackToList) }</a></p>
            if list.is_template() {
                <p class="message" role="status">{ t(lang, Key::FilingTemplateNote) }</p>
            }
        </>
    };
    html! { <super::print::PrintView doc={Rc::new(doc)} {english} {top} /> }
}
