//! The print view: one document of a record laid out after GB/T 9704-2012 (A4, 37 mm top and
//! 28 mm binding margins, 156 × 225 mm text block, 小标宋 title, 仿宋 body, “— N —” page
//! numbers), with the issuing organisation, the date, room for the seal, and the record's digest
//! on every page. It renders the print model of `domain::documents`; the browser prints it.

use super::repo::Ctx;
use super::route::Route;
use crate::domain::documents::{column_shares, document, Block, DocKind, Document};
use crate::domain::record::Record;

use crate::i18n::{t, Key, Lang};
use yew::prelude::*;

/// Props of [`PrintPage`].
#[derive(Properties, PartialEq)]
pub struct PrintProps {
    /// Record id.
    pub id: String,
    /// Document id.
    pub doc: String,
}

/// The print view of one document.
#[component]
pub fn PrintPage(props: &PrintProps) -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.lang;
    let record = use_state_eq(|| None::<Result<Option<Record>, String>>);
    {
        let (record, repo, id) = (record.clone(), ctx.repo.clone(), props.id.clone());
        // Read again whenever the data is read again (a save made as the editor was left) or
        // changes (another tab saved or deleted the record): the view is always of what is stored.
        use_effect_with((props.id.clone(), ctx.generation, ctx.tick), move |_| {
            yew::platform::spawn_local(async move {
                let loaded = repo.record(&id).await.map(|r| r.map(|(r, _)| r)).map_err(|e| e.message(lang));
                record.set(Some(loaded));
            });
        });
    }
    let Some(kind) = DocKind::from_id(&props.doc) else {
        return html! { <p role="alert">{ t(lang, Key::PageNotFound) }</p> };
    };
    let r = match (*record).clone() {
        None => return html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Some(Err(m)) => return html! { <p role="alert">{ m }</p> },
        Some(Ok(None)) => return html! { <p role="alert">{ t(lang, Key::NotFoundRecord) }</p> },
        Some(Ok(Some(r))) => r,
    };
    // From the record alone: 设置 never changes a record's paper.
    let doc = document(kind, &r, &ctx.repo.procedure(), Lang::Zh, &super::BrowserZone);
    let english = (lang == Lang::En)
        .then(|| std::rc::Rc::new(document(kind, &r, &ctx.repo.procedure(), Lang::En, &super::BrowserZone)));
    let top = html! {
        <>
            <p><a href={Route::Record { id: r.id.clone(), stage: None }.href()}>{ t(lang, Key::BackToRecord) }</a></p>
            <nav aria-label={t(lang, Key::DocumentsNav)}>
                <ul class="doc-tabs">
                    { for DocKind::of_record(&r).iter().map(|k| {
                        let href = Route::Print { id: r.id.clone(), doc: k.id().to_owned() }.href();
                        html! { <li><a href={href} aria-current={(*k == kind).then_some("page")}>{ crate::domain::documents::doc_title(lang, *k) }</a></li> }
                    }) }
                </ul>
            </nav>
        </>
    };
    html! { <PrintView doc={std::rc::Rc::new(doc)} {english} {top} /> }
}

/// Props of [`PrintView`].
#[derive(Properties, PartialEq)]
pub struct PrintViewProps {
    /// The document (in Chinese, as printed by default).
    pub doc: std::rc::Rc<Document>,
    /// The same document with English labels, offered when the interface is in English.
    #[prop_or_default]
    pub english: Option<std::rc::Rc<Document>>,
    /// What the toolbar shows before its buttons (a way back, the other documents).
    pub top: Html,
}

