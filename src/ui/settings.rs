//! Settings: who runs this copy (county, township/street, village/community) and the county's
//! own time limits, which the notice leaves unset.

use super::repo::Ctx;
use crate::domain::settings::Settings;
use crate::i18n::{t, Key};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The settings page.
#[component]
pub fn SettingsPage() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let days_of = |s: &Settings| {
        (
            s.rules.publicity_days.map(|d| d.to_string()).unwrap_or_default(),
            s.rules.implementation_publicity_days.map(|d| d.to_string()).unwrap_or_default(),
            s.rules.supervise_days.map(|d| d.to_string()).unwrap_or_default(),
        )
    };
    // What the form started from: when another tab saves other settings, a form with nothing
    // typed follows them; a form with changes says so and offers to take them.
    let base = use_state(|| ctx.repo.settings.borrow().clone());
    let draft = use_state(|| ctx.repo.settings.borrow().clone());
    let days = use_state(|| days_of(&ctx.repo.settings.borrow()));
    let message = use_state(|| None::<(bool, String)>);
    let stored = ctx.repo.settings.borrow().clone();
    let typed = *draft != *base || *days != days_of(&base);
    let elsewhere = stored != *base;
    let take_stored = {
        let (base, draft, days, stored) = (base.clone(), draft.clone(), days.clone(), stored.clone());
        Callback::from(move |()| {
            days.set(days_of(&stored));
            draft.set(stored.clone());
            base.set(stored.clone());
        })
    };
    {
        let take_stored = take_stored.clone();
        use_effect_with((elsewhere, typed), move |(elsewhere, typed)| {
            if *elsewhere && !*typed {
                take_stored.emit(());
            }
        });
    }

    let text = |id: &'static str, key: Key, value: String, f: fn(&mut Settings, String)| {
        let draft = draft.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut s = (*draft).clone();
            f(&mut s, e.target_unchecked_into::<HtmlInputElement>().value());
            draft.set(s);
        });
        html! {
            <div class="field">
                <label for={id}>{ t(lang, key) }</label>
                <input type="text" id={id} {value} {oninput} />
            </div>
        }
    };
    let number = |id: &'static str, key: Key, value: String, which: usize| {
        let days = days.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let (a, b, c) = (*days).clone();
            days.set(match which {
                0 => (v, b, c),
                1 => (a, v, c),
                _ => (a, b, v),
            });
        });
        html! {
            <div class="field">
                <label for={id}>{ t(lang, key) }</label>
                <input type="text" inputmode="numeric" id={id} {value} {oninput} />
            </div>
        }
    };
    let on_save = {
        let (draft, days, message, repo, refresh) =
            (draft.clone(), days.clone(), message.clone(), ctx.repo.clone(), ctx.refresh.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let parse = |s: &str| -> Result<Option<u32>, ()> {
                let s = s.trim();
                if s.is_empty() {
                    Ok(None)
                } else {
                    s.parse::<u32>().map(Some).map_err(|_| ())
                }
            };
            let (Ok(a), Ok(b), Ok(c)) = (parse(&days.0), parse(&days.1), parse(&days.2)) else {
                message.set(Some((false, t(lang, Key::BadNumber).to_owned())));
                return;
            };
            // 督办 lists what falls due within these days: at least the day itself, at most a year.
            if c.is_some_and(|d| !(1..=365).contains(&d)) {
                message.set(Some((false, t(lang, Key::BadSuperviseDays).to_owned())));
                return;
            }
            let mut s = (*draft).clone();
            s.county = s.county.trim().to_owned();
            s.township = s.township.trim().to_owned();
            s.community = s.community.trim().to_owned();
            s.rules.publicity_days = a;
            s.rules.implementation_publicity_days = b;
            s.rules.supervise_days = c;
            let (message, repo, refresh, base) =
                (message.clone(), repo.clone(), refresh.clone(), base.clone());
            base.set(s.clone());
            yew::platform::spawn_local(async move {
                match repo.save_settings(s).await {
                    Ok(()) => message.set(Some((true, t(lang, Key::SettingsSaved).to_owned()))),
                    Err(m) => message
                        .set(Some((false, format!("{}{}", t(lang, Key::StorageFailed), m.message(lang))))),
                }
                refresh.emit(());
            });
        })
    };
    html! {
        <section class="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{ t(lang, Key::SettingsHeading) }</h2>
            <p class="intro">{ t(lang, Key::SettingsIntro) }</p>
            if elsewhere && typed {
                <div class="message error" role="alert">
                    <p>{ t(lang, Key::SettingsChangedElsewhere) }</p>
                    <button type="button" onclick={take_stored.reform(|_: MouseEvent| ())}>{ t(lang, Key::SettingsTakeOther) }</button>
                </div>
            }
            <form class="card" onsubmit={on_save} novalidate=true>
                { text("set-county", Key::County, draft.county.clone(), |s, v| s.county = v) }
                { text("set-township", Key::Township, draft.township.clone(), |s, v| s.township = v) }
                { text("set-community", Key::SettingsCommunity, draft.community.clone(), |s, v| s.community = v) }
                <fieldset>
                    <legend>{ t(lang, Key::CountyRules) }</legend>
                    { number("set-publicity-days", Key::PublicityDays, days.0.clone(), 0) }
                    { number("set-implementation-days", Key::ImplementationDays, days.1.clone(), 1) }
                    { number("set-supervise-days", Key::SuperviseDays, days.2.clone(), 2) }
                </fieldset>
                <button type="submit" class="primary">{ t(lang, Key::SaveSettings) }</button>
                if let Some((ok, m)) = (*message).clone() {
                    <p class={classes!("message", (!ok).then_some("error"))} role={if ok { "status" } else { "alert" }}>{ m }</p>
                }
            </form>
        </section>
    }
}
