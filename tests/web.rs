//! Components rendered in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use wasm_bindgen_test::*;
use xieshang::domain::Catalogue;
use xieshang::ui::{App, CatalogueView, CatalogueViewProps};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Renders the catalogue component on its own and lets it settle.
async fn render_catalogue(catalogue: Catalogue) -> web_sys::Element {
    let root = mount();
    let props = CatalogueViewProps { catalogue: Rc::new(catalogue), on_start: None };
    yew::Renderer::<CatalogueView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn the_catalogue_shows_every_category_matter_and_flag() {
    let root = render_catalogue(Catalogue::template()).await;

    let text = root.text_content().unwrap();
    for label in [
        "制度建设类",
        "公共事务类",
        "为民服务类",
        "公益事业类",
        "民主监督类",
        "村（居）务管理类",
        "（模板未标注类别）",
        "党务服务管理",
        "其他类",
    ] {
        assert!(text.contains(label), "category {label} is shown");
    }
    let headings = root.query_selector_all("section.group h3").unwrap();
    assert_eq!(headings.length(), 9);
    assert_eq!(root.query_selector_all("tr.matter").unwrap().length(), 55);
    assert_eq!(root.query_selector_all("tr.slot").unwrap().length(), 6);
    assert!(text.contains("门禁改造、视频监控、电子快递柜、充电桩设立"));
    assert!(text.contains("供电、供水、供气、通信、电视、网络等行业服务设施建设、收费、管理、维护。"));
    for tag in ["空行", "重复事项", "缺少序号", "无序号", "无类别名称", "多余标点"] {
        assert!(text.contains(tag), "flag {tag} is shown");
    }
    // The flags sit on the rows they concern.
    let duplicates = root.query_selector_all("tr.matter .flag").unwrap();
    assert_eq!(duplicates.length(), 6, "rows 8, 42, 49 and the three unnumbered rows");
}

#[wasm_bindgen_test]
async fn hints_a_county_sets_are_shown_beside_the_matter() {
    use xieshang::domain::catalogue::Entry;
    let mut catalogue = Catalogue::template();
    for group in &mut catalogue.groups {
        for entry in &mut group.entries {
            if let Entry::Matter(m) = entry {
                if m.id == "tpl-11" {
                    m.hints.cross_village = true;
                    m.hints.technical = true;
                }
            }
        }
    }
    let root = render_catalogue(catalogue).await;
    let hints = root.query_selector_all("tr.matter .hint").unwrap();
    assert_eq!(hints.length(), 2);
    let row = hints.item(0).unwrap().parent_element().unwrap().parent_element().unwrap();
    let text = row.text_content().unwrap();
    assert!(
        text.contains("乡镇、村庄道路命名")
            && text.contains("常涉及多个村（社区）")
            && text.contains("常具专业性、技术性")
    );
}

#[wasm_bindgen_test]
async fn searching_narrows_the_catalogue_as_you_type() {
    use wasm_bindgen::JsCast;
    let root = render_catalogue(Catalogue::template()).await;
    let input: web_sys::HtmlInputElement =
        root.query_selector("#catalogue-search").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("充电桩");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    let rows = root.query_selector_all("tr.matter").unwrap();
    assert_eq!(rows.length(), 1);
    assert!(root.text_content().unwrap().contains("公益事业类"));
    input.set_value("没有这个事项");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert!(root.text_content().unwrap().contains("没有找到相符的事项。"));
}

/// Waits (up to five seconds) until the root's text contains `needle`.
async fn until_text(root: &web_sys::Element, needle: &str) -> String {
    for _ in 0..500 {
        yew::scheduler::flush().await;
        let text = root.text_content().unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("never showed {needle}: {}", root.text_content().unwrap_or_default());
}

#[wasm_bindgen_test]
async fn the_app_opens_on_the_catalogue_in_chinese() {
    let root = mount();
    web_sys::window().unwrap().location().set_hash("#/catalogue").unwrap();
    let props = xieshang::ui::AppProps { db: "web-test-app".into(), ..Default::default() };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    let text = until_text(&root, "发起协商").await;
    assert!(text.contains("城乡社区协商工作台"));
    assert!(text.contains("协商事项目录"));
    assert!(text.contains("群众意见台账"));
}

mod storage {
    //! The storage layer against the browser's real IndexedDB.
    use super::*;
    use time::macros::datetime;
    use wasm_bindgen::{JsCast, JsValue};
    use xieshang::domain::ledger::Summary;
    use xieshang::domain::record::{Edit, MatterCopy, Record, Value};
    use xieshang::domain::settings::Settings;
    use xieshang::domain::{CountyRules, Procedure};
    use xieshang::ui::storage::{Db, SaveOutcome};

    fn record(id: &str) -> (Procedure, Record) {
        let procedure = Procedure::standard();
        let catalogue = Catalogue::template();
        let (g, m) = catalogue.matter("tpl-27").unwrap();
        let r = Record::start(
            id.into(),
            &procedure,
            MatterCopy::of(&catalogue, g, m),
            &Default::default(),
            false,
            datetime!(2026-11-01 08:00 UTC),
        );
        (procedure, r)
    }

    fn canon(r: &Record) -> String {
        xieshang::domain::transfer::canonical_json(r)
    }

    fn edit(p: &Procedure, r: &mut Record, topic: &str) {
        let e = Edit::SetValue { field: "topic".into(), value: Some(Value::Text(topic.into())) };
        r.apply(p, &CountyRules::default(), e, datetime!(2026-11-01 09:00 UTC)).unwrap();
    }

    #[wasm_bindgen_test]
    async fn records_round_trip_and_a_stale_save_is_refused() {
        let db = Db::open("web-test-storage").await.expect("IndexedDB opens");
        let (p, mut mine) = record("web-r1");
        assert!(matches!(
            db.save_record(&mine, &canon(&mine), &Summary::of(&mine, &p), None).await,
            Ok(SaveOutcome::Saved)
        ));
        let loaded = db.record("web-r1").await.unwrap().expect("stored");
        assert_eq!(loaded, mine);
        // Another tab saves revision 2 on top of revision 1.
        let mut theirs = loaded.clone();
        edit(&p, &mut theirs, "他们的议题");
        assert!(matches!(
            db.save_record(&theirs, &canon(&theirs), &Summary::of(&theirs, &p), Some(1)).await,
            Ok(SaveOutcome::Saved)
        ));
        // This tab, still based on revision 1, must not overwrite it.
        edit(&p, &mut mine, "我的议题");
        match db.save_record(&mine, &canon(&mine), &Summary::of(&mine, &p), Some(1)).await {
            Ok(SaveOutcome::Conflict(stored)) => assert_eq!(*stored, theirs),
            other => panic!("expected a conflict, got {other:?}"),
        }
        assert_eq!(db.record("web-r1").await.unwrap().unwrap(), theirs);
        let summaries = db.summaries().await.unwrap();
        assert_eq!(summaries.items.iter().filter(|s| s.id == "web-r1").count(), 1);
        assert_eq!(summaries.items.iter().find(|s| s.id == "web-r1").unwrap().topic, "他们的议题");
        db.delete_record("web-r1").await.unwrap();
        assert_eq!(db.record("web-r1").await.unwrap(), None);
    }

    #[wasm_bindgen_test]
    async fn records_stored_as_text_by_earlier_versions_are_still_read_and_saved_over() {
        use idb::{Factory, TransactionMode};
        use xieshang::ui::storage::{stored_bytes, stored_value};
        assert_eq!(stored_bytes(&stored_value("协商记录")).unwrap(), "协商记录".as_bytes());
        assert_eq!(stored_bytes(&JsValue::from_str("协商记录")).unwrap(), "协商记录".as_bytes());
        assert_eq!(stored_bytes(&JsValue::from_f64(1.0)), None);

        let db = Db::open("web-test-legacy").await.unwrap();
        let (p, mut r) = record("web-legacy");
        // An earlier version stored the canonical JSON as a string.
        let raw = Factory::new().unwrap().open("web-test-legacy", None).unwrap().await.unwrap();
        let tx = raw.transaction(&["records"], TransactionMode::ReadWrite).unwrap();
        let store = tx.object_store("records").unwrap();
        store
            .put(&JsValue::from_str(&canon(&r)), Some(&JsValue::from_str("web-legacy")))
            .unwrap()
            .await
            .unwrap();
        tx.await.unwrap();
        raw.close();
        assert_eq!(db.record("web-legacy").await.unwrap().unwrap(), r);
        // Its revision is read from the text, so a save based on it goes through, as bytes.
        edit(&p, &mut r, "新的议题");
        assert!(matches!(
            db.save_record(&r, &canon(&r), &Summary::of(&r, &p), Some(1)).await,
            Ok(SaveOutcome::Saved)
        ));
        assert_eq!(db.record("web-legacy").await.unwrap().unwrap(), r);
        let texts = db.record_texts().await.unwrap();
        let (_, stored) = texts.iter().find(|(id, _)| id == "web-legacy").unwrap();
        assert!(stored.is_instance_of::<js_sys::Uint8Array>());
        assert_eq!(stored_bytes(stored).unwrap(), canon(&r).into_bytes());
    }

    #[wasm_bindgen_test]
    async fn settings_are_kept() {
        let db = Db::open("web-test-settings").await.unwrap();
        assert_eq!(db.settings().await.unwrap(), Settings::default());
        let s = Settings {
            county: "玛纳斯县".into(), community: "幸福社区".into(), ..Settings::default()
        };
        db.save_settings(&s).await.unwrap();
        assert_eq!(db.settings().await.unwrap(), s);
    }
}

#[wasm_bindgen_test]
fn tabs_talk_in_one_message_type_with_the_shapes_earlier_builds_send() {
    use xieshang::ui::tabs::{Part, TabMessage};
    let saved = TabMessage::Saved { id: "r1".into(), revision: 3 };
    let deleted = TabMessage::Deleted { id: "r1".into(), deleted: true };
    let changed = TabMessage::Changed { changed: Part::Catalogue, tab: "p1".into() };
    assert_eq!(serde_json::to_string(&saved).unwrap(), r#"{"id":"r1","revision":3}"#);
    assert_eq!(serde_json::to_string(&deleted).unwrap(), r#"{"id":"r1","deleted":true}"#);
    assert_eq!(serde_json::to_string(&changed).unwrap(), r#"{"changed":"catalogue","tab":"p1"}"#);
    // What earlier builds sent (keys in another order) is read the same.
    assert_eq!(TabMessage::read(r#"{"deleted":true,"id":"r1"}"#), Some(deleted));
    assert_eq!(TabMessage::read(r#"{"revision":3,"id":"r1"}"#), Some(saved.clone()));
    assert_eq!(
        TabMessage::read(r#"{"changed":"all","tab":"p2"}"#),
        Some(TabMessage::Changed { changed: Part::All, tab: "p2".into() })
    );
    assert_eq!(saved.record(), Some("r1"));
    assert_eq!(TabMessage::read(r#"{"changed":"nonsense","tab":"p2"}"#), None);
    assert_eq!(TabMessage::read("not json"), None);
}