/// A document ready to print: its page rules, a toolbar (打印, 下载Word文件) that does not print,
/// and the document itself.
#[component]
pub fn PrintView(props: &PrintViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // In training mode every document is marked so, on screen, on paper and in Word.
    let training = use_context::<Ctx>().is_some_and(|c| c.training);
    // Official documents print in Chinese; with the interface in English, English labels can be
    // chosen for the copy at hand.
    let in_english = use_state(|| false);
    let chosen = match (&props.english, *in_english && lang == Lang::En) {
        (Some(english), true) => english.clone(),
        _ => props.doc.clone(),
    };
    let doc = if training && !chosen.training {
        std::rc::Rc::new(Document { training: true, ..(*chosen).clone() })
    } else {
        chosen
    };
    let on_english = {
        let in_english = in_english.clone();
        Callback::from(move |e: Event| {
            in_english.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
        })
    };
    let word_failed = use_state(|| false);
    let on_word = {
        let (doc, word_failed) = (doc.clone(), word_failed.clone());
        Callback::from(move |_: MouseEvent| {
            let (doc, word_failed) = (doc.clone(), word_failed.clone());
            yew::platform::spawn_local(async move {
                match word_file(&doc).await {
                    Some(bytes) => {
                        word_failed.set(false);
                        super::download_bytes(
                            &format!("{}-{}.docx", doc.title, doc.record_id),
                            &bytes,
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        );
                    }
                    None => word_failed.set(true),
                }
            });
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <>
            <style>{ page_rules(&doc) }</style>
            <div class="print-toolbar">
                { props.top.clone() }
                <button type="button" class="primary" onclick={on_print}>{ t(lang, Key::PrintButton) }</button>
                <button type="button" onclick={on_word}>{ t(lang, Key::DownloadWord) }</button>
                if lang == Lang::En && props.english.is_some() {
                    <label class="check" for="doc-english">
                        <input type="checkbox" id="doc-english" checked={*in_english} onchange={on_english} />
                        { t(lang, Key::DocumentInEnglish) }
                    </label>
                }
                if *word_failed {
                    <p class="message error" role="alert">{ t(lang, Key::WordFailed) }</p>
                }
                <p class="muted">{ t(lang, Key::PrintHint) }</p>
            </div>
            { render(&doc) }
        </>
    }
}

/// Makes the Word file in the worker (`docx-worker`, loaded on first use); `None` if the worker
/// cannot be started or fails.
async fn word_file(doc: &Document) -> Option<Vec<u8>> {
    use wasm_bindgen::JsCast;
    let json = serde_json::to_string(doc).ok()?;
    // The single-file build starts the worker from a blob: URL it leaves here.
    let url = crate::globals::get(crate::globals::DOCX_WORKER)
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "./docx-worker_loader.js".to_owned());
    let _busy = super::Busy::new();
    let worker = web_sys::Worker::new(&url).ok()?;
    let (tx, rx) = futures::channel::oneshot::channel::<Option<Vec<u8>>>();
    let tx = std::rc::Rc::new(std::cell::RefCell::new(Some(tx)));
    let on_message = {
        let (tx, worker) = (tx.clone(), worker.clone());
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |e: web_sys::MessageEvent| {
                // The worker first says it is ready; then it answers with the file.
                if e.data().as_string().as_deref() == Some("ready") {
                    if worker.post_message(&wasm_bindgen::JsValue::from_str(&json)).is_err() {
                        if let Some(tx) = tx.borrow_mut().take() {
                            let _ = tx.send(None);
                        }
                    }
                    return;
                }
                let bytes = e.data().dyn_into::<js_sys::Uint8Array>().ok().map(|a| a.to_vec());
                if let Some(tx) = tx.borrow_mut().take() {
                    let _ = tx.send(bytes);
                }
            },
        )
    };
    let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Some(tx) = tx.borrow_mut().take() {
            let _ = tx.send(None);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let result = rx.await.ok().flatten();
    worker.terminate();
    drop((on_message, on_error));
    result
}

/// The page rules of a document: size, margins, page numbers at the outer side, and the digest
/// in the middle of every page's foot. Only digits, letters and hyphens reach the stylesheet.
fn page_rules(doc: &Document) -> String {
    let safe = |s: &str| {
        s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ' ').collect::<String>()
    };
    // The foot's words are the document's own constants; only digits, letters, spaces and
    // hyphens of the record's id and digest reach the stylesheet. (The training mark is at the
    // head of every page, not repeated in the foot, which must leave room for the page number.)
    let foot = Document {
        record_id: safe(&doc.record_id),
        digest: safe(&doc.digest),
        blocks: Vec::new(),
        training: false,
        ..doc.clone()
    }
    .foot();
    let head = if doc.training {
        format!("@top-center {{ content: \"{}\"; font: bold 14pt sans-serif; vertical-align: bottom; padding-bottom: 8mm; }} ", doc.training_mark())
    } else {
        String::new()
    };
    format!(
        "@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; {head}\
           @bottom-center {{ content: \"{foot}\"; font: 9pt sans-serif; vertical-align: top; padding-top: 16mm; }} }}\n\
         @page :right {{ @bottom-right {{ content: \"— \" counter(page) \" —\"; font: 14pt \"Times New Roman\", serif; \
           vertical-align: top; padding-top: 7mm; text-align: right; padding-right: 4.5mm; }} }}\n\
         @page :left {{ @bottom-left {{ content: \"— \" counter(page) \" —\"; font: 14pt \"Times New Roman\", serif; \
           vertical-align: top; padding-top: 7mm; text-align: left; padding-left: 4.5mm; }} }}"
    )
}

