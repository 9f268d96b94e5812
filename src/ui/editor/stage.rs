//! A stage's checklist, drawn from the procedure data: every item with its clause quoted, its
//! state (未完成 / 已完成 / 不适用 with a reason) and its fields (widget by field kind); the live
//! report under it, and the gate panel.

use super::gate::{gate_panel, Refusal};
use super::stepper::stage_number;
use crate::domain::procedure::{FieldKind, Requirement, Severity, Stage};
use crate::domain::record::{Edit, ItemState, Record};
use crate::domain::validate::Report;
use crate::i18n::{clause_id, data, t, tf, tn, Data, Key, Lang};
use crate::ui::fields::{field_widget, parties_editor};
use crate::ui::repo::Ctx;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The checklist of `stage`, with the refusal of the last refused edit where it was made.
#[allow(clippy::too_many_arguments)]
pub fn stage_view(
    lang: Lang,
    ctx: &Ctx,
    stage: &Stage,
    r: &Record,
    report: &Report,
    county: &crate::domain::CountyRules,
    on_edit: Callback<Edit>,
    heading: NodeRef,
    refusal: Option<&Refusal>,
) -> Html {
    let procedure = &ctx.repo.procedure();
    let number = stage_number(&procedure.stages, &stage.id);
    let completed = r.is_completed(&stage.id);
    let items = stage.items.iter().map(|item| {
        let state = r.item_state(&item.id);
        let (req_class, req_word) = match &item.requirement {
            Requirement::Required => ("required", t(lang, Key::Required)),
            Requirement::Optional => ("optional", t(lang, Key::Optional)),
            Requirement::When { when } if r.holds(procedure, when) => ("required", t(lang, Key::Conditional)),
            Requirement::When { .. } => ("optional", t(lang, Key::ConditionalOff)),
        };
        let name = format!("state-{}", item.id);
        let radio = |value: ItemState, key: Key, suffix: &str| {
            let id = format!("{name}-{suffix}");
            let checked = std::mem::discriminant(&state) == std::mem::discriminant(&value);
            let item_id = item.id.clone();
            let keep_reason = match &state {
                ItemState::NotApplicable { reason } => reason.clone(),
                _ => String::new(),
            };
            let onchange = on_edit.reform(move |_: Event| {
                let state = match &value {
                    ItemState::NotApplicable { .. } => ItemState::NotApplicable { reason: keep_reason.clone() },
                    other => other.clone(),
                };
                Edit::SetItem { item: item_id.clone(), state }
            });
            html! {
                <label class="check" for={id.clone()}>
                    <input type="radio" id={id} name={name.clone()} {checked} disabled={completed} {onchange} />
                    { t(lang, key) }
                </label>
            }
        };
        let reason = match &state {
            ItemState::NotApplicable { reason } => {
                let id = format!("{name}-reason");
                let item_id = item.id.clone();
                let oninput = on_edit.reform(move |e: InputEvent| Edit::SetItem {
                    item: item_id.clone(),
                    state: ItemState::NotApplicable {
                        reason: e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                    },
                });
                html! {
                    <div class="field wide">
                        <label for={id.clone()}>{ t(lang, Key::NaReason) }</label>
                        <textarea id={id} rows="2" value={reason.clone()} disabled={completed} {oninput} />
                    </div>
                }
            }
            _ => Html::default(),
        };
        let fields = if matches!(state, ItemState::NotApplicable { .. }) {
            Html::default()
        } else {
            item.fields
                .iter()
                .map(|field| {
                    // The engine says what is required and what can no longer change (a field a
                    // completed stage shares with one still open stays editable).
                    let required = r.requires(procedure, &field.requirement);
                    let locked = r.field_locked(procedure, &field.id);
                    match &field.kind {
                        FieldKind::Parties { attendance } => parties_editor(
                            lang, procedure, field, &r.parties, *attendance, locked, on_edit.clone(),
                        ),
                        FieldKind::Progress => crate::ui::progress::progress_editor(
                            lang, procedure, field, r.progress_by_date(), locked, crate::ui::today(), on_edit.clone(),
                        ),
                        _ => {
                            let field_id = field.id.clone();
                            let on_change = on_edit.reform(move |value| Edit::SetValue { field: field_id.clone(), value });
                            // What the latest progress report says is shown, not typed over.
                            let reported = r.filled_by_reports(&field.id);
                            let widget = field_widget(lang, procedure, field, r.value(procedure, &field.id), locked || reported, required, r.suggestion(&field.id), on_change);
                            if reported {
                                html! { <>{ widget }<p class="muted field-note">{ tf(lang, Key::FilledByReport, &[&r.progress.len()]) }</p></> }
                            } else {
                                widget
                            }
                        }
                    }
                })
                .collect::<Html>()
        };
        let problems = report.for_stage(&stage.id).any(|p| match &p.target {
            crate::domain::Target::Item { item: i } | crate::domain::Target::Field { item: i, .. } => *i == item.id,
            _ => false,
        });
        html! {
            <fieldset class={classes!("item", req_class, problems.then_some("has-problem"))} id={format!("item-{}", item.id)} key={item.id.clone()}>
                <legend>
                    <span class="item-label">{ data(lang, Data::Item, &item.id, &item.label) }</span>
                    <span class={classes!("req", req_class)}>{ req_word }</span>
                </legend>
                <p class="cite">{ t(lang, Key::Clause) }{ " " }{ clause_id(lang, &item.clause) }{ if lang == Lang::Zh { "：“" } else { ": “" } }<span lang="zh-CN">{ &item.quote }</span>{ "”" }</p>
                if let Some(clause) = procedure.clauses.iter().find(|c| c.id == item.clause) {
                    <details class="clause-text">
                        <summary>{ t(lang, Key::NoticeText) }{ " " }{ clause_id(lang, &clause.id) }{ " " }{ data(lang, Data::Clause, &clause.id, &clause.title) }</summary>
                        <blockquote lang="zh-CN">{ &clause.text }</blockquote>
                    </details>
                }
                <fieldset class="state">
                    <legend>{ t(lang, Key::ItemState) }</legend>
                    { radio(ItemState::Open, Key::ItemOpen, "open") }
                    { radio(ItemState::Done, Key::ItemDone, "done") }
                    { radio(ItemState::NotApplicable { reason: String::new() }, Key::ItemNa, "na") }
                </fieldset>
                { reason }
                { fields }
                if item.fields.iter().any(|f| f.id == procedure.key_fields.source_summary) && !matches!(state, ItemState::NotApplicable { .. }) {
                    <crate::ui::opinions::OpinionLinker record={r.id.clone()} linked={r.opinions.clone()} disabled={completed} on_edit={on_edit.clone()} />
                }
                if let Some(refused) = refusal.filter(|x| x.item.as_deref() == Some(item.id.as_str())) {
                    { refused.view() }
                }
            </fieldset>
        }
    });

    let errors: Vec<_> = report.errors_of(&stage.id).collect();
    let warnings: Vec<_> = report.for_stage(&stage.id).filter(|p| p.severity == Severity::Warning).collect();
    let problem_li = |p: &&crate::domain::Problem| {
        html! { <li>{ crate::i18n::problem_message(lang, p) }<span class="cite">{ if lang == Lang::Zh { "（" } else { " (" } }{ t(lang, Key::Clause) }{ " " }{ clause_id(lang, &p.clause) }{ if lang == Lang::Zh { "）" } else { ")" } }</span></li> }
    };
    let report_html = html! {
        <section class="report" aria-labelledby="report-title">
            <h3 id="report-title">{ t(lang, Key::ReportHeading) }</h3>
            if errors.is_empty() {
                <p class="ok">{ t(lang, Key::ReportClean) }</p>
            } else {
                <p role="status">{ tn(lang, [Key::ReportErrorsOne, Key::ReportErrors], errors.len() as u64, &[&errors.len()]) }</p>
                <ul class="errors">{ for errors.iter().map(problem_li) }</ul>
            }
            if !warnings.is_empty() {
                <p>{ t(lang, Key::ReportWarnings) }</p>
                <ul class="warnings">{ for warnings.iter().map(problem_li) }</ul>
            }
        </section>
    };

    let refused_here = refusal.filter(|x| x.item.is_none()).map(Refusal::view);
    let gate = gate_panel(lang, procedure, county, r, stage, &on_edit, refused_here);

    html! {
        <section class="stage" aria-labelledby="stage-title">
            <h2 id="stage-title" tabindex="-1" ref={heading}>
                { tf(lang, Key::StageNumber, &[&number]) }{ "　" }{ data(lang, Data::Stage, &stage.id, &stage.title) }
            </h2>
            <p class="cite">{ t(lang, Key::Clause) }{ " " }{ clause_id(lang, &stage.clause) }</p>
            { for items }
            { report_html }
            { gate }
        </section>
    }
}
