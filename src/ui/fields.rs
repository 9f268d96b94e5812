//! Widgets for the procedure's field kinds, chosen by kind: text, long text, date, date-time,
//! choice, multi-choice, yes/no, and the parties editor. Each takes the value the engine holds
//! and reports the new value; none of them validates.

use crate::domain::procedure::{Choice, Field, FieldKind, Procedure};
use crate::domain::record::{Edit, Party, Value};
use crate::domain::when;
use crate::i18n::{data, option, option_group, t, tf, Data, Key, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A list's options with their labels (and group headings) in the language.
pub fn options_in(lang: Lang, procedure: &Procedure, list: &str) -> Vec<Choice> {
    let mut options = procedure.lists.get(list).cloned().unwrap_or_default();
    if lang != Lang::Zh {
        for o in &mut options {
            o.label = option(lang, list, &o.id, &o.label).to_owned();
            o.group = o.group.as_deref().map(|g| option_group(lang, g).to_owned());
        }
    }
    options
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn text_or_none(s: String) -> Option<Value> {
    (!s.trim().is_empty()).then_some(Value::Text(s))
}

/// The widget for one field.
pub fn field_widget(
    lang: Lang,
    procedure: &Procedure,
    field: &Field,
    value: Option<Value>,
    disabled: bool,
    required: bool,
    suggestion: Option<String>,
    on_change: Callback<Option<Value>>,
) -> Html {
    let id = format!("f-{}", field.id);
    // The mark stays outside the label, so that the label's text is exactly the field's name.
    let mark = required.then(|| html! { <span class="req-mark" aria-hidden="true">{ "*" }</span> });
    let field_label = data(lang, Data::Field, &field.id, &field.label);
    let label = html! { <div class="label-row"><label for={id.clone()}>{ field_label }</label>{ mark.clone() }</div> };
    match &field.kind {
        FieldKind::Text => {
            let v = match value {
                Some(Value::Text(s)) => s,
                _ => String::new(),
            };
            let oninput = on_change
                .reform(|e: InputEvent| text_or_none(e.target_unchecked_into::<HtmlInputElement>().value()));
            // What the engine makes of the record when nothing is typed (the lead body's name),
            // shown in the box and said under it.
            let note_id = format!("{id}-note");
            let described = suggestion.is_some().then(|| note_id.clone());
            html! {
                <div class="field">{ label }
                    <input type="text" id={id} value={v} {disabled} aria-required={required.to_string()} placeholder={suggestion.clone()} aria-describedby={described} {oninput} />
                    if let Some(s) = suggestion {
                        <p class="field-note" id={note_id}>{ tf(lang, Key::SuggestedValue, &[&s]) }</p>
                    }
                </div>
            }
        }
        FieldKind::Longtext => {
            let v = match value {
                Some(Value::Text(s)) => s,
                _ => String::new(),
            };
            let oninput = on_change.reform(|e: InputEvent| {
                text_or_none(e.target_unchecked_into::<HtmlTextAreaElement>().value())
            });
            html! {
                <div class="field wide">{ label }
                    <textarea id={id} rows="3" value={v} {disabled} aria-required={required.to_string()} {oninput} />
                </div>
            }
        }
        FieldKind::Date => {
            let v = value.and_then(|v| v.date()).map(when::format_date).unwrap_or_default();
            let onchange = on_change.reform(|e: Event| when::parse_date(&input_value(&e)).map(Value::Date));
            html! {
                <div class="field">{ label }
                    <input type="date" id={id} value={v} {disabled} aria-required={required.to_string()} {onchange} />
                </div>
            }
        }
        FieldKind::Datetime => {
            let v = match value {
                Some(Value::Datetime(dt)) => when::format_datetime(dt),
                _ => String::new(),
            };
            let onchange =
                on_change.reform(|e: Event| when::parse_datetime(&input_value(&e)).map(Value::Datetime));
            html! {
                <div class="field">{ label }
                    <input type="datetime-local" id={id} value={v} {disabled} aria-required={required.to_string()} {onchange} />
                </div>
            }
        }
        FieldKind::Choice { list } => {
            let current = match value {
                Some(Value::Choice(c)) => c,
                _ => String::new(),
            };
            let options = options_in(lang, procedure, list);
            let onchange = on_change.reform(|e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                (!v.is_empty()).then_some(Value::Choice(v))
            });
            html! {
                <div class="field">{ label }
                    <select id={id} {disabled} aria-required={required.to_string()} {onchange}>
                        <option value="" selected={current.is_empty()}>{ t(lang, Key::ChooseOne) }</option>
                        { grouped_options(&options, &current) }
                    </select>
                </div>
            }
        }
        FieldKind::Multichoice { list } => {
            let chosen = match value {
                Some(Value::Multichoice(v)) => v,
                _ => Vec::new(),
            };
            let options = options_in(lang, procedure, list);
            let boxes = options.iter().map(|o| {
                let checked = chosen.contains(&o.id);
                let box_id = format!("{id}-{}", o.id);
                let onchange = {
                    let chosen = chosen.clone();
                    let option = o.id.clone();
                    let order: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
                    on_change.reform(move |e: Event| {
                        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                        let mut next: Vec<String> =
                            chosen.iter().filter(|c| **c != option).cloned().collect();
                        if on {
                            next.push(option.clone());
                        }
                        next.sort_by_key(|c| order.iter().position(|o| o == c));
                        (!next.is_empty()).then_some(Value::Multichoice(next))
                    })
                };
                html! {
                    <label class="check" for={box_id.clone()}>
                        <input type="checkbox" id={box_id} {checked} {disabled} {onchange} />{ &o.label }
                    </label>
                }
            });
            let req_id = format!("{id}-req");
            html! {
                <fieldset class="field wide choices" aria-describedby={required.then(|| req_id.clone())}>
                    <legend>{ field_label }</legend>{ mark }
                    if required { <span id={req_id} class="visually-hidden">{ t(lang, Key::RequiredField) }</span> }
                    { for boxes }
                </fieldset>
            }
        }
        FieldKind::Yesno => {
            let current = match value {
                Some(Value::Yesno(b)) => Some(b),
                _ => None,
            };
            let radio = |answer: bool, key: Key| {
                let radio_id = format!("{id}-{}", if answer { "yes" } else { "no" });
                let onchange = on_change.reform(move |_: Event| Some(Value::Yesno(answer)));
                html! {
                    <label class="check" for={radio_id.clone()}>
                        <input type="radio" id={radio_id} name={id.clone()} checked={current == Some(answer)} {disabled} {onchange} />
                        { t(lang, key) }
                    </label>
                }
            };
            let req_id = format!("{id}-req");
            html! {
                <fieldset class="field choices" aria-describedby={required.then(|| req_id.clone())}>
                    <legend>{ field_label }</legend>{ mark }
                    if required { <span id={req_id} class="visually-hidden">{ t(lang, Key::RequiredField) }</span> }
                    { radio(true, Key::Yes) }{ radio(false, Key::No) }
                </fieldset>
            }
        }
        FieldKind::Parties { .. } | FieldKind::Progress => Html::default(),
    }
}

fn grouped_options(options: &[Choice], current: &str) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut i = 0;
    while i < options.len() {
        match &options[i].group {
            None => {
                let o = &options[i];
                out.push(
                    html! { <option value={o.id.clone()} selected={o.id == current}>{ &o.label }</option> },
                );
                i += 1;
            }
            Some(group) => {
                let members: Vec<&Choice> =
                    options[i..].iter().take_while(|o| o.group.as_ref() == Some(group)).collect();
                i += members.len();
                out.push(html! {
                    <optgroup label={group.clone()}>
                        { for members.iter().map(|o| html! {
                            <option value={o.id.clone()} selected={o.id == current}>{ &o.label }</option>
                        }) }
                    </optgroup>
                });
            }
        }
    }
    out.into_iter().collect()
}