/// A document as HTML (text only: nothing the user typed is ever parsed as markup).
pub fn render(doc: &Document) -> Html {
    // A block, or of a table the rows in `part` (`..n` continues below; `n..` goes on from the
    // rows above it, without the header, in the columns of the same widths).
    let render_part = |b: &Block, part: std::ops::Range<usize>| match b {
        Block::Heading(h) => html! { <h3 class="doc-heading">{ h }</h3> },
        // Each typed line a paragraph of its own, indented as body text is (numbered points).
        Block::Paragraph(p) => {
            p.split('\n').map(|line| html! { <p class="doc-para">{ line }</p> }).collect::<Html>()
        }
        Block::Fields(fields) => {
            let (continued, continues) = (part.start > 0, part.end < fields.len());
            html! {
                <table class={classes!("doc-fields", continued.then_some("continued"), continues.then_some("continues"))}>
                    <tbody>
                        { for fields[part.start.min(fields.len())..part.end.min(fields.len())].iter().map(|(l, v)| html! {
                            <tr><th scope="row">{ l }</th><td>{ v }</td></tr>
                        }) }
                    </tbody>
                </table>
            }
        }
        Block::Table { header, rows, nowrap } => {
            let (continued, continues) = (part.start > 0, part.end < rows.len());
            html! {
                <table class={classes!("doc-table", continued.then_some("continued"), continues.then_some("continues"))}>
                    // The columns' widths of the print model, as the Word file sets them.
                    <colgroup>
                        { for column_shares(header, rows, nowrap).into_iter().map(|share| html! {
                            <col style={format!("width: {:.2}%", share * 100.0)} />
                        }) }
                    </colgroup>
                    if !continued {
                        <thead><tr>{ for header.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                    }
                    <tbody>
                        { for rows[part.start.min(rows.len())..part.end.min(rows.len())].iter().map(|r| html! {
                            <tr>{ for r.iter().enumerate().map(|(i, c)| html! {
                                <td class={classes!(nowrap.contains(&i).then_some("nowrap"))}>{ c }</td>
                            }) }</tr>
                        }) }
                    </tbody>
                </table>
            }
        }
        Block::Bars { caption, rows } => {
            let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
            html! {
                <figure class="doc-bars">
                    <figcaption>{ caption }</figcaption>
                    <table>
                        <tbody>
                            { for rows.iter().map(|(label, n)| html! {
                                <tr>
                                    <th scope="row">{ label }</th>
                                    <td>
                                        <span class="bar" style={format!("width: {}%", n * 80 / max)}></span>
                                        <span class="count">{ n }</span>
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </figure>
            }
        }
        Block::SignLines(lines) => html! {
            <div class="doc-sign">{ for lines.iter().map(|l| html! { <p>{ l }</p> }) }</div>
        },
    };
    // What the print model keeps with the organisation and date goes into one box that does not
    // break (the seal never alone, two lines of body text above it).
    let (mut blocks, mut held) = (Vec::<Html>::new(), Vec::<Html>::new());
    let from = doc.kept_with_signature().unwrap_or((doc.blocks.len(), 0));
    let render = |b: &Block| render_part(b, 0..usize::MAX);
    for (i, b) in doc.blocks.iter().enumerate() {
        match b {
            Block::Paragraph(p) if i == from.0 => {
                for (n, line) in p.split('\n').enumerate() {
                    let line = html! { <p class="doc-para">{ line }</p> };
                    if n < from.1 {
                        blocks.push(line)
                    } else {
                        held.push(line)
                    }
                }
            }
            // The last rows of a table kept with the signature go on in a table of their own in
            // the box that does not break (the columns line up: the widths are fixed).
            Block::Table { .. } | Block::Fields(_) if i == from.0 && from.1 > 0 => {
                blocks.push(render_part(b, 0..from.1));
                held.push(render_part(b, from.1..usize::MAX));
            }
            _ if i < from.0 => blocks.push(render(b)),
            _ => held.push(render(b)),
        }
    }
    let date = doc.date_text();
    html! {
        <article class={classes!("document", doc.tight.then_some("tight"))} aria-labelledby="doc-title" lang={if doc.lang == Lang::En { "en" } else { "zh-CN" }}>
            if doc.training {
                <p class="doc-training-mark">{ doc.training_mark() }</p>
            }
            <h2 id="doc-title" class="doc-title">{ &doc.title }</h2>
            if let Some(a) = &doc.addressee {
                <p class="doc-addressee">{ a }</p>
            }
            { for blocks }
            <div class="doc-end">
                { for held }
                <div class="doc-issuer">
                    <p class="seal muted-print">{ t(doc.lang, Key::SealSpace) }</p>
                    <p>{ &doc.issuer }</p>
                    <p>{ date }</p>
                </div>
            </div>
            <p class="doc-foot-screen">{ doc.foot() }</p>
        </article>
    }
}
