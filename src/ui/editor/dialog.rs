//! The question the editor asks when another tab changed the record: keep this page's edits or
//! take the other version (a conflict), or restore a record deleted elsewhere. The session
//! decides when it is asked and what each answer does; this only draws it.

use crate::domain::session::{Event, Status};
use crate::i18n::{t, tf, Key, Lang};
use crate::ui::route::Route;
use crate::ui::storage::StoreError;
use yew::prelude::*;

/// The element id of the question (the session gives it the focus).
pub const QUESTION: &str = "save-question";

/// The question for `status`, if it asks one; `dirty` when this page holds edits not stored.
pub fn question(
    lang: Lang,
    status: &Status<StoreError>,
    dirty: bool,
    send: &Callback<Event<StoreError>>,
) -> Html {
    let answer = |event: fn() -> Event<StoreError>| send.reform(move |_: MouseEvent| event());
    let (title, body, actions) = match status {
        Status::Conflict(theirs) => (
            t(lang, Key::ConflictTitle),
            tf(lang, Key::ConflictBody, &[&theirs.revision]),
            html! { <>
                <button type="button" onclick={answer(|| Event::KeepMine)}>{ t(lang, Key::ConflictKeepMine) }</button>
                <button type="button" onclick={answer(|| Event::TakeTheirs)}>{ t(lang, Key::ConflictTakeTheirs) }</button>
            </> },
        ),
        Status::Deleted => {
            // Whether this page had edits of its own decides what there is to restore.
            let body = if dirty { Key::DeletedElsewhereUnsaved } else { Key::DeletedElsewhereShown };
            (
                t(lang, Key::DeletedElsewhere),
                t(lang, body).to_owned(),
                html! { <>
                    <button type="button" onclick={answer(|| Event::Restore)}>{ t(lang, Key::RestoreHere) }</button>
                    <a href={Route::Records.href()}>{ t(lang, Key::BackToLedger) }</a>
                </> },
            )
        }
        _ => return Html::default(),
    };
    html! {
        <div class="conflict" id={QUESTION} role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-body" tabindex="-1">
            <h3 id="conflict-title">{ title }</h3>
            <p id="conflict-body">{ body }</p>
            <div class="actions">{ actions }</div>
        </div>
    }
}