/// The parties editor: one card per party. With `attendance`, also attendance, written opinion
/// and the reason an absent stakeholder gave none (stage 3).
pub fn parties_editor(
    lang: Lang,
    procedure: &Procedure,
    field: &Field,
    parties: &[Party],
    attendance: bool,
    disabled: bool,
    on_edit: Callback<Edit>,
) -> Html {
    let roles = options_in(lang, procedure, "roles");
    // A completed stage 1 shows the parties it settled; those who joined later are shown (and
    // marked) where attendance is recorded.
    let shown = |party: &Party| attendance || !disabled || party.joined.is_none();
    let cards = parties.iter().enumerate().filter(|(_, p)| shown(p)).map(|(index, party)| {
        let pid = format!("{}-{index}", field.id);
        let update = |f: fn(&mut Party, String)| {
            let party = party.clone();
            on_edit.reform(move |value: String| {
                let mut p = party.clone();
                f(&mut p, value);
                Edit::UpdateParty { index, party: p }
            })
        };
        let text = |suffix: &str, key: Key, value: &str, f: fn(&mut Party, String)| {
            let id = format!("{pid}-{suffix}");
            let cb = update(f);
            let oninput = Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
            html! {
                <div class="field">
                    <label for={id.clone()}>{ t(lang, key) }</label>
                    <input type="text" id={id} value={value.to_owned()} {disabled} {oninput} />
                </div>
            }
        };
        let area = |suffix: &str, key: Key, value: &str, f: fn(&mut Party, String)| {
            let id = format!("{pid}-{suffix}");
            let cb = update(f);
            let oninput = Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value()));
            html! {
                <div class="field wide">
                    <label for={id.clone()}>{ t(lang, key) }</label>
                    <textarea id={id} rows="2" value={value.to_owned()} {disabled} {oninput} />
                </div>
            }
        };
        let role_id = format!("{pid}-role");
        let on_role = {
            let cb = update(|p, v| p.role = v);
            Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
        };
        let stake_id = format!("{pid}-stake");
        let on_stake = {
            let cb = update(|p, v| p.stakeholder = v == "true");
            Callback::from(move |e: Event| {
                cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked().to_string())
            })
        };
        let attend_id = format!("{pid}-attended");
        let on_attend = {
            let cb = update(|p, v| {
                p.attended = match v.as_str() {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                }
            });
            Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
        };
        let attended = match party.attended {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        let on_remove = {
            let (on_edit, add_id) = (on_edit.clone(), format!("{}-add", field.id));
            Callback::from(move |_: MouseEvent| {
                on_edit.emit(Edit::RemoveParty { index });
                // The next card takes this one's place: do not leave the focus on its button.
                super::focus_later(add_id.clone());
            })
        };
        let joined = crate::domain::documents::joined_note(lang, &procedure, &party);
        let legend = if party.name.trim().is_empty() {
            format!("{}{joined}", tf(lang, Key::PartyN, &[&(index + 1)]))
        } else {
            let colon = if lang == Lang::Zh { "：" } else { ": " };
            format!("{}{colon}{}{joined}", tf(lang, Key::PartyN, &[&(index + 1)]), party.name)
        };
        html! {
            <fieldset class="party" key={index}>
                <legend>{ legend }</legend>
                { text("name", Key::PartyName, &party.name, |p, v| p.name = v) }
                <div class="field">
                    <label for={role_id.clone()}>{ t(lang, Key::PartyRole) }</label>
                    <select id={role_id} {disabled} onchange={on_role}>
                        { for roles.iter().map(|r| html! {
                            <option value={r.id.clone()} selected={r.id == party.role}>{ &r.label }</option>
                        }) }
                    </select>
                </div>
                { text("org", Key::PartyOrg, &party.organisation, |p, v| p.organisation = v) }
                <label class="check" for={stake_id.clone()}>
                    <input type="checkbox" id={stake_id} checked={party.stakeholder} {disabled} onchange={on_stake} />
                    { t(lang, Key::PartyStakeholder) }
                </label>
                if attendance {
                    <div class="field">
                        <label for={attend_id.clone()}>{ t(lang, Key::PartyAttended) }</label>
                        <select id={attend_id} {disabled} onchange={on_attend}>
                            <option value="" selected={attended.is_empty()}>{ t(lang, Key::AttendUnknown) }</option>
                            <option value="yes" selected={attended == "yes"}>{ t(lang, Key::AttendYes) }</option>
                            <option value="no" selected={attended == "no"}>{ t(lang, Key::AttendNo) }</option>
                        </select>
                    </div>
                    if party.attended == Some(false) {
                        { area("opinion", Key::PartyOpinion, &party.written_opinion, |p, v| p.written_opinion = v) }
                        { area("reason", Key::PartyNoOpinion, &party.no_opinion_reason, |p, v| p.no_opinion_reason = v) }
                    }
                }
                if !disabled && !attendance {
                    <button type="button" class="link danger" onclick={on_remove}>{ t(lang, Key::RemoveParty) }</button>
                }
            </fieldset>
        }
    });
    // The new party's name takes the focus (it is drawn once the engine has accepted the edit).
    let first_of_new = format!("{}-{}-name", field.id, parties.len());
    let on_add = on_edit.reform(move |_: MouseEvent| {
        super::focus_later(first_of_new.clone());
        Edit::AddParty(Party { role: "resident".into(), ..Party::default() })
    });
    html! {
        <div class="parties">
            <p class="parties-label">{ data(lang, Data::Field, &field.id, &field.label) }</p>
            if parties.is_empty() {
                <p class="muted">{ t(lang, Key::NoParties) }</p>
            }
            { for cards }
            if !disabled {
                <button type="button" id={format!("{}-add", field.id)} onclick={on_add}>{ t(lang, Key::AddParty) }</button>
            }
        </div>
    }
}
