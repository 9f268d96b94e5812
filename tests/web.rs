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

#[wasm_bindgen_test]
async fn the_catalogue_shows_every_category_matter_and_flag() {
    let root = mount();
    let catalogue = Rc::new(Catalogue::template());
    yew::Renderer::<CatalogueView>::with_root_and_props(root.clone(), CatalogueViewProps { catalogue })
        .render();
    yew::scheduler::flush().await;

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
async fn searching_narrows_the_catalogue_as_you_type() {
    use wasm_bindgen::JsCast;
    let root = mount();
    let catalogue = Rc::new(Catalogue::template());
    yew::Renderer::<CatalogueView>::with_root_and_props(root.clone(), CatalogueViewProps { catalogue })
        .render();
    yew::scheduler::flush().await;
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

#[wasm_bindgen_test]
async fn the_app_opens_on_the_catalogue_in_chinese() {
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("城乡社区协商工作台"));
    assert!(text.contains("协商事项目录"));
}
