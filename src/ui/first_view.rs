//! The first view: on a first visit, index.html shows a copy of the catalogue page, drawn by this
//! very build when it was made (`scripts/prerender.mjs`), while the app's module is on its way;
//! `scripts/first-view.js` shows it (when the app has not started 2.5 s after navigation) and
//! keeps what the user does in it (a button pressed is noted, not acted on; typed text stays in
//! its box). When the app has its data it draws its own page and takes the copy down in the same
//! turn, so the two are never on the page together; then it does here what the user did there:
//! the text typed, the focus, the scroll position and the button pressed (发起协商 on a matter, a
//! form sent, the language switch), found by its words, its table row and its place among the
//! buttons with the same words and row.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::globals::{FIRST_VIEW as ID, FIRST_VIEW_PRESSED};

/// A control of the page, found again in the app's own page.
#[derive(Debug, Clone, PartialEq)]
enum Control {
    /// By its id (a text box).
    Id(String),
    /// The `nth` button (from 0) among those with these words; in a table row, among those in
    /// rows with the same text (发起协商 on one matter, wherever a search has put it).
    Button { words: String, row: Option<String>, nth: usize },
}

/// What the user did in the copy, to be done again in the app's page.
#[derive(Debug, Default)]
struct Done {
    typed: Vec<(String, String)>,
    focus: Option<Control>,
    pressed: Option<Control>,
    scroll: f64,
}

thread_local! {
    static DONE: RefCell<Option<Done>> = const { RefCell::new(None) };
    /// The copy was looked for (once: it is never shown after the app has drawn its page).
    static TAKEN_DOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn copy() -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id(ID)
}

/// Whether the copy is on screen: the app then draws nothing of its own until it can draw the
/// page in full (a loading line beside the copy would show the page twice).
pub fn showing() -> bool {
    copy().is_some_and(|c| is_shown(&c))
}

/// Shown: made from the inert `<template>` into a `<div>` by scripts/first-view.js.
fn is_shown(copy: &Element) -> bool {
    !copy.tag_name().eq_ignore_ascii_case("template")
}

fn words(e: &Element) -> String {
    e.text_content().unwrap_or_default().trim().to_owned()
}

fn buttons(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all("button") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// The text of the table row `e` is in, if any.
fn row(e: &Element) -> Option<String> {
    e.closest("tr").ok().flatten().map(|r| words(&r))
}

/// The button of `root` with these words (in a row with this text), the `nth` of them.
fn button(root: &Element, words_: &str, row_: Option<&str>, nth: usize) -> Option<Element> {
    buttons(root).into_iter().filter(|b| words(b) == words_ && row(b).as_deref() == row_).nth(nth)
}

/// How to find `e`, a control of `root`, in another copy of the page.
fn control_of(root: &Element, e: &Element) -> Option<Control> {
    if e.tag_name().eq_ignore_ascii_case("button") {
        let (w, r) = (words(e), row(e));
        let nth =
            buttons(root).iter().take_while(|b| *b != e).filter(|b| words(b) == w && row(b) == r).count();
        return Some(Control::Button { words: w, row: r, nth });
    }
    let id = e.id();
    (!id.is_empty()).then_some(Control::Id(id))
}

fn find(root: &Element, c: &Control) -> Option<Element> {
    match c {
        Control::Id(id) => root.query_selector_all("[id]").ok().and_then(|l| {
            (0..l.length()).filter_map(|i| l.item(i)?.dyn_into::<Element>().ok()).find(|e| &e.id() == id)
        }),
        Control::Button { words, row, nth } => button(root, words, row.as_deref(), *nth),
    }
}

/// Takes the copy off the page (shown or not), keeping what the user did in it. Called as the app
/// draws its page in full: Yew puts that page in before the browser paints or runs anything else.
pub fn take_down() {
    if TAKEN_DOWN.with(|t| t.replace(true)) {
        return;
    }
    let Some(copy) = copy() else { return };
    let shown = is_shown(&copy);
    let window = web_sys::window().expect("window");
    if shown {
        let mut done = Done { scroll: window.scroll_y().unwrap_or(0.0), ..Done::default() };
        if let Ok(boxes) = copy.query_selector_all("input[id], textarea[id]") {
            for i in 0..boxes.length() {
                let Some(b) = boxes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
                let value = match b.dyn_ref::<HtmlInputElement>() {
                    Some(input) if matches!(input.type_().as_str(), "text" | "search" | "") => input.value(),
                    Some(_) => continue,
                    None => {
                        b.dyn_ref::<web_sys::HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default()
                    }
                };
                if !value.is_empty() {
                    done.typed.push((b.id(), value));
                }
            }
        }
        let active = window.document().and_then(|d| d.active_element());
        done.focus = active.filter(|a| copy.contains(Some(a))).and_then(|a| control_of(&copy, &a));
        let [pressed, pressed_row, pressed_nth] = FIRST_VIEW_PRESSED;
        done.pressed = copy.get_attribute(pressed).map(|words| Control::Button {
            words,
            row: copy.get_attribute(pressed_row),
            nth: copy.get_attribute(pressed_nth).and_then(|n| n.parse().ok()).unwrap_or(0),
        });
        DONE.with(|d| *d.borrow_mut() = Some(done));
    }
    copy.remove();
}

/// Does in the app's page (#app) what the user did in the copy: called once the page is drawn.
pub fn hand_over() {
    let Some(done) = DONE.with(|d| d.borrow_mut().take()) else { return };
    let window = web_sys::window().expect("window");
    let Some(root) = window.document().and_then(|d| d.get_element_by_id("app")) else { return };
    let root = &root;
    window.scroll_to_with_x_and_y(0.0, done.scroll);
    let press = |c: &Control| {
        if let Some(b) = find(root, c).and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
            b.click();
        }
    };
    // A button in a row (发起协商 on a matter) acts on its row, not on what was typed: pressed
    // first, on the list as the user saw it (the copy does not search).
    let pressed = match done.pressed {
        Some(c @ Control::Button { row: Some(_), .. }) => {
            press(&c);
            None
        }
        other => other,
    };
    for (id, value) in &done.typed {
        let Some(input) = find(root, &Control::Id(id.clone())) else { continue };
        if let Some(i) = input.dyn_ref::<HtmlInputElement>() {
            i.set_value(value);
        } else if let Some(t) = input.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            t.set_value(value);
        }
        // The page's own handler takes the text in, as if typed.
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(e) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = input.dispatch_event(&e);
        }
    }
    if let Some(e) =
        done.focus.as_ref().and_then(|c| find(root, c)).and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = e.focus();
    }
    // Any other (a form's button) after the page has taken in the typed text (its next turn).
    if let Some(pressed) = pressed {
        let root = root.clone();
        yew::platform::spawn_local(async move {
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
            if let Some(b) = find(&root, &pressed).and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                b.click();
            }
        });
    }
}
